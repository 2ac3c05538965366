package org.alliancesim.analysis.usecase;

import static org.alliancesim.analysis.usecase.SlurmUseCaseTest.bash;
import static org.alliancesim.analysis.usecase.SlurmUseCaseTest.executable;
import static org.alliancesim.analysis.usecase.SlurmUseCaseTest.finish;
import static org.alliancesim.analysis.usecase.SlurmUseCaseTest.pwned;
import static org.alliancesim.analysis.usecase.SlurmUseCaseTest.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.inference.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of {@code slurm --abc} ({@link SlurmUseCase#executeAbc}), run without Slurm: a fake
 * {@code sbatch} on the PATH records its arguments and, for {@code --wait}, runs the array's tasks
 * one after another; the jobs run the real program through a launcher whose path, like the
 * folder's, is built to break unquoted scripts.
 */
class SlurmAbcTest {

    @TempDir
    Path dir;

    /** A fake sbatch: records its arguments, runs every task of the array script it is given, prints a job id. */
    static Path fakeSbatch(Path bin, Path calls) throws Exception {
        return executable(Files.createDirectories(bin).resolve("sbatch"), "#!/usr/bin/env bash\n"
                + "{ printf '[%s]' \"$@\"; echo; } >> " + quote(calls.toString()) + "\n"
                + "script=\"${@: -1}\"\n"
                + "n=$(sed -n 's/^#SBATCH --array=1-\\([0-9]*\\)$/\\1/p' \"$script\")\n"
                + "for ((k = 1; k <= n; k++)); do SLURM_ARRAY_TASK_ID=$k bash \"$script\" >> \"fake-task-$k.log\" 2>&1"
                + " || exit $?; done\n"
                + "echo 4242\n");
    }

    static Path launcher(Path bin) throws Exception {
        return executable(Files.createDirectories(bin).resolve("alliancesim's launcher"), "#!/usr/bin/env bash\n"
                + "exec " + quote(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
                + quote(System.getProperty("java.class.path")) + " org.alliancesim.cli.AllianceSim \"$@\"\n");
    }

    /**
     * Two generations of 20 particles as a 3-task array per generation, into a folder whose name
     * has a space, command substitutions, quotes and a semicolon, driven from another directory:
     * the driver submits each generation once with {@code sbatch --wait} and its results equal a
     * local {@code calibrate --method abc-smc} run's with the same seed (posterior.csv,
     * posterior-summary.csv, fitted.yaml and the corner plot byte for byte; generations.csv up to
     * wall times); no command in the names ran.
     */
    @Test
    void theDriverRunsEachGenerationAsAnArrayAndEndsWithTheLocalPosterior() throws Exception {
        AbcSmcArguments args = AbcStepUseCaseTest.tiny(dir.resolve("targets file.yaml"), 2, 5000);
        Path out = dir.resolve(SlurmUseCaseTest.HOSTILE);
        Path program = launcher(dir.resolve("bin $(touch PWNED)"));
        SlurmUseCase.Result r = SlurmUseCase.executeAbc(SlurmAbcRequest.of(args, 3, Output.to(out))
                .withJob(3, 2, "short", "lab_1", "00:30:00", "2G").withLauncher(program));
        assertEquals(List.of(out.resolve("abc.sbatch"), out.resolve("driver.sh")), r.scripts());
        assertEquals("bash " + quote(out.resolve("driver.sh").toString()), r.submit());
        for (Path script : r.scripts()) {
            Process syntax = bash(dir, Map.of(), "-n", script.toString());
            assertEquals("", finish(syntax), script.toString());
            assertEquals(0, syntax.exitValue(), "bash -n " + script);
            for (String line : Files.readAllLines(script)) {
                if (line.startsWith("#SBATCH")) {
                    assertTrue(line.matches("#SBATCH --[a-z-]+=[A-Za-z0-9_.,:%-]+"), line);
                }
            }
        }
        String array = Files.readString(out.resolve("abc.sbatch"));
        assertTrue(array.contains("#SBATCH --array=1-3\n#SBATCH --cpus-per-task=2\n") && array.contains(
                "#SBATCH --partition=short\n#SBATCH --account=lab_1\n#SBATCH --time=00:30:00\n#SBATCH --mem=2G\n"), array);

        Path fake = dir.resolve("fake bin");
        Path calls = dir.resolve("calls.txt");
        fakeSbatch(fake, calls);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Process driver = bash(elsewhere, Map.of("PATH", fake + ":" + System.getenv("PATH")), r.submit().substring(5)
                .replace("'\\''", "'").replaceAll("^'|'$", ""));
        String log = finish(driver);
        assertEquals(0, driver.exitValue(), log);
        assertEquals("[--wait][--parsable][abc.sbatch]\n".repeat(2), Files.readString(calls), "one array per generation");
        assertTrue(log.endsWith("posterior: " + out.resolve("posterior") + "\n"), log);

        Path local = dir.resolve("local");
        AbcSmcUseCase.execute(args.absolute().request().withThreads(2).withOutput(Output.to(local)));
        AbcStepUseCaseTest.assertSameResults(local, out.resolve("posterior"));
        assertTrue(Files.exists(out.resolve("work").resolve(AbcStepUseCase.FINISHED)));
        assertEquals(List.of(), pwned(dir));

        // Run again: the driver sees the run finished and submits nothing.
        Process again = bash(elsewhere, Map.of("PATH", fake + ":" + System.getenv("PATH")), out.resolve("driver.sh")
                .toString());
        finish(again);
        assertEquals(0, again.exitValue());
        assertEquals(2, Files.readAllLines(calls).size(), "nothing submitted for a finished run");
    }

    /** A failed array (sbatch --wait exits non-zero) stops the driver with that code before any reduce step. */
    @Test
    void aFailedArrayStopsTheDriver() throws Exception {
        AbcSmcArguments args = AbcStepUseCaseTest.tiny(dir.resolve("targets.yaml"), 2, 5000);
        Path out = dir.resolve("cluster");
        Path calls = dir.resolve("calls.txt");
        SlurmUseCase.executeAbc(SlurmAbcRequest.of(args, 2, Output.to(out)).withLauncher(launcher(dir.resolve("bin"))));
        Path fake = Files.createDirectories(dir.resolve("failing"));
        executable(fake.resolve("sbatch"), "#!/usr/bin/env bash\necho \"$*\" >> " + quote(calls.toString())
                + "\nexit 3\n");
        Process driver = bash(dir, Map.of("PATH", fake + ":" + System.getenv("PATH")), out.resolve("driver.sh").toString());
        String log = finish(driver);
        assertEquals(3, driver.exitValue(), log);
        assertEquals(1, Files.readAllLines(calls).size());
        assertFalse(Files.exists(out.resolve("work").resolve(Checkpoint.FILE)), "no reduce step ran");
        assertFalse(Files.exists(out.resolve("posterior")), "no result");
    }

    /** What cannot go into a script safely, or does not make a run, is refused before anything is written. */
    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        AbcSmcArguments args = AbcStepUseCaseTest.tiny(dir.resolve("targets.yaml"), 2, 5000);
        Path out = dir.resolve("out");
        Map<String, org.junit.jupiter.api.function.Executable> cases = Map.of(
                "line break", () -> SlurmUseCase.executeAbc(SlurmAbcRequest.of(args, 2, Output.to(dir.resolve("a\nb")))),
                "--time", () -> SlurmAbcRequest.of(args, 2, Output.to(out)).withJob(2, 1, null, null, "1h; rm -rf /",
                        null),
                "--set", () -> SlurmUseCase.executeAbc(SlurmAbcRequest.of(new AbcSmcArguments(args.targets(), null,
                        List.of("run.families=50\n#SBATCH --x"), 20, 5000, 0, 0, 2, null, null), 2, Output.to(out))),
                "--population", () -> SlurmUseCase.executeAbc(SlurmAbcRequest.of(new AbcSmcArguments(args.targets(),
                        null, List.of(), 3, 5000, 0, 0, 2, null, null), 2, Output.to(out))),
                "--array", () -> SlurmAbcRequest.of(args, 0, Output.to(out)));
        for (Map.Entry<String, org.junit.jupiter.api.function.Executable> c : cases.entrySet()) {
            Exception e = assertThrows(Exception.class, c.getValue(), c.getKey());
            assertTrue(e instanceof BadRequestException || e instanceof org.alliancesim.scenario.ScenarioException,
                    c.getKey() + ": " + e);
            String expected = c.getKey().equals("--set") || c.getKey().equals("line break") ? "line break"
                    : c.getKey().substring(2);
            assertTrue(e.getMessage().contains(expected), c.getKey() + ": " + e.getMessage());
            assertFalse(Files.exists(out.resolve("abc.sbatch")), c.getKey());
        }
        SlurmUseCase.executeAbc(SlurmAbcRequest.of(args, 2, Output.to(out)));
        BadRequestException full = assertThrows(BadRequestException.class,
                () -> SlurmUseCase.executeAbc(SlurmAbcRequest.of(args, 3, Output.to(out))));
        assertTrue(full.getMessage().contains("force") || full.getMessage().contains("not empty"), full.getMessage());
        assertTrue(Files.readString(out.resolve("abc.sbatch")).contains("--array=1-2\n"), "left as it was");
    }
}
