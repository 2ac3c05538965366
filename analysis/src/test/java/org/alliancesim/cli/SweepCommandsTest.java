package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandsTest {

    @TempDir
    Path dir;

    static final String SWEEP = "design: random\npoints: 6\nreplications: 2\nfamilies: 80\nmetrics: [dropout_share]\n"
            + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n";

    @Test
    void mergeRefusesMismatchedIncompleteOrDuplicatedShards() throws Exception {
        Path a = dir.resolve("a.yaml");
        Files.writeString(a, SWEEP);
        Path b = dir.resolve("b.yaml");
        Files.writeString(b, SWEEP.replace("seed", "x").replace("points: 6", "points: 6\nseed: 99"));
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, AllianceSimTest.run("sweep", a.toString(), "--shard", k + "/2", "--out",
                    dir.resolve("a" + k).toString(), "--quiet").code());
        }
        assertEquals(0, AllianceSimTest.run("sweep", b.toString(), "--shard", "2/2", "--out",
                dir.resolve("b2").toString(), "--quiet").code());
        Outcome other = AllianceSimTest.run("merge", dir.resolve("a1").toString(), dir.resolve("b2").toString(),
                "--out", dir.resolve("m1").toString());
        assertEquals(2, other.code());
        assertTrue(other.err().contains("b2: a different sweep than " + dir.resolve("a1") + ": seed: 99 vs 20261125"),
                other.err());
        Outcome missing = AllianceSimTest.run("merge", dir.resolve("a1").toString(), "--out", dir.resolve("m2").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("shards [2] of 2 are missing"), missing.err());
        Outcome twice = AllianceSimTest.run("merge", dir.resolve("a1").toString(), dir.resolve("a1").toString(),
                "--out", dir.resolve("m3").toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("given twice"), twice.err());
        Outcome ok = AllianceSimTest.run("merge", dir.resolve("a2").toString(), dir.resolve("a1").toString(), "--out",
                dir.resolve("merged").toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(7, Files.readAllLines(dir.resolve("merged/points.csv")).size());
        assertFalse(Files.exists(dir.resolve("m1")));
    }

    @Test
    void badSweepFilesAndOptionsAreExitCode2() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "design: latin\nparameters:\n  - {path: therapists.1.repair_skil, min: 0, max: 1}\n");
        Outcome o = AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("design: found 'latin' (text); allowed: grid, random, latin_hypercube, sobol, saltelli"),
                o.err());
        Files.writeString(f, "parameters:\n  - {path: therapists.1.repair_skil, min: 0, max: 1}\n");
        Outcome p = AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("'therapists.1.repair_skil' is not a number"), p.err());
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        assertEquals(2, AllianceSimTest.run("sweep", g.toString(), "--shard", "3/2", "--out", dir.resolve("y").toString()).code());
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")), "nothing written");
    }

    /** Editing the base scenario (here: a file it extends) between a crash and --resume, or between shards. */
    @Test
    void resumeAndMergeRefuseAnEditedBaseScenario() throws Exception {
        Path mid = dir.resolve("mid.yaml");
        Files.writeString(mid, "extends: default\nrun: {session_limit: 12}\n");
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "extends: mid.yaml\n");
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP.replace("design:", "base: " + base + "\ndesign:"));
        assertEquals(0, AllianceSimTest.run("sweep", sweep.toString(), "--shard", "1/2", "--out",
                dir.resolve("s1").toString(), "--quiet").code());
        Files.writeString(mid, "extends: default\nrun: {session_limit: 14}\n");
        assertEquals(0, AllianceSimTest.run("sweep", sweep.toString(), "--shard", "2/2", "--out",
                dir.resolve("s2").toString(), "--quiet").code());
        Outcome merge = AllianceSimTest.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                dir.resolve("merged").toString());
        assertEquals(2, merge.code(), merge.err());
        assertEquals("alliancesim merge: " + dir.resolve("s2") + ": a different sweep than " + dir.resolve("s1")
                + ": base scenario " + base + ", run.session_limit: 14 vs 12 (" + dir.resolve("s2") + " vs "
                + dir.resolve("s1") + ")\n", merge.err());
        assertFalse(Files.exists(dir.resolve("merged")));
        Outcome resume = AllianceSimTest.run("sweep", sweep.toString(), "--shard", "1/2", "--out",
                dir.resolve("s1").toString(), "--resume", "--quiet");
        assertEquals(2, resume.code(), resume.err());
        assertTrue(resume.err().contains("s1/manifest.json: the folder holds another sweep: base scenario " + base
                + ", run.session_limit: 12 vs 14 (in the folder vs now)"), resume.err());
    }

    @Test
    void resumeOverADamagedOrMissingFolderIsExitCode2() throws Exception {
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        Path out = dir.resolve("out");
        assertEquals(0, AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--quiet").code());
        String manifest = Files.readString(out.resolve("manifest.json"));
        String[][] cases = {
            {"manifest.json", manifest.substring(0, 200), "manifest.json:"},
            {"points.csv", "", "points.csv:1: empty"},
            {"runs.csv", "point,replication\n", "runs.csv:1: column 3 is '(none)'"},
        };
        for (String[] c : cases) {
            Path p = out.resolve(c[0]);
            String before = Files.readString(p);
            Files.writeString(p, c[1]);
            Outcome o = AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--resume", "--quiet");
            assertEquals(2, o.code(), c[0] + ": " + o.err());
            assertTrue(o.err().startsWith("alliancesim sweep: " + out.resolve(c[2])) && o.err().lines().count() == 1,
                    o.err());
            Files.writeString(p, before);
        }
        Files.delete(out.resolve("points.csv"));
        Outcome noPoints = AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertEquals(2, noPoints.code());
        assertTrue(noPoints.err().contains("points.csv: missing"), noPoints.err());
        Files.delete(out.resolve("manifest.json"));
        Outcome noManifest = AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertEquals(2, noManifest.code());
        assertTrue(noManifest.err().contains("exists and is not empty, but holds no manifest.json, so there is no sweep"
                + " in it to resume"), noManifest.err());
        // --resume on a folder that does not exist yet starts the sweep (as a Slurm task's first run does).
        assertEquals(0, AllianceSimTest.run("sweep", g.toString(), "--out", dir.resolve("new").toString(), "--resume",
                "--quiet").code());
    }

    @Test
    void aHugeDesignIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, "parameters:\n  - {path: therapists.1.repair_skill, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: therapists.1.warmth, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: families.0.conflict, min: 0, max: 1, steps: 10000}\n");
        for (String command : new String[] {"sweep", "slurm"}) {
            Outcome o = command.equals("sweep")
                    ? AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString())
                    : AllianceSimTest.run("slurm", f.toString(), "--array", "4", "--out", dir.resolve("x").toString());
            assertEquals(2, o.code(), o.err());
            assertEquals("alliancesim " + command + ": " + f + ": the grid has 10000 x 10000 x 10000"
                    + " values = 1000000000000 points; at most 1000000 are allowed (docs/sweeps.md): use fewer values,"
                    + " steps or points, or several sweeps\n", o.err());
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }

    /** Values below 5e-7 printed as 0 with 6 decimals. */
    @Test
    void smallParameterValuesKeepTheirPrecisionInTheCsv() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, "replications: 1\nfamilies: 20\nmetrics: [dropout_share]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, values: [1e-7, 4e-7, 0.25]}\n");
        assertEquals(0, AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("o").toString(), "--quiet")
                .code());
        java.util.List<String> points = Files.readAllLines(dir.resolve("o/points.csv"));
        assertEquals(java.util.List.of("0.0000001", "0.0000004", "0.25"),
                points.stream().skip(1).map(l -> l.split(",")[1]).toList());
        assertTrue(Files.readString(dir.resolve("o/runs.csv")).contains("\n1,0,0.0000004,"));
    }

    /** A file that cannot be written (here: charts/ is a file) is an environment error: exit 1, one line. */
    @Test
    void aFileThatCannotBeWrittenIsExitCode1WithOneLineAndNoCompleteManifest() throws Exception {
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("charts"), "in the way");
        Outcome o = AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(1, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("alliancesim sweep: cannot write " + out.resolve("charts")) && !o.err().contains(
                "internal error") && o.err().contains("--resume"), o.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"complete\" : false"));
        Files.delete(out.resolve("charts"));
        assertEquals(0, AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--quiet", "--resume").code());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"complete\" : true"));
    }
}
