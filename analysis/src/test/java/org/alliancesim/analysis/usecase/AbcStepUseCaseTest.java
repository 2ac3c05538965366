package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.inference.Checkpoint;
import org.alliancesim.analysis.inference.GenerationShard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of {@code slurm --abc} run in this JVM, as the array tasks and the driver's reduce
 * step would run them: the results equal a local run's with the same seed, and a damaged shard is
 * refused with its file and line before anything is written.
 */
class AbcStepUseCaseTest {

    /**
     * Targets cheap to simulate (three statistics of 40 families, no virtual study), two
     * parameters: the tiny ABC the Slurm tests run.
     */
    static final String TARGETS = "base: default\n"
            + "targets:\n"
            + "  - {statistic: dropout_share, min: 0.33, max: 0.45, target: 0.39}\n"
            + "  - {statistic: early_dropout_share, min: 0.60, max: 0.85, target: 0.70}\n"
            + "  - {statistic: median_sessions, min: 4.0, max: 6.0, target: 5.0}\n"
            + "parameters:\n"
            + "  - {path: dynamics.attendance.intercept, min: -6.0, max: -1.0}\n"
            + "  - {path: dynamics.start.alliance_mean, min: -0.5, max: 1.5}\n"
            + "replications: 1\nfamilies: 40\nseed: 20261207\nmax_evaluations: 10\n";

    /** {@link #TARGETS} written to {@code file}: 20 particles, at most {@code generations} generations and {@code budget} simulations. */
    static AbcSmcArguments tiny(Path file, int generations, long budget) throws Exception {
        Files.writeString(file, TARGETS);
        return new AbcSmcArguments(file.toString(), null, List.of(), 20, budget, 0.0, 0, generations, null, null);
    }

    /** Runs every generation as {@code tasks} array tasks (in reverse order: order must not matter) and a reduce step. */
    static AbcStepUseCase.Result runSteps(AbcSmcRequest run, Path work, int tasks) throws Exception {
        for (int g = 0; g < 100; g++) {
            for (int k = tasks; k >= 1; k--) {
                AbcStepUseCase.execute(AbcStepRequest.simulate(run, work, k, tasks));
            }
            AbcStepUseCase.Result r = AbcStepUseCase.execute(AbcStepRequest.reduce(run, work, tasks, null));
            assertEquals(g, r.generation());
            if (r.result() != null) {
                return r;
            }
        }
        throw new AssertionError("no end after 100 generations");
    }

