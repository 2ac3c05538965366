package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts {@code slurm} writes, run without Slurm: a fake {@code sbatch} on the PATH records
 * its arguments, and the job scripts run the real program through a recording launcher, from
 * another directory, with a folder name built to break unquoted scripts.
 */
class SlurmCommandTest {

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
        Outcome o = AllianceSimTest.run("slurm", sweep.toString(), "--array", "3", "--out", out.toString(), "--partition",
                "short", "--account", "lab_1", "--time", "1-00:30:00", "--mem", "2G", "--cpus", "2", "--launcher",
                launcher.toString());
        assertEquals(0, o.code(), o.err());
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
        for (int k = 1; k <= 3; k++) {
            Process task = bash(elsewhere, Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(k)),
                    out.resolve("sweep.sbatch").toString());
            String log = finish(task);
            assertEquals(0, task.exitValue(), log);
        }
        Process merge = bash(elsewhere, Map.of(), out.resolve("merge.sbatch").toString());
        String log = finish(merge);
        assertEquals(0, merge.exitValue(), log);
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
        assertEquals(0, AllianceSimTest.run("sweep", sweep.toString(), "--out", local.toString(), "--quiet").code());
        for (String f : List.of("points.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(out.resolve("merged").resolve(f)),
                    f + ": three job scripts and the merge script vs one local sweep");
        }
    }

    @Test
    void aJobScriptPassesOnTheProgramsExitCode() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        Path code = dir.resolve("code");
        Path launcher = executable(dir.resolve("fake"), "#!/usr/bin/env bash\nexit \"$(cat " + quote(code.toString())
                + ")\"\n");
        Path out = dir.resolve("c");
        assertEquals(0, AllianceSimTest.run("slurm", sweep.toString(), "--array", "2", "--out", out.toString(),
                "--launcher", launcher.toString()).code());
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

    @Test
    void valuesThatCouldAddLinesOrCommandsAreRefused() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        Path out = dir.resolve("x");
        String[][] cases = {
            {"--partition", "debug\n#SBATCH --wrap=touch PWNED", "--partition must be a Slurm partition name (letters,"
                + " digits, '_', '.', '-'; several separated by commas); was 'debug\\n#SBATCH --wrap=touch PWNED'"},
            {"--account", "lab $(touch PWNED)", "--account must be a Slurm account name"},
            {"--time", "01:00:00\r", "--time must be a Slurm time: minutes, M:S, H:M:S, D-H, D-H:M, D-H:M:S or"
                + " UNLIMITED; was '01:00:00\\r'"},
            {"--mem", "4G;touch PWNED", "--mem must be a whole number with an optional unit K, M, G or T, e.g. 4G;"
                + " was '4G;touch PWNED'"},
            {"--out", dir.resolve("a\nb").toString(), "--out " + dir + "/a\\nb holds a line break, carriage return or"
                + " NUL, which cannot be written safely into a job script"},
            {"--launcher", dir.resolve("s.yaml").toString(), "--launcher " + dir.resolve("s.yaml")
                + " is not an executable file"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("slurm", sweep.toString(), "--array", "2"));
            if (!c[0].equals("--out")) {
                args.addAll(List.of("--out", out.toString()));
            }
            args.addAll(List.of(c[0], c[1]));
            Outcome o = AllianceSimTest.run(args.toArray(String[]::new));
            assertEquals(2, o.code(), c[0] + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().startsWith("alliancesim slurm: " + c[2]), o.err());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(sweep), s.toList(), "nothing written");
        }
        assertEquals(2, AllianceSimTest.run("slurm", sweep.toString(), "--array", "2", "--out", out.toString(),
                "--cpus", "0").code());
    }

    @Test
    void aNonEmptyFolderNeedsForceAndRelativePathsBecomeAbsolute() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, SWEEP);
        Path out = dir.resolve("cluster");
        String relative = Path.of("").toAbsolutePath().relativize(out).toString();
        assertEquals(0, AllianceSimTest.run("slurm", sweep.toString(), "--array", "2", "--out", relative).code());
        assertTrue(Files.readString(out.resolve("submit.sh")).contains("\ndir=" + quote(out.toString()) + "\n"));
        assertTrue(Files.readString(out.resolve("sweep.yaml")).contains("base: \"default\""));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Outcome again = AllianceSimTest.run("slurm", sweep.toString(), "--array", "3", "--out", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists and is not empty") && again.err().contains("--force"), again.err());
        assertTrue(Files.readString(out.resolve("sweep.sbatch")).contains("--array=1-2\n"), "left as it was");
        assertEquals(0, AllianceSimTest.run("slurm", sweep.toString(), "--array", "3", "--out", out.toString(), "--force")
                .code());
        assertTrue(Files.readString(out.resolve("sweep.sbatch")).contains("--array=1-3\n"));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertFalse(Files.readString(out.resolve("merge.sbatch")).contains(relative + "/"), "no relative path");
    }

    /** The copy the jobs read is the same sweep (same identity: settings and base content), numbers exact. */
    @Test
    void theCopiedSweepFileIsTheSameSweep() throws Exception {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, "design: grid\nseed: -12\nmetrics: [dropout_share]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, values: [1e-7, 0.30000000000000004, 1e10, -3.5]}\n"
                + "  - {path: families.0.conflict, min: 1e-9, max: 0.9, steps: 3}\n");
        Path out = dir.resolve("c");
        assertEquals(0, AllianceSimTest.run("slurm", sweep.toString(), "--array", "2", "--out", out.toString()).code());
        var original = org.alliancesim.scenario.SweepSpecs.load(sweep, CalibrateCommand.STATISTICS);
        var copy = org.alliancesim.scenario.SweepSpecs.load(out.resolve("sweep.yaml"), CalibrateCommand.STATISTICS);
        assertEquals(original.parameters(), copy.parameters());
        assertEquals(original.seed(), copy.seed());
        assertEquals(org.alliancesim.analysis.sweep.SweepIdentity.of(original).sha256(),
                org.alliancesim.analysis.sweep.SweepIdentity.of(copy).sha256());
    }
}
