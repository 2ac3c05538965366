package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep, merge and slurm commands as adapters: flags reach the use cases, and their results and
 * refusals become output, one-line messages and exit codes (the behaviour itself is tested through
 * the API in analysis.usecase and analysis.sweep).
 */
class SweepCommandsTest {

    @TempDir
    Path dir;

    static final String SWEEP = "design: random\npoints: 6\nreplications: 2\nfamilies: 80\nmetrics: [dropout_share]\n"
            + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n";

    static void oneLine(Outcome o, int code, String start) {
        assertEquals(code, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith(start), o.err());
    }

    @Test
    void sweepAndMergeReportWhatRanAndTheirExitCodes() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, SWEEP);
        for (int k = 1; k <= 2; k++) {
            Outcome o = AllianceSimTest.run("sweep", f.toString(), "--shard", k + "/2", "--out",
                    dir.resolve("s" + k).toString(), "--quiet", "--threads", "2");
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().startsWith("sweep " + f + ": 3 points (shard " + k + "/2), 3 run now, 0 failed; "), o.out());
        }
        // Resuming a finished shard runs nothing, and says so rather than "0.0 runs/s".
        Outcome again = AllianceSimTest.run("sweep", f.toString(), "--shard", "1/2", "--out", dir.resolve("s1").toString(),
                "--quiet", "--threads", "2", "--resume");
        assertEquals(0, again.code(), again.err());
        assertEquals("sweep " + f + ": 3 points (shard 1/2), 0 run now, 0 failed; nothing left to run", again.out().lines()
                .findFirst().orElse(""));
        Outcome merged = AllianceSimTest.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(0, merged.code(), merged.err());
        assertEquals("merged 2 shards into " + dir.resolve("m") + "\n", merged.out());
        assertTrue(Files.readString(dir.resolve("m/summary.json")).contains("\"command_line\" : \"alliancesim merge "),
                "the command line is the report's provenance");
        Path failing = dir.resolve("fail.yaml");
        Files.writeString(failing, "replications: 1\nfamilies: 30\nmetrics: [dropout_share]\nparameters:\n"
                + "  - {path: run.session_limit, values: [0, 10]}\n");
        Outcome some = AllianceSimTest.run("sweep", failing.toString(), "--out", dir.resolve("f").toString(), "--quiet");
        assertEquals(AllianceSim.CHECKS_FAILED, some.code(), "exit code 3: some points failed");
        assertTrue(some.out().contains("1 failed"), some.out());
    }

    @Test
    void refusalsAreExitCode2WithOneLine() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "design: latin\nparameters:\n  - {path: therapists.1.repair_skill, min: 0, max: 1}\n");
        Outcome file = AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, file.code());
        assertTrue(file.err().contains("design: found 'latin' (text); allowed: grid, random, latin_hypercube, sobol,"
                + " saltelli"), file.err());
        Files.writeString(f, "parameters:\n  - {path: therapists.1.repair_skill, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: therapists.1.warmth, min: 0, max: 1, steps: 10000}\n"
                + "  - {path: families.0.conflict, min: 0, max: 1, steps: 10000}\n");
        oneLine(AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("x").toString()), 2,
                "alliancesim sweep: " + f + ": the grid has 10000 x 10000 x 10000 values = 1000000000000 points");
        oneLine(AllianceSimTest.run("slurm", f.toString(), "--array", "4", "--out", dir.resolve("x").toString()), 2,
                "alliancesim slurm: " + f + ": the grid has 10000 x 10000 x 10000 values = 1000000000000 points");
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        oneLine(AllianceSimTest.run("sweep", g.toString(), "--shard", "3/2", "--out", dir.resolve("x").toString()), 2,
                "alliancesim sweep: --shard must be K/N with 1 <= K <= N, was '3/2'");
        oneLine(AllianceSimTest.run("slurm", g.toString(), "--array", "2", "--out", dir.resolve("x").toString(),
                "--partition", "debug\n#SBATCH --wrap=touch PWNED"), 2, "alliancesim slurm: --partition must be");
        oneLine(AllianceSimTest.run("merge", g.toString(), "--out", dir.resolve("x").toString()), 2,
                "alliancesim merge: " + dir.resolve("good.yaml/manifest.json") + ": missing");
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
        Path out = dir.resolve("out");
        assertEquals(0, AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--quiet").code());
        Files.writeString(out.resolve("points.csv"), "");
        oneLine(AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--resume", "--quiet"), 2,
                "alliancesim sweep: " + out.resolve("points.csv") + ":1: empty");
    }

    /** A file that cannot be written (here: charts/ is a file) is an environment error: exit 1, one line. */
    @Test
    void aFileThatCannotBeWrittenIsExitCode1WithOneLine() throws Exception {
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("charts"), "in the way");
        Outcome o = AllianceSimTest.run("sweep", g.toString(), "--out", out.toString(), "--quiet", "--force");
        oneLine(o, 1, "alliancesim sweep: cannot write " + out.resolve("charts") + ": File exists; the points finished so"
                + " far are kept; free space (or fix the folder), then run the same command with --resume");
    }

    @Test
    void slurmPrintsHowToSubmit() throws Exception {
        Path g = dir.resolve("good.yaml");
        Files.writeString(g, SWEEP);
        Path out = dir.resolve("it's here");
        Outcome o = AllianceSimTest.run("slurm", g.toString(), "--array", "2", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("written: " + out.resolve("sweep.sbatch") + ", " + out.resolve("merge.sbatch") + ", "
                + out.resolve("submit.sh") + "\nsubmit with: bash '" + dir + "/it'\\''s here/submit.sh'\n", o.out());
    }
}
