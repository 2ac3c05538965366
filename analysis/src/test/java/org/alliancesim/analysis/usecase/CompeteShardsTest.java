package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.alliancesim.analysis.report.CompeteReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22, items 2, 3 and 13: merge reads back from compete shards only what compete could have
 * written, never through a link and never more than compete writes; shards of one hypotheses file
 * named relatively and absolutely merge.
 */
class CompeteShardsTest {

    /** Two variants (one fitted in [-5, -2], one fixed), a budget of 3, the built-in validation set. */
    static final String SMALL = "max_evaluations: 3\nreplications: 2\nfamilies: 100\nvalidation_replications: 2\n"
            + "variants:\n"
            + "  - name: fitted\n    fit: [{path: dynamics.attendance.intercept, min: -5.0, max: -2.0}]\n"
            + "  - name: fixed\n    edits: {therapists.1.repair_skill: 0.2}\n";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static Path hypotheses;

    @BeforeAll
    static void shards() throws Exception {
        hypotheses = Files.writeString(shared.resolve("h.yaml"), SMALL);
        // Shard 1 names the file relatively, shard 2 absolutely (before: "shard of different hypotheses").
        Path relative = Path.of("").toAbsolutePath().relativize(hypotheses);
        CompeteUseCase.execute(CompeteRequest.of(relative).withThreads(1).withShard(SweepRequest.Shard.parse("1/2"))
                .withOutput(Output.to(shared.resolve("s1"))));
        CompeteUseCase.execute(CompeteRequest.of(hypotheses.toAbsolutePath()).withThreads(1)
                .withShard(SweepRequest.Shard.parse("2/2")).withOutput(Output.to(shared.resolve("s2"))));
    }

    /** Copies of the two shards; {@code edit} changes the copy of shard 1. */
    List<Path> copies(Consumer<Path> edit) throws Exception {
        List<Path> out = new java.util.ArrayList<>();
        for (String s : List.of("s1", "s2")) {
            Path from = shared.resolve(s);
            Path to = dir.resolve(s);
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                }
            }
            out.add(to);
        }
        edit.accept(out.get(0));
        return out;
    }

    /** merge of {@code shards} is refused with a message containing {@code message}; nothing is written. */
    void refused(List<Path> shards, String message) {
        Path out = dir.resolve("merged");
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> MergeUseCase.execute(MergeRequest.of(shards, Output.to(out))));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** Sets the score field {@code field} of shard 1's only variant (variant 0, "fitted") in shard.json. */
    static Consumer<Path> score(String field, Object value) {
        return shard -> {
            try {
                Path f = shard.resolve(CompeteReport.SHARD);
                ObjectNode o = (ObjectNode) JSON.readTree(f.toFile());
                ObjectNode s = (ObjectNode) o.get("scores").get(0);
                s.set(field, JSON.valueToTree(value));
                Files.writeString(f, JSON.writeValueAsString(o));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void shardsOfOneFileNamedRelativelyAndAbsolutelyMerge() throws Exception {
        MergeUseCase.Result m = MergeUseCase.execute(MergeRequest.of(copies(s -> { }), Output.to(dir.resolve("merged"))));
        assertEquals(2, m.shards());
        assertEquals(3, Files.readAllLines(dir.resolve("merged/ranking.csv")).size());
    }

    /** Before: 12 of 8 patterns (ranked first), a distance of -100, 999,999 evaluations of 3, were merged. */
    @Test
    void aScoreCompeteCouldNotHaveWrittenIsRefused() throws Exception {
        String at = dir.resolve("s1").resolve(CompeteReport.SHARD) + ": variant fitted: ";
        refused(copies(score("patterns_met", 12)), at + "12 of 8 patterns met; expected 0 <= patterns met <= patterns");
        refused(copies(score("validation_distance", -100)), at + "validation distance is -100; a distance is a finite"
                + " sum of squares, at least 0");
        refused(copies(score("calibration_distance", "Infinity")), at + "calibration distance is Inf;");
        refused(copies(score("evaluations", 999_999)), at + "evaluations is 999999; the budget is 1..3");
        refused(copies(score("fitted", List.of(-9.0))), at + "dynamics.attendance.intercept is fitted at -9, outside its"
                + " range [-5, -2]");
        refused(copies(score("parameters", List.of("seed"))), at + "fitted parameters are not the variant's");
        // Within every range, but not what the variant's files say.
        refused(copies(score("fitted", List.of(-2.5))), "fitted/fitted.csv:2: not the fitted value shard.json records"
                + " for dynamics.attendance.intercept (-2.5): edited?");
        refused(copies(score("patterns_met", 0)), "fitted/validation.csv: ");
    }

    /** Before: shards run from an edited base were merged unnoticed. */
    @Test
    void shardsRunFromAnEditedBaseAreRefused() throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), "extends: default\n");
        Path h = Files.writeString(dir.resolve("hb.yaml"), "base: " + base + "\n" + SMALL);
        CompeteUseCase.execute(CompeteRequest.of(h).withThreads(1).withShard(SweepRequest.Shard.parse("1/2"))
                .withOutput(Output.to(dir.resolve("b1"))));
        Files.writeString(base, "extends: default\nrun: {families: 120}\n");
        CompeteUseCase.execute(CompeteRequest.of(h).withThreads(1).withShard(SweepRequest.Shard.parse("2/2"))
                .withOutput(Output.to(dir.resolve("b2"))));
        refused(List.of(dir.resolve("b1"), dir.resolve("b2")), dir.resolve("b2") + ": shard run from another content"
                + " of the base scenario " + base + " than " + dir.resolve("b1"));
    }

    /** Before: a trace.csv linked to /etc/passwd was copied into the merged folder. */
    @Test
    void aLinkInAShardIsRefusedNotFollowed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "root:x:0:0\n");
        refused(copies(s -> relink(s.resolve("variants/fitted/trace.csv"), secret)),
                dir.resolve("s1/variants/fitted/trace.csv") + ": a symbolic link; a folder's files are read back only"
                        + " when they are its own, never through a link");
        Path elsewhere = dir.resolve("elsewhere");
        List<Path> linked = copies(s -> {
            try {
                Files.move(s.resolve("variants/fitted"), elsewhere);
                Files.createSymbolicLink(s.resolve("variants/fitted"), elsewhere);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        refused(linked, dir.resolve("s1/variants/fitted") + ": a symbolic link;");
        refused(copies(s -> relink(s.resolve(CompeteReport.SHARD), shared.resolve("s1").resolve(CompeteReport.SHARD))),
                dir.resolve("s1").resolve(CompeteReport.SHARD) + ": a symbolic link;");
    }

    /** Before: 300 MB was read whole, 2.2 GB ended in an OutOfMemoryError. */
    @Test
    void anOversizedFileIsRefusedUnread() throws Exception {
        List<Path> shards = copies(s -> {
            try (RandomAccessFile f = new RandomAccessFile(s.resolve("variants/fitted/trace.csv").toFile(), "rw")) {
                f.setLength(2_200_000_000L); // sparse: 2.2 GB long, nothing written
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        refused(shards, dir.resolve("s1/variants/fitted/trace.csv") + ": holds 2200000000 bytes, more than the ");
        refused(shards, " bytes compete writes there for this variant; refused unread");
    }

    private static void relink(Path at, Path target) {
        try {
            Files.delete(at);
            Files.createSymbolicLink(at, target);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
