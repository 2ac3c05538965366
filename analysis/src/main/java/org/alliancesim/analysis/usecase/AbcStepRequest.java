package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One step of an ABC-SMC run whose generations run as Slurm job arrays ({@code slurm --abc}):
 * array task {@code task} of {@code tasks} simulates its slots of the next generation, or (task 0)
 * the reduce step reads every task's shard and finishes the generation as a local run would.
 *
 * @param run the run (the same request in every step: its identity keys the checkpoint and the shards);
 *     its output is where the final step writes the results
 * @param work the run's working folder: abc-checkpoint.json, generation-T/task-K.csv, finished
 * @param tasks array tasks per generation, 1..10000
 * @param task this array task, 1..tasks, or 0 for the reduce step
 * @param generationStarted when the generation's array was submitted (its recorded wall time runs
 *     from here to the reduce step's end), or null for now
 */
public record AbcStepRequest(AbcSmcRequest run, Path work, int tasks, int task, Instant generationStarted) {

    /** @throws BadRequestException for a task outside 0..tasks or tasks outside 1..10000, or no output for the results */
    public AbcStepRequest {
        Requests.given("run", run);
        Requests.given("work", work);
        if (tasks < 1 || tasks > 10_000) {
            throw new BadRequestException("array tasks must be from 1 to 10000, were " + tasks);
        }
        if (task < 0 || task > tasks) {
            throw new BadRequestException("array task " + task + " of " + tasks + ": allowed 1.." + tasks
                    + " (or 0: the reduce step)");
        }
        if (run.output() == null) {
            throw new BadRequestException("the run needs its results folder (--out)");
        }
        if (run.resume()) {
            throw new BadRequestException("a Slurm step resumes from the working folder's checkpoint; give no --resume");
        }
        work = work.toAbsolutePath().normalize();
    }

    /** Array task {@code k} of {@code n}. */
    public static AbcStepRequest simulate(AbcSmcRequest run, Path work, int k, int n) {
        if (k < 1) {
            throw new BadRequestException("array task " + k + " of " + n + ": allowed 1.." + n);
        }
        return new AbcStepRequest(run, work, n, k, null);
    }

    /** The reduce step after an array of {@code n} tasks submitted at {@code started} (null: now). */
    public static AbcStepRequest reduce(AbcSmcRequest run, Path work, int n, Instant started) {
        return new AbcStepRequest(run, work, n, 0, started);
    }
}
