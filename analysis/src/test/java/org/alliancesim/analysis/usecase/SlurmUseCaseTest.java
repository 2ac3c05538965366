package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alliancesim.analysis.sweep.SweepIdentity;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts {@link SlurmUseCase} writes, run without Slurm: a fake {@code sbatch} on the PATH records
 * its arguments, and the job scripts run the real program through a recording launcher, from
 * another directory, with a folder name built to break unquoted scripts.
 */
class SlurmUseCaseTest {

    /** A folder name with a space, command substitutions, quotes and a semicolon. */
    static final String HOSTILE = "out $(touch PWNED) `touch PWNED` it's \"q\"; touch PWNED";

    static final String SWEEP = "design: random\npoints: 6\nreplications: 2\nfamilies: 60\nmetrics: [dropout_share]\n"
            + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
            + "  - {path: run.session_limit, min: 6, max: 20}\n";

    @TempDir
    Path dir;

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static Process bash(Path cwd, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        return out;
    }

    static List<Path> pwned(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("PWNED")).toList();
        }
    }

    static Path executable(Path p, String text) throws IOException {
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** Runs {@code array}'s tasks 1..n as Slurm would (from {@code cwd}), then merge.sbatch beside it; each must exit 0. */
    static void runJobs(Path cwd, Path array, int n) throws Exception {
        for (int k = 1; k <= n; k++) {
            Process task = bash(cwd, Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(k)), array.toString());
            String log = finish(task);
            assertEquals(0, task.exitValue(), log);
        }
        Process merge = bash(cwd, Map.of(), array.resolveSibling("merge.sbatch").toString());
        String log = finish(merge);
        assertEquals(0, merge.exitValue(), log);
    }

    @Test
    void scriptsTakeAHostileFolderLiterallyAndTheJobsRunFromAnyDirectory() throws Exception {
        // The sweep's base is a relative path (from the current directory), as a user would write it.
        Path base = dir.resolve("my base.yaml");
        Files.writeString(base, "extends: default\ndescription: a base with a space in its path\n");
        String relativeBase = Path.of("").toAbsolutePath().relativize(base).toString();
        Path sweep = dir.resolve("sweep file.yaml");
        Files.writeString(sweep, "base: '" + relativeBase + "'\n" + SWEEP);
        Path out = dir.resolve(HOSTILE);
        Path bin = Files.createDirectories(dir.resolve("bin $(touch PWNED)"));
        Path calls = dir.resolve("calls.txt");
        // The launcher records its arguments, one per line, then runs the program in this JVM's class path.
        Path launcher = executable(bin.resolve("alliancesim's launcher"), "#!/usr/bin/env bash\n"
                + "{ printf '[%s]\\n' \"$@\"; echo ---; } >> " + quote(calls.toString()) + "\n"
                + "exec " + quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
                + quote(System.getProperty("java.class.path")) + " org.alliancesim.cli.AllianceSim \"$@\"\n");
        SlurmUseCase.Result r = SlurmUseCase.execute(SlurmRequest.of(sweep, 3, Output.to(out)).withPartition("short")
                .withAccount("lab_1").withTime("1-00:30:00").withMemory("2G").withCpus(2).withLauncher(launcher));
        assertEquals(out, r.folder());
        assertEquals("bash " + quote(out.resolve("submit.sh").toString()), r.submit());
        for (String script : List.of("sweep.sbatch", "merge.sbatch", "submit.sh")) {
            Process syntax = bash(dir, Map.of(), "-n", out.resolve(script).toString());
            assertEquals("", finish(syntax), script);
            assertEquals(0, syntax.exitValue(), "bash -n " + script);
            for (String line : Files.readAllLines(out.resolve(script))) {
                if (line.startsWith("#SBATCH")) {
                    assertTrue(line.matches("#SBATCH --[a-z-]+=[A-Za-z0-9_.,:%-]+"), line);
                }
            }
        }
        String sbatch = Files.readString(out.resolve("sweep.sbatch"));
        assertTrue(sbatch.contains("#SBATCH --array=1-3\n#SBATCH --cpus-per-task=2\n")
                && sbatch.contains("#SBATCH --partition=short\n#SBATCH --account=lab_1\n#SBATCH --time=1-00:30:00\n"
                        + "#SBATCH --mem=2G\n"), sbatch);
        assertTrue(Files.readString(out.resolve("sweep.yaml")).contains("base: \"" + base + "\""),
                "the base is absolute in the copy");

        // submit.sh with a fake sbatch that records where it ran and its arguments.
        Path fakeBin = Files.createDirectories(dir.resolve("fake bin"));
        Path submitted = dir.resolve("sbatch.txt");
        executable(fakeBin.resolve("sbatch"), "#!/usr/bin/env bash\n"
                + "{ pwd; printf '[%s]\\n' \"$@\"; echo ---; } >> " + quote(submitted.toString()) + "\n"
                + "case \"$*\" in *sweep.sbatch) echo '4242;cluster' ;; *) echo 4243 ;; esac\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Process submit = bash(elsewhere, Map.of("PATH", fakeBin + ":" + System.getenv("PATH")),
                out.resolve("submit.sh").toString());
        assertEquals("4243\n", finish(submit));
        assertEquals(0, submit.exitValue());
        assertEquals(out + "\n[--parsable]\n[sweep.sbatch]\n---\n" + out
                + "\n[--parsable]\n[--dependency=afterok:4242]\n[merge.sbatch]\n---\n", Files.readString(submitted));

        // The job scripts, as Slurm would run them (array task k), from another directory.
        runJobs(elsewhere, out.resolve("sweep.sbatch"), 3);
        StringBuilder expected = new StringBuilder();
        for (int k = 1; k <= 3; k++) {
            expected.append("[sweep]\n[").append(out).append("/sweep.yaml]\n[--shard]\n[").append(k).append("/3]\n[--out]\n[")
                    .append(out).append("/shard-").append(k).append("]\n[--resume]\n[--threads]\n[2]\n[--quiet]\n---\n");
        }
        expected.append("[merge]\n");
        for (int k = 1; k <= 3; k++) {
            expected.append('[').append(out).append("/shard-").append(k).append("]\n");
        }
        expected.append("[--out]\n[").append(out).append("/merged]\n[--force]\n---\n");
        assertEquals(expected.toString(), Files.readString(calls), "the arguments arrive intact");
        assertEquals(List.of(), pwned(dir), "no command in the folder's name ran");
        assertEquals(List.of(), pwned(Path.of("").toAbsolutePath()));

        Path local = dir.resolve("local");
        SweepUseCase.execute(SweepRequest.of(sweep, local).withThreads(2));
        for (String f : List.of("points.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(out.resolve("merged").resolve(f)),
                    f + ": three job scripts and the merge script vs one local sweep");
        }
    }

    /**
     * compete as a job array: the hypotheses copy has absolute paths (the targets file is given by a
     * relative path), the task scripts run one shard of the variants each from another directory into a
     * hostile folder, and the merge script's result equals one local process.
     */
    @Test
    void competeRunsAsAnArrayAndMergesIntoWhatOneProcessWrites() throws Exception {
        Path targets = dir.resolve("my targets.yaml");
        Files.writeString(targets, "targets:\n  - {statistic: dropout_share, min: 0.3, max: 0.5}\n"
                + "  - {statistic: median_sessions, min: 3, max: 6}\n");
        String relative = Path.of("").toAbsolutePath().relativize(targets).toString();
        Path file = dir.resolve("h.yaml");
        Files.writeString(file, "targets: '" + relative + "'\nmax_evaluations: 3\nreplications: 2\nfamilies: 100\n"
                + "validation_replications: 2\nvariants:\n"
                + "  - {name: a, fit: [{path: dynamics.attendance.intercept, min: -5.0, max: -2.0}]}\n"
                + "  - {name: b, edits: {therapists.1.repair_skill: 0.2}}\n"
                + "  - {name: c, edits: {therapists.1.repair_skill: 0.9}}\n");
        Path out = dir.resolve(HOSTILE);
        Path launcher = executable(dir.resolve("launcher"), "#!/usr/bin/env bash\n"
                + "exec " + quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
                + quote(System.getProperty("java.class.path")) + " org.alliancesim.cli.AllianceSim \"$@\"\n");
        SlurmUseCase.Result r = SlurmUseCase.execute(SlurmRequest.compete(file, 2, Output.to(out)).withLauncher(launcher));
        assertEquals(List.of(out.resolve("compete.sbatch"), out.resolve("merge.sbatch"), out.resolve("submit.sh")),
                r.scripts());
        String copy = Files.readString(out.resolve("hypotheses.yaml"));
        assertTrue(copy.contains(targets.toString()), "the targets path is absolute in the copy: " + copy);
        assertTrue(Files.readString(out.resolve("compete.sbatch")).contains(" compete \"$dir/hypotheses.yaml\" --shard"
                + " \"$SLURM_ARRAY_TASK_ID/2\" --out \"$dir/shard-$SLURM_ARRAY_TASK_ID\" --force --threads 1 --quiet"));
        runJobs(Files.createDirectories(dir.resolve("elsewhere")), out.resolve("compete.sbatch"), 2);
        Path local = dir.resolve("local");
        CompeteUseCase.execute(CompeteRequest.of(out.resolve("hypotheses.yaml")).withThreads(2)
                .withOutput(Output.to(local)));
        for (String f : CompeteUseCaseTest.files(local)) {
            assertArrayEquals(CompeteUseCaseTest.comparable(local, f), CompeteUseCaseTest.comparable(out.resolve("merged"),
                    f), f + ": two job scripts and the merge script vs one local process");
        }
        assertEquals(List.of(), pwned(dir), "no command in the folder's name ran");
    }

    @Test
    void aJobScriptPassesOnTheProgramsExitCode() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        Path code = dir.resolve("code");
        Path launcher = executable(dir.resolve("fake"), "#!/usr/bin/env bash\nexit \"$(cat " + quote(code.toString())
                + ")\"\n");
        Path out = dir.resolve("c");
        SlurmUseCase.execute(SlurmRequest.of(sweep, 2, Output.to(out)).withLauncher(launcher));
        for (int[] c : new int[][] {{0, 0}, {3, 0}, {2, 2}, {1, 1}}) {
            Files.writeString(code, Integer.toString(c[0]));
            for (String script : List.of("sweep.sbatch", "merge.sbatch")) {
                Process p = bash(dir, Map.of("SLURM_ARRAY_TASK_ID", "1"), out.resolve(script).toString());
                finish(p);
                assertEquals(c[1], p.exitValue(), script + " when the program exits " + c[0]
                        + " (3: some points failed, recorded: the shard is done)");
            }
        }
    }

    /** A compete shard has no "some points failed" outcome: its task script fails on any non-zero exit code. */
    @Test
    void aCompeteTaskFailsOnAnyNonZeroExitCode() throws Exception {
        Path file = dir.resolve("h.yaml");
        Files.writeString(file, "variants:\n  - {name: a}\n  - {name: b, edits: {therapists.1.repair_skill: 0.2}}\n");
        Path code = dir.resolve("code");
        Path launcher = executable(dir.resolve("fake"), "#!/usr/bin/env bash\nexit \"$(cat " + quote(code.toString())
                + ")\"\n");
        Path out = dir.resolve("c");
        SlurmUseCase.execute(SlurmRequest.compete(file, 2, Output.to(out)).withLauncher(launcher));
        for (int[] c : new int[][] {{0, 0}, {3, 3}, {2, 2}, {1, 1}}) {
            Files.writeString(code, Integer.toString(c[0]));
            Process p = bash(dir, Map.of("SLURM_ARRAY_TASK_ID", "1"), out.resolve("compete.sbatch").toString());
            finish(p);
            assertEquals(c[1], p.exitValue(), "compete.sbatch when the program exits " + c[0]);
        }
        assertFalse(Files.readString(out.resolve("compete.sbatch")).contains("points failed"),
                "the sweep's comment on failed points does not apply to compete");
    }

    @Test
    void valuesThatCouldAddLinesOrCommandsAreRefused() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        SlurmRequest ok = SlurmRequest.of(sweep, 2, Output.to(dir.resolve("x")));
        List<Map.Entry<org.junit.jupiter.api.function.Executable, String>> cases = List.of(
            Map.entry(() -> ok.withPartition("debug\n#SBATCH --wrap=touch PWNED"), "--partition must be a Slurm"
                + " partition name (letters, digits, '_', '.', '-'; several separated by commas); was"
                + " 'debug\\n#SBATCH --wrap=touch PWNED'"),
            Map.entry(() -> ok.withAccount("lab $(touch PWNED)"), "--account must be a Slurm account name"),
            Map.entry(() -> ok.withTime("01:00:00\r"), "--time must be a Slurm time: minutes, M:S, H:M:S, D-H, D-H:M,"
                + " D-H:M:S or UNLIMITED; was '01:00:00\\r'"),
            Map.entry(() -> ok.withMemory("4G;touch PWNED"), "--mem must be a whole number with an optional unit K, M,"
                + " G or T, e.g. 4G; was '4G;touch PWNED'"),
            Map.entry(() -> ok.withCpus(0), "--cpus must be from 1 to 1024, was 0"),
            Map.entry(() -> SlurmRequest.of(sweep, 10_001, Output.to(dir.resolve("x"))),
                "--array must be from 1 to 10000, was 10001"),
            Map.entry(() -> SlurmRequest.of(sweep, 2, Output.to(dir.resolve("a\nb"))), "--out " + dir + "/a\\nb holds"
                + " a line break, carriage return or NUL, which cannot be written safely into a job script"),
            Map.entry(() -> SlurmUseCase.execute(ok.withLauncher(sweep)), "--launcher " + sweep
                + " is not an executable file"));
        for (var c : cases) {
            BadRequestException e = assertThrows(BadRequestException.class, c.getKey());
            assertTrue(e.getMessage().startsWith(c.getValue()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(sweep), s.toList(), "nothing written");
        }
    }

    @Test
    void aNonEmptyFolderNeedsForceAndRelativePathsBecomeAbsolute() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        Path out = dir.resolve("cluster");
        Path relative = Path.of("").toAbsolutePath().relativize(out);
        assertEquals(out, SlurmUseCase.execute(SlurmRequest.of(sweep, 2, Output.to(relative))).folder());
        assertTrue(Files.readString(out.resolve("submit.sh")).contains("\ndir=" + quote(out.toString()) + "\n"));
        assertTrue(Files.readString(out.resolve("sweep.yaml")).contains("base: \"default\""));
        Files.writeString(out.resolve("notes.txt"), "mine");
        BadRequestException again = assertThrows(BadRequestException.class,
                () -> SlurmUseCase.execute(SlurmRequest.of(sweep, 3, Output.to(out))));
        assertTrue(again.getMessage().contains("exists and is not empty") && again.getMessage().contains("--force"),
                again.getMessage());
        assertTrue(Files.readString(out.resolve("sweep.sbatch")).contains("--array=1-2\n"), "left as it was");
        SlurmUseCase.execute(SlurmRequest.of(sweep, 3, new Output(out, true)));
        assertTrue(Files.readString(out.resolve("sweep.sbatch")).contains("--array=1-3\n"));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertFalse(Files.readString(out.resolve("merge.sbatch")).contains(relative + "/"), "no relative path");
    }

    /** A sweep the model cannot run is refused here, not on the cluster, and nothing is written. */
    @Test
    void theSweepIsCheckedBeforeAnyScriptIsWritten() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP.replace("therapists.1.repair_skill", "therapists.1.repair_skil"));
        Path out = dir.resolve("c");
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> SlurmUseCase.execute(SlurmRequest.of(sweep, 2, Output.to(out))));
        assertTrue(e.getMessage().startsWith(sweep + ": parameters[0].path: 'therapists.1.repair_skil' is not a number"),
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** The copy the jobs read is the same sweep (same identity: settings and base content), numbers exact. */
    @Test
    void theCopiedSweepFileIsTheSameSweep() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, "design: grid\nseed: -12\nmetrics: [dropout_share]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, values: [1e-7, 0.30000000000000004, 1e10, -3.5]}\n"
                + "  - {path: families.0.conflict, min: 1e-9, max: 0.9, steps: 3}\n");
        Path out = dir.resolve("c");
        SlurmUseCase.execute(SlurmRequest.of(sweep, 2, Output.to(out)));
        SweepSpec original = SweepSpecs.load(sweep, SweepRequest.METRICS);
        SweepSpec copy = SweepSpecs.load(out.resolve("sweep.yaml"), SweepRequest.METRICS);
        assertEquals(original.parameters(), copy.parameters());
        assertEquals(original.seed(), copy.seed());
        assertEquals(SweepIdentity.of(original).sha256(), SweepIdentity.of(copy).sha256());
    }
}