    static void assertSameResults(Path local, Path slurm) throws Exception {
        for (String f : AbcSmcUseCaseTest.IDENTICAL) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(slurm.resolve(f)),
                    f + ": array steps vs one local process");
        }
        assertEquals(AbcSmcUseCaseTest.withoutWallTimes(local.resolve("generations.csv")),
                AbcSmcUseCaseTest.withoutWallTimes(slurm.resolve("generations.csv")));
    }

    /**
     * Four generations of 20 particles as 5 tasks (4 slots each) give posterior.csv, posterior-summary.csv, fitted.yaml and the corner
     * plot's files byte for byte as the local run, and generations.csv up to wall times.
     */
    @Test
    void arrayStepsEqualALocalRun(@TempDir Path tmp) throws Exception {
        AbcSmcArguments args = tiny(tmp.resolve("targets.yaml"), 4, 5000);
        AbcSmcUseCase.Result local = AbcSmcUseCase.execute(args.request().withThreads(2)
                .withOutput(Output.to(tmp.resolve("local"))));
        Path work = tmp.resolve("work");
        AbcStepUseCase.Result r = runSteps(args.request().withThreads(1).withOutput(Output.to(tmp.resolve("posterior"))), work, 5);
        assertEquals(4, r.state().generations().size(), r.state().stopReason());
        assertEquals(local.state().stopReason(), r.state().stopReason());
        assertEquals(local.state().simulations(), r.state().simulations());
        assertSameResults(tmp.resolve("local"), tmp.resolve("posterior"));
        assertEquals(r.state().stopReason() + "\n", Files.readString(work.resolve(AbcStepUseCase.FINISHED)));
        BadRequestException again = assertThrows(BadRequestException.class, () -> AbcStepUseCase.execute(
                AbcStepRequest.simulate(args.request().withOutput(Output.to(tmp.resolve("posterior"))), work, 1, 5)));
        assertTrue(again.getMessage().contains("the run has finished"), again.getMessage());
        System.out.println("abc steps: 5 tasks x " + r.state().generations().size() + " generations, "
                + r.state().simulations() + " simulations: same files as the local run");
    }

    /**
     * A budget that runs out inside generation 2: the local run abandons it after a round; the
     * tasks simulate on (each counting only its own slots) and the replay abandons it after the
     * same round, with the same count of simulations and the same stop reason.
     */
    @Test
    void aBudgetRunningOutMidGenerationEndsAsLocally(@TempDir Path tmp) throws Exception {
        AbcSmcRequest budget = tiny(tmp.resolve("targets.yaml"), 10, 70).request().withThreads(2);
        AbcSmcUseCase.Result local = AbcSmcUseCase.execute(budget.withOutput(Output.to(tmp.resolve("local"))));
        assertTrue(local.state().stopReason().contains("abandoned"), local.state().stopReason());
        AbcStepUseCase.Result r = runSteps(budget.withOutput(Output.to(tmp.resolve("posterior"))), tmp.resolve("work"), 3);
        assertEquals(local.state().stopReason(), r.state().stopReason());
        assertEquals(local.state().simulations(), r.state().simulations());
        assertSameResults(tmp.resolve("local"), tmp.resolve("posterior"));
    }

    /** Task 1 of 2 of generation 0 run, task 2 damaged in each of several ways: each refused, located, nothing written. */
    @Test
    void aDamagedShardIsRefusedWithItsFileAndLineAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        AbcSmcRequest run = tiny(tmp.resolve("targets.yaml"), 2, 5000).request()
                .withOutput(Output.to(tmp.resolve("posterior")));
        Path work = tmp.resolve("work");
        AbcStepUseCase.execute(AbcStepRequest.simulate(run, work, 1, 2));
        BadRequestException missing = assertThrows(BadRequestException.class,
                () -> AbcStepUseCase.execute(AbcStepRequest.reduce(run, work, 2, null)));
        assertTrue(missing.getMessage().startsWith(work.resolve("generation-0").resolve("task-2.csv") + ": missing"),
                missing.getMessage());
        AbcStepUseCase.execute(AbcStepRequest.simulate(run, work, 2, 2));
        Path shard = work.resolve("generation-0").resolve(GenerationShard.fileName(2));
        String good = Files.readString(shard, StandardCharsets.UTF_8);
        String[] lines = good.split("\n");
        String row = lines[6];
        String[] f = row.split(",");
        // Each damage, and the line and words its message must hold.
        List<String[]> damages = List.of(
                new String[] {good.replace(row, row.replace(f[3], f[3] + "1")), ":" + lines.length + ":", "digest"},
                new String[] {good.substring(0, good.length() - 30), ":" + lines.length + ":", "truncated"},
                new String[] {resealed(lines, 6, row.replace("," + f[2] + ",", ",0" + f[2] + ",")), ":7:",
                        "Double.toString"},
                new String[] {resealed(lines, 6, row.replace("," + f[2] + ",", "," + nudged(f[2]) + ",")), ":7:",
                        "not the one its key draws"},
                new String[] {resealed(lines, 1, "key," + "0".repeat(64)), ":2:", "another run"},
                new String[] {resealed(lines, 6, f[0] + ",1," + row.substring(f[0].length() + 3)), ":7:", "out of order"});
        for (String[] d : damages) {
            Files.writeString(shard, d[0], StandardCharsets.UTF_8);
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> AbcStepUseCase.execute(AbcStepRequest.reduce(run, work, 2, null)), d[2]);
            assertTrue(e.getMessage().startsWith(shard + d[1]) && e.getMessage().contains(d[2]), e.getMessage());
            assertFalse(Files.exists(work.resolve(Checkpoint.FILE)), "no checkpoint written");
            assertFalse(Files.exists(tmp.resolve("posterior").resolve("posterior.csv")), "no result written");
        }
        // A damaged shard is simulated again by its task (a requeue), and then the reduce step goes through.
        AbcStepUseCase.execute(AbcStepRequest.simulate(run, work, 2, 2));
        assertEquals(good, Files.readString(shard, StandardCharsets.UTF_8));
        assertEquals(0, AbcStepUseCase.execute(AbcStepRequest.reduce(run, work, 2, null)).generation());
        assertTrue(Files.exists(work.resolve(Checkpoint.FILE)));
    }

    /** The slices of the tasks partition the slots: each slot in exactly one task's, ascending. */
    @Test
    void theTasksSlicesPartitionTheSlots() {
        for (int n = 1; n <= 7; n++) {
            int[] owner = new int[24];
            for (int k = 1; k <= n; k++) {
                int[] s = GenerationShard.slots(24, k, n);
                for (int j = 0; j < s.length; j++) {
                    assertEquals(0, owner[s[j]]++, "slot " + s[j] + " of " + n + " tasks");
                    assertEquals(k - 1, s[j] % n);
                }
            }
            for (int i = 0; i < 24; i++) {
                assertEquals(1, owner[i], "slot " + i + " of " + n + " tasks");
            }
        }
        assertEquals(0, GenerationShard.slots(3, 5, 5).length, "a task beyond the population has no slot");
        assertEquals(0, GenerationShard.slots(3, 4, 5).length, "a task beyond the population has no slot");
        assertArrayEquals(new int[] {2}, GenerationShard.slots(3, 3, 5));
    }

    /** {@code x} moved by one unit in the last place, written as the shard writes numbers. */
    private static String nudged(String x) {
        return Double.toString(Math.nextUp(Double.parseDouble(x)));
    }

    /** The shard with line {@code i} replaced and its end line's digest made right again (an edit that knows the format). */
    static String resealed(String[] lines, int i, String replacement) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int j = 0; j < lines.length - 1; j++) {
            body.append(j == i ? replacement : lines[j]).append('\n');
        }
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.toString().getBytes(StandardCharsets.UTF_8)));
        return body + "end," + (lines.length - 6) + "," + digest + "\n";
    }
}
