package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.sweep.SweepFolderException;
import org.alliancesim.model.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps through the API: what a request refuses, the folder rules, progress and results. */
class SweepUseCaseTest {

    static final String SWEEP = "design: random\npoints: 6\nreplications: 2\nfamilies: 80\nmetrics: [dropout_share]\n"
            + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n";

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static SweepRequest request(Path file, Path out) throws Exception {
        return SweepRequest.of(file, out).withThreads(2);
    }

    @Test
    void badSweepsAreRefusedAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("out");
        Path typo = file("typo.yaml", "parameters:\n  - {path: therapists.1.repair_skil, min: 0, max: 1}\n");
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> SweepUseCase.execute(request(typo, out)));
        assertTrue(e.getMessage().startsWith(typo + ": parameters[0].path: 'therapists.1.repair_skil' is not a number"
                + " in default (therapists[1]: unknown field 'repair_skil'") && e.getMessage().contains("repair_skill"),
                e.getMessage());
        Path missing = file("missing.yaml", "parameters:\n  - {path: families.7.conflict, min: 0, max: 1}\n");
        assertTrue(assertThrows(BadRequestException.class, () -> SweepUseCase.execute(request(missing, out)))
                .getMessage().contains("'families.7.conflict' is not a number in default (families: no entry 7;"),
                "a list entry the base does not have");
        Path group = file("group.yaml", "parameters:\n  - {path: therapists.1, min: 0, max: 1}\n");
        assertTrue(assertThrows(BadRequestException.class, () -> SweepUseCase.execute(request(group, out)))
                .getMessage().contains("'therapists.1' is not a number in default (it is a group of fields;"));
        Path huge = file("huge.yaml", "parameters:\n  - {path: therapists.1.repair_skill, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: therapists.1.warmth, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: families.0.conflict, min: 0, max: 1, steps: 10000}\n");
        assertTrue(assertThrows(BadRequestException.class, () -> request(huge, out)).getMessage()
                .startsWith(huge + ": the grid has 10000 x 10000 x 10000 values = 1000000000000 points"),
                "refused when the request is made, before anything is allocated");
        Path good = file("good.yaml", SWEEP);
        assertEquals("--shard must be K/N with 1 <= K <= N, was '3/2'",
                assertThrows(BadRequestException.class, () -> SweepRequest.Shard.parse("3/2")).getMessage());
        assertEquals("--shard must be K/N with 1 <= K <= N, was '1:2'",
                assertThrows(BadRequestException.class, () -> SweepRequest.Shard.parse("1:2")).getMessage());
        assertThrows(ParameterException.class, () -> request(good, out).withThreads(0));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theFolderMustBeNewEmptyOrResumedOrForced() throws Exception {
        Path good = file("good.yaml", SWEEP);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertTrue(assertThrows(BadRequestException.class, () -> SweepUseCase.execute(request(good, out))).getMessage()
                .endsWith("exists and is not empty; use --resume to finish the sweep in it, --force to start afresh,"
                        + " or another folder"));
        assertTrue(assertThrows(BadRequestException.class,
                () -> SweepUseCase.execute(request(good, out).withResume(true))).getMessage()
                .contains("exists and is not empty, but holds no manifest.json, so there is no sweep in it to resume"));
        assertTrue(assertThrows(BadRequestException.class,
                () -> SweepUseCase.execute(request(good, out.resolve("notes.txt")))).getMessage().endsWith(
                        "notes.txt is a file; give a folder"));
        SweepUseCase.Result r = SweepUseCase.execute(request(good, out).withForce(true));
        assertEquals(6, r.points());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")), "only a sweep's files are replaced");
        // --resume on a folder that does not exist yet starts the sweep (as a Slurm task's first run does).
        assertEquals(6, SweepUseCase.execute(request(good, dir.resolve("new")).withResume(true)).ranNow());
    }

    /**
     * Progress counts the shard's points done, those of an interrupted run included, one update per
     * point run now, in order, ending at the total.
     */
    @Test
    void progressCountsTheShardsPointsDone() throws Exception {
        Path good = file("good.yaml", SWEEP);
        Path out = dir.resolve("out");
        List<long[]> updates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Progress record = (done, total, note) -> {
            updates.add(new long[] {done, total});
            notes.add(note);
        };
        SweepUseCase.Result first = SweepUseCase.execute(request(good, out).withShard(new SweepRequest.Shard(1, 2))
                .withProgress(record));
        assertEquals(3, first.points());
        assertEquals(List.of("1/3", "2/3", "3/3"), updates.stream().map(u -> u[0] + "/" + u[1]).toList());
        assertTrue(notes.stream().allMatch(n -> n.matches("\\d+\\.\\d runs/s")), notes.toString());
        // Interrupted after two points: the last point's row is lost, and resuming runs only it.
        Path points = out.resolve("points.csv");
        List<String> rows = Files.readAllLines(points);
        Files.writeString(points, String.join("\n", rows.subList(0, 3)) + "\n");
        Files.writeString(out.resolve("manifest.json"), Files.readString(out.resolve("manifest.json"))
                .replace("\"complete\" : true", "\"complete\" : false"));
        updates.clear();
        SweepUseCase.Result resumed = SweepUseCase.execute(request(good, out).withShard(new SweepRequest.Shard(1, 2))
                .withResume(true).withProgress(record));
        assertEquals(1, resumed.ranNow());
        assertEquals(List.of("3/3"), updates.stream().map(u -> u[0] + "/" + u[1]).toList());
    }

    /** Editing the base scenario (here: a file it extends) between a crash and resume, or between shards. */
    @Test
    void resumeAndMergeRefuseAnEditedBaseScenario() throws Exception {
        Path mid = file("mid.yaml", "extends: default\nrun: {session_limit: 12}\n");
        Path base = file("base.yaml", "extends: mid.yaml\n");
        Path sweep = file("s.yaml", SWEEP.replace("design:", "base: " + base + "\ndesign:"));
        SweepUseCase.execute(request(sweep, dir.resolve("s1")).withShard(SweepRequest.Shard.parse("1/2")));
        Files.writeString(mid, "extends: default\nrun: {session_limit: 14}\n");
        SweepUseCase.execute(request(sweep, dir.resolve("s2")).withShard(SweepRequest.Shard.parse("2/2")));
        SweepFolderException merge = assertThrows(SweepFolderException.class, () -> MergeUseCase.execute(
                MergeRequest.of(List.of(dir.resolve("s1"), dir.resolve("s2")), Output.to(dir.resolve("merged")))));
        assertEquals(dir.resolve("s2") + ": a different sweep than " + dir.resolve("s1") + ": base scenario " + base
                + ", run.session_limit: 14 vs 12 (" + dir.resolve("s2") + " vs " + dir.resolve("s1") + ")",
                merge.getMessage());
        assertFalse(Files.exists(dir.resolve("merged")));
        SweepFolderException resume = assertThrows(SweepFolderException.class, () -> SweepUseCase.execute(
                request(sweep, dir.resolve("s1")).withShard(SweepRequest.Shard.parse("1/2")).withResume(true)));
        assertEquals(dir.resolve("s1/manifest.json"), resume.file());
        assertTrue(resume.problem().startsWith("the folder holds another sweep: base scenario " + base
                + ", run.session_limit: 12 vs 14 (in the folder vs now)"), resume.problem());
    }

    /** Values below 5e-7 printed as 0 with 6 decimals; now they are written as given. */
    @Test
    void smallParameterValuesKeepTheirPrecisionInTheCsv() throws Exception {
        Path f = file("small.yaml", "replications: 1\nfamilies: 20\nmetrics: [dropout_share]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, values: [1e-7, 4e-7, 0.25]}\n");
        SweepUseCase.execute(request(f, dir.resolve("o")));
        List<String> points = Files.readAllLines(dir.resolve("o/points.csv"));
        assertEquals(List.of("0.0000001", "0.0000004", "0.25"), points.stream().skip(1).map(l -> l.split(",")[1]).toList());
        assertTrue(Files.readString(dir.resolve("o/runs.csv")).contains("\n1,0,0.0000004,"));
    }

    /** A file that cannot be written (charts/ is a file) stops the sweep with an IOException naming it; resume finishes. */
    @Test
    void aFileThatCannotBeWrittenLeavesNoCompleteManifest() throws Exception {
        Path g = file("good.yaml", SWEEP);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("charts"), "in the way");
        IOException e = assertThrows(IOException.class, () -> SweepUseCase.execute(request(g, out).withForce(true)));
        assertTrue(e instanceof java.nio.file.FileSystemException f && f.getFile().equals(out.resolve("charts").toString()),
                e.toString());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"complete\" : false"));
        Files.delete(out.resolve("charts"));
        assertEquals(0, SweepUseCase.execute(request(g, out).withResume(true)).ranNow());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"complete\" : true"));
    }
}
