package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.alliancesim.scenario.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and edited sweep folders are refused on --resume and merge with the file and line at
 * fault, and nothing is written; what a crash or a full disk leaves is accepted and resumed.
 */
class CheckpointTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** 8 points, 2 replications; run.session_limit is a whole number. */
    static SweepSpec spec;
    static Path finished;

    @BeforeAll
    static void finishedSweep() throws Exception {
        spec = SweepTest.spec("design: latin_hypercube\npoints: 8\nreplications: 2\nfamilies: 40\n"
                + "metrics: [dropout_share, mean_improvement]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
                + "  - {path: run.session_limit, min: 6, max: 20}\n");
        finished = shared.resolve("finished");
        SweepRunner.run(Sweep.of(spec), finished, 2, false, 1, 1, "test", null);
    }

    /** A copy of the finished folder with {@code file} edited. */
    Path damaged(String file, UnaryOperator<List<String>> edit) throws IOException {
        Path copy = Files.createTempDirectory(dir, "copy");
        for (String f : List.of("manifest.json", "points.csv", "runs.csv")) {
            Files.copy(finished.resolve(f), copy.resolve(f));
        }
        Path p = copy.resolve(file);
        List<String> lines = edit.apply(new ArrayList<>(Files.readAllLines(p)));
        Files.writeString(p, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
        return copy;
    }

    /** --resume on {@code folder} is refused with {@code message}, and the folder is left as it was. */
    static void refused(Path folder, String message) throws Exception {
        List<byte[]> before = new ArrayList<>();
        for (String f : List.of("manifest.json", "points.csv", "runs.csv")) {
            before.add(Files.exists(folder.resolve(f)) ? Files.readAllBytes(folder.resolve(f)) : null);
        }
        SweepFolderException e = assertThrows(SweepFolderException.class,
                () -> SweepRunner.run(Sweep.of(spec), folder, 1, true, 1, 1, "test", null));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        for (int i = 0; i < 3; i++) {
            String f = List.of("manifest.json", "points.csv", "runs.csv").get(i);
            if (before.get(i) != null) {
                assertArrayEquals(before.get(i), Files.readAllBytes(folder.resolve(f)), f + " left as it was");
            }
        }
        assertFalse(Files.exists(folder.resolve("summary.json")), "no report written");
    }

    static List<String> complete(List<String> manifest, boolean complete) {
        return manifest.stream().map(l -> l.replace("\"complete\" : true", "\"complete\" : " + complete)).toList();
    }

    @Test
    void aDuplicatedRowIsRefused() throws Exception {
        refused(damaged("points.csv", l -> {
            l.add(l.get(3));
            return l;
        }), "points.csv:10: point 2 again (also at line 4)");
        refused(damaged("runs.csv", l -> {
            l.add(5, l.get(2));
            return l;
        }), "runs.csv:6: point 0, replication 1 again (also at line 3)");
    }

    @Test
    void aPointNotInTheDesignIsRefused() throws Exception {
        refused(damaged("points.csv", l -> {
            l.set(8, l.get(8).replaceFirst("^7,", "12,"));
            return l;
        }), "points.csv:9: point '12' is not a point of this design (0..7)");
        // A row with another point's number: its parameter values are not that point's.
        refused(damaged("points.csv", l -> {
            l.set(8, l.get(8).replaceFirst("^7,", "6,"));
            l.remove(7);
            return l;
        }), "points.csv:8: the parameter values of point 6 are not this design's");
        // Edited parameter values.
        refused(damaged("runs.csv", l -> {
            String[] f = l.get(1).split(",", 4);
            l.set(1, f[0] + "," + f[1] + ",0.5," + f[3]);
            return l;
        }), "runs.csv:2: the parameter values of point 0 are not this design's");
    }

    @Test
    void anEmptiedOrTruncatedPointsFileIsRefused() throws Exception {
        refused(damaged("points.csv", l -> List.of()), "points.csv:1: empty; expected the header point,");
        refused(damaged("points.csv", l -> l.subList(0, 5)), "point 4 has runs (runs.csv line 10) but no row here:"
                + " points.csv was truncated or edited");
        // In a sweep that did not finish, rows lost in the middle are told from an interrupted write.
        Path folder = damaged("points.csv", l -> {
            l.remove(3);
            return l;
        });
        Files.write(folder.resolve("manifest.json"), complete(Files.readAllLines(folder.resolve("manifest.json")), false));
        refused(folder, "point 2 has runs (runs.csv line 6) but no row here, and rows of other points follow it");
        Path missing = damaged("points.csv", l -> l);
        Files.delete(missing.resolve("points.csv"));
        refused(missing, "points.csv: missing");
    }

    @Test
    void runsMissingForAPointThatRanAreRefused() throws Exception {
        refused(damaged("runs.csv", l -> {
            l.remove(4);
            return l;
        }), "points.csv:3: point 1 ran, but runs.csv has 1 of its 2 replications");
        refused(damaged("runs.csv", l -> l.subList(0, 1)), "points.csv:2: point 0 ran, but runs.csv has 0 of its 2");
    }

    @Test
    void wrongHeadersAndRowsAreRefused() throws Exception {
        refused(damaged("runs.csv", l -> {
            l.set(0, l.get(0).replace("run.session_limit", "run.horizon_days"));
            return l;
        }), "runs.csv:1: column 4 is 'run.horizon_days'; this sweep's is 'run.session_limit'");
        refused(damaged("points.csv", l -> {
            String[] f = l.get(2).split(",", -1);
            f[7] = "3";
            l.set(2, String.join(",", f));
            return l;
        }), "points.csv:3: field 8 is '3'; expected a replication count, 0..2");
        refused(damaged("runs.csv", l -> {
            l.set(3, l.get(3) + ",1");
            return l;
        }), "runs.csv:4: has 7 fields; a row of this sweep has 6");
        refused(damaged("runs.csv", l -> {
            l.set(3, l.get(3).replaceFirst("^1,0,", "1,7,"));
            return l;
        }), "runs.csv:4: replication is '7'; this sweep has 0..1");
    }

    /** The files are read as CSV (RFC 4180): a quote left open is refused with the line its row starts on. */
    @Test
    void anUnterminatedQuoteIsRefusedWithItsLine() throws Exception {
        refused(damaged("points.csv", l -> {
            l.set(4, l.get(4) + "\"unterminated");
            return l;
        }), "points.csv:5: not valid CSV (Missing closing quote for value)");
    }

    /** A failed point's error, quoted because it holds commas, reads back and is written back as it was. */
    @Test
    void aQuotedErrorReadsBackByteForByte() throws Exception {
        SweepSpec failing = SweepTest.spec("design: grid\nreplications: 1\nfamilies: 30\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: run.session_limit, values: [0, 8, 10]}\n");
        Path folder = dir.resolve("failing");
        SweepRunner.run(Sweep.of(failing), folder, 1, false, 1, 1, "test", null);
        byte[] points = Files.readAllBytes(folder.resolve("points.csv"));
        assertTrue(new String(points, java.nio.charset.StandardCharsets.UTF_8)
                .contains("\n0,0,,,,,,\"sweep point 0: run.session_limit: must be in [1, 200], was 0\"\n"));
        // Resuming reads the folder back (Checkpoint) and writes the checked rows again.
        SweepRunner.Outcome o = SweepRunner.run(Sweep.of(failing), folder, 1, true, 1, 1, "test", null);
        assertEquals(0, o.ranNow());
        assertEquals(1, o.failed());
        assertArrayEquals(points, Files.readAllBytes(folder.resolve("points.csv")));
    }

    /** What kill -9 or a full disk leaves: the last point's runs written, its row not, half a line. */
    @Test
    void anInterruptedWriteIsResumedToTheSameResult() throws Exception {
        Path folder = damaged("points.csv", l -> l.subList(0, l.size() - 1));
        Files.write(folder.resolve("manifest.json"), complete(Files.readAllLines(folder.resolve("manifest.json")), false));
        Files.writeString(folder.resolve("runs.csv"), Files.readString(folder.resolve("runs.csv")) + "7,0,0.5");
        Files.writeString(folder.resolve("points.csv"), Files.readString(folder.resolve("points.csv")) + "7,0.3");
        SweepRunner.Outcome o = SweepRunner.run(Sweep.of(spec), folder, 1, true, 1, 1, "test", null);
        assertEquals(1, o.ranNow(), "only the interrupted point runs again");
        for (String f : List.of("points.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(finished.resolve(f)), Files.readAllBytes(folder.resolve(f)), f);
        }
    }

    @Test
    void anotherShardOrAnotherSweepIsRefused() throws Exception {
        SweepFolderException e = assertThrows(SweepFolderException.class,
                () -> SweepRunner.run(Sweep.of(spec), damaged("points.csv", l -> l), 1, true, 2, 3, "test", null));
        assertTrue(e.getMessage().endsWith("manifest.json: the folder holds shard 1/1, not 2/3; resume with --shard 1/1,"
                + " or use another --out"), e.getMessage());
        SweepSpec other = SweepTest.spec("design: latin_hypercube\npoints: 8\n"
                + "replications: 2\nfamilies: 40\nseed: 7\nmetrics: [dropout_share, mean_improvement]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
                + "  - {path: run.session_limit, min: 6, max: 20}\n");
        e = assertThrows(SweepFolderException.class,
                () -> SweepRunner.run(Sweep.of(other), damaged("points.csv", l -> l), 1, true, 1, 1, "test", null));
        assertTrue(e.getMessage().contains("the folder holds another sweep: seed: 20261125 vs 7 (in the folder vs now)"),
                e.getMessage());
    }

    /** Merge checks every shard's rows in the library: a damaged shard is refused and nothing is written. */
    @Test
    void mergeRefusesADamagedShard() throws Exception {
        List<Path> shards = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            shards.add(dir.resolve("shard-" + k));
            SweepRunner.run(Sweep.of(spec), shards.get(k - 1), 1, false, k, 2, "test", null);
        }
        Path points = shards.get(1).resolve("points.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(points));
        lines.add(lines.get(1));
        Files.write(points, lines);
        Path out = dir.resolve("merged");
        SweepFolderException e = assertThrows(SweepFolderException.class, () -> SweepMerge.merge(shards, out, "test"));
        assertEquals(points + ":" + lines.size() + ": point " + lines.get(1).split(",")[0] + " again (also at line 2)",
                e.getMessage());
        assertFalse(Files.exists(out));
        // A row of shard 1 in shard 2.
        lines.set(lines.size() - 1, Files.readAllLines(shards.get(0).resolve("points.csv")).get(1));
        Files.write(points, lines);
        e = assertThrows(SweepFolderException.class, () -> SweepMerge.merge(shards, out, "test"));
        assertTrue(e.getMessage().endsWith("belongs to another shard, not to this folder's 2/2"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Field {@code j} (0-based) of line {@code line} (0-based, the header is 0) set to {@code value}. */
    static UnaryOperator<List<String>> field(int line, int j, String value) {
        return l -> {
            String[] f = l.get(line).split(",", -1);
            f[j] = value;
            l.set(line, String.join(",", f));
            return l;
        };
    }

    /**
     * Issue 22, item 3: a replication's value is read back only in the one form the runner writes
     * it, finite and within its metric's range (before: 1e999, -Inf, -5, 000.336667 were kept).
     * runs.csv: point, replication, repair_skill, session_limit, dropout_share, mean_improvement.
     */
    @Test
    void aValueTheRunnerCouldNotHaveWrittenIsRefused() throws Exception {
        String form = "'; expected nothing or a number as the sweep writes it (plain decimal, like 0.25 or 12, at most"
                + " 6 decimals)";
        for (String bad : List.of("1e999", "-Inf", "Inf", "NaN", "000.336667", "0.50", "1e-3", ".5", "0x1p-2", " 0.5",
                "0.5d", "0.1234567", "+0.5", "-0")) {
            refused(damaged("runs.csv", field(2, 4, bad)), "runs.csv:3: field 5 (dropout_share) is '" + bad + form);
        }
        refused(damaged("runs.csv", field(2, 4, "-5")), "runs.csv:3: field 5 (dropout_share) is -5; a replication's"
                + " dropout_share lies in [0, 1]");
        refused(damaged("runs.csv", field(2, 4, "1.000001")), "runs.csv:3: field 5 (dropout_share) is 1.000001;");
        refused(damaged("runs.csv", field(2, 5, "-7.5")), "runs.csv:3: field 6 (mean_improvement) is -7.5; a"
                + " replication's mean_improvement lies in [0, inf]");
    }

    /** Before: a points.csv mean of 0.001 was kept though its runs gave 0.368. */
    @Test
    void aSummaryThatIsNotThatOfItsRunsIsRefused() throws Exception {
        List<String> points = Files.readAllLines(finished.resolve("points.csv"));
        String[] row = points.get(1).split(",", -1);
        refused(damaged("points.csv", field(1, 3, "0.001")), "points.csv:2: field 4 (dropout_share_mean) is '0.001',"
                + " but the point's rows in runs.csv give '" + row[3] + "': points.csv and runs.csv disagree");
        refused(damaged("points.csv", field(1, 4, "1e999")), "points.csv:2: field 5 (dropout_share_sd) is '1e999',");
        // A run's value edited within its range: the point's summary no longer matches.
        List<String> runs = Files.readAllLines(finished.resolve("runs.csv"));
        String v = runs.get(1).split(",", -1)[4];
        refused(damaged("runs.csv", field(1, 4, v.equals("0.5") ? "0.25" : "0.5")),
                "points.csv:2: field 4 (dropout_share_mean) is '" + row[3] + "', but the point's rows in runs.csv give");
    }

    /** The summary columns are the t-interval of the values as runs.csv holds them (worked by hand). */
    @Test
    void summaryColumnsAreThoseOfTheWrittenValues() {
        // mean 0.5; sd = sqrt(2 * 0.25^2 / 1) = 0.353553; t(0.975, 1) = 12.706205; half-width
        // 12.706205 * 0.353553 / sqrt(2) = 3.176551.
        assertEquals(",0.5,0.353553,-2.676551,3.676551,2", SweepRows.summaryColumns(List.of("0.25", "0.75", "")));
        assertEquals(",0.3,,,,1", SweepRows.summaryColumns(List.of("", "0.3")));
        assertEquals(",,,,,0", SweepRows.summaryColumns(List.of("", "")));
    }

    /**
     * Item 2/9 (read side): files are size-bounded before reading (before: 2.2 GB ended in an
     * OutOfMemoryError), and never read through a link.
     */
    @Test
    void anOversizedOrLinkedFileIsRefusedUnread() throws Exception {
        Path big = damaged("points.csv", l -> l);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.resolve("points.csv").toFile(), "rw")) {
            f.setLength(2_200_000_000L); // sparse: nothing is written, but it is 2.2 GB long
        }
        SweepFolderException e = assertThrows(SweepFolderException.class,
                () -> SweepRunner.run(Sweep.of(spec), big, 1, true, 1, 1, "test", null));
        assertTrue(e.getMessage().startsWith(big.resolve("points.csv") + ": holds 2200000000 bytes, more than the "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes a sweep of this design and shard writes there; refused unread"
                + " (edited, or not written by alliancesim)"), e.getMessage());
        Path bigRuns = damaged("runs.csv", l -> l);
        Files.writeString(bigRuns.resolve("runs.csv"), "x".repeat(300_000), java.nio.file.StandardOpenOption.APPEND);
        refused(bigRuns, "runs.csv: holds ");
        for (String f : List.of("points.csv", "runs.csv", "manifest.json")) {
            Path linked = damaged(f, l -> l);
            Path real = Files.move(linked.resolve(f), dir.resolve(linked.getFileName() + "-" + f));
            Files.createSymbolicLink(linked.resolve(f), real);
            SweepFolderException l = assertThrows(SweepFolderException.class,
                    () -> SweepRunner.run(Sweep.of(spec), linked, 1, true, 1, 1, "test", null));
            assertEquals(linked.resolve(f) + ": a symbolic link; a folder's files are read back only when they are its"
                    + " own, never through a link", l.getMessage());
        }
    }
}
