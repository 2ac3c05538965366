package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * An effect sweep prints its first metric's effects, a row per point; a compare: block the model
     * refuses is exit 2, one line with file:line:column and field, and nothing written (sweep, slurm).
     */
    @Test
    void effectSweepsPrintTheirEffectsAndBadCompareBlocksAreExit2() throws Exception {
        Path f = dir.resolve("effect.yaml");
        String head = "base: involuntary-referral\nreplications: 2\nfamilies: 60\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: families.1.conflict, values: [0.2, 0.8]}\n";
        Files.writeString(f, head + "compare:\n  add: {therapists.0.warmth: 0.2}\n");
        Outcome o = AllianceSimTest.run("sweep", f.toString(), "--out", dir.resolve("e").toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals("effect on dropout_share of B = A with therapists.0.warmth +0.2 (2 paired replications each):",
                lines.get(1));
        assertTrue(lines.get(2).trim().matches("families\\.1\\.conflict +A +B +B - A \\[95% CI\\]"), lines.get(2));
        assertTrue(lines.get(3).trim().startsWith("0.2 "), lines.get(3));
        assertTrue(lines.get(4).trim().startsWith("0.8 "), lines.get(4));
        assertTrue(lines.get(5).startsWith("results: "), o.out());
        Files.writeString(f, head + "compare:\n  add: {therapists.0.warmth: 0.5}\n");
        for (String command : List.of("sweep", "slurm")) {
            Path out = dir.resolve("bad-" + command);
            Outcome bad = command.equals("sweep") ? AllianceSimTest.run("sweep", f.toString(), "--out", out.toString())
                    : AllianceSimTest.run("slurm", f.toString(), "--array", "2", "--out", out.toString());
            oneLine(bad, 2, f + ":8:30: compare.add.therapists.0.warmth: must be in [0.0, 1.0], was 1.2 (arm B at the base");
            assertTrue(bad.err().contains("1.2"), bad.err());
            assertFalse(Files.exists(out), command + " wrote nothing");
        }
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

    /**
     * {@code slurm TARGETS --abc}: the calibrate flags reach the array's command line (each quoted,
     * the targets path made absolute), the driver is printed; a population below 2 x the
     * parameters and --abc with --compete are one-line bad input (exit 2).
     */
    @Test
    void slurmAbcWritesTheArrayAndTheDriver() throws Exception {
        Path t = Files.writeString(dir.resolve("targets.yaml"), "base: default\ntargets:\n"
                + "  - {statistic: dropout_share, min: 0.3, max: 0.5}\nparameters:\n"
                + "  - {path: dynamics.attendance.intercept, min: -6.0, max: -1.0}\n"
                + "  - {path: dynamics.attendance.barrier_sd, min: 0.0, max: 5.0}\n"
                + "replications: 1\nfamilies: 40\nseed: 3\nmax_evaluations: 10\n");
        Path out = dir.resolve("abc out");
        Outcome o = AllianceSimTest.run("slurm", t.toString(), "--abc", "--array", "3", "--out", out.toString(),
                "--population", "30", "--max-generations", "3", "--families", "50", "--set", "run.session_limit=12");
        assertEquals(0, o.code(), o.err());
        assertEquals("written: " + out.resolve("abc.sbatch") + ", " + out.resolve("driver.sh")
                + "\nrun the driver (it submits each generation and waits): bash '" + out.resolve("driver.sh") + "'"
                + "\nresults: " + out.resolve("posterior") + "\n", o.out());
        String array = Files.readString(out.resolve("abc.sbatch"));
        assertTrue(array.contains(" calibrate '" + t.toAbsolutePath() + "' '--method' 'abc-smc' '--set'"
                + " 'run.session_limit=12' '--population' '30' '--max-simulations' '100000' '--min-acceptance' '0.02'"
                + " '--final-tolerance' '0.0' '--max-generations' '3' '--families' '50' --out \"$dir/posterior\""
                + " --slurm-work \"$dir/work\" --slurm-task \"$SLURM_ARRAY_TASK_ID/3\" --threads 1 --quiet\n"), array);
        oneLine(AllianceSimTest.run("slurm", t.toString(), "--abc", "--array", "2", "--out", dir.resolve("y").toString(),
                "--population", "3"), 2, "alliancesim slurm: --population 3: must be at least 2 x the 2 parameters");
        oneLine(AllianceSimTest.run("slurm", t.toString(), "--abc", "--compete", "--array", "2", "--out",
                dir.resolve("z").toString()), 2, "alliancesim slurm: --abc and --compete: give one");
        assertFalse(Files.exists(dir.resolve("y")) || Files.exists(dir.resolve("z")), "nothing written");
    }
}
