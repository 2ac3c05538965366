package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.Checkpoint;
import org.alliancesim.analysis.inference.GenerationShard;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.report.AbcSmcReport;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.ScenarioException;

/**
 * The steps of an ABC-SMC run on a Slurm cluster ({@code slurm --abc}; docs/calibration.md). Per
 * generation, the array's tasks each simulate a fixed slice of the particle slots
 * ({@link GenerationShard#slots}: i mod N = K - 1) with {@link AbcSmc#simulateSlots} and write
 * it as a shard; then the reduce step reads every shard (checked: {@link GenerationShard#read}),
 * replays the generation with {@link AbcSmc#generationFrom} (the round loop of a local run, every
 * proposal redrawn from its key and compared), writes the checkpoint, and, when the run has
 * stopped, the results ({@link AbcSmcReport}: the same files as {@code calibrate --method abc-smc}
 * with the same seed, wall times and provenance aside) and the file {@code finished}.
 *
 * <p>A step refuses (bad input, nothing written) a checkpoint of another run, a finished run, and a
 * missing, damaged or foreign shard (the message names the file and line). An array task whose
 * complete shard is already there (a requeued task, or the driver run again) keeps it.
 */
public final class AbcStepUseCase {

    /** The file the reduce step writes when the run has ended; it holds the stop reason. */
    public static final String FINISHED = "finished";

    private AbcStepUseCase() {}

    /**
     * What a step of a Slurm ABC-SMC run did.
     *
     * @param generation the generation the step worked on
     * @param shard the shard an array task wrote (or found complete), or null for the reduce step
     * @param state after the reduce step, the run's state (its stop reason set when the run ended); null for a task
     * @param result when the reduce step ended the run, its result (the files are in the run's output); else null
     */
    public record Result(int generation, Path shard, AbcSmc.State state, AbcSmcUseCase.Result result) {}

    /**
     * Runs the step.
     *
     * @throws BadRequestException as above
     * @throws ScenarioException if the targets' paths or bounds are refused by the model
     * @throws IOException if writing fails
     */
    public static Result execute(AbcStepRequest r) throws IOException, ScenarioException {
        Instant now = Instant.now();
        AbcSmcRequest run = r.run();
        AbcSmcUseCase.Parts parts = AbcSmcUseCase.Parts.of(run);
        AbcSmc abc = parts.abc();
        String identity = AbcSmcUseCase.identity(run);
        Path work = r.work();
        Files.createDirectories(work);
        Path cp = work.resolve(Checkpoint.FILE);
        byte[] cpBytes = null;
        AbcSmc.State previous = null;
        if (Files.exists(cp)) {
            cpBytes = Files.readAllBytes(cp);
            try {
                previous = Checkpoint.read(cp, identity);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            if (previous.stopReason() != null) {
                throw new BadRequestException(cp + ": the run has finished (" + previous.stopReason() + "); its results"
                        + " are in " + run.output().dir());
            }
        }
        int t = previous == null ? 0 : previous.generations().size();
        String key = GenerationShard.key(identity, t, cpBytes);
        Path generation = work.resolve("generation-" + t);
        int population = run.population();
        int d = parts.prior().dimension();
        int m = ModelSimulator.observed(run.targets()).length;
        long allowance = run.maxSimulations() - (previous == null ? 0 : previous.simulations());
        if (r.task() > 0) {
            String name = GenerationShard.fileName(r.task());
            Path shard = generation.resolve(name);
            if (Files.exists(shard)) {
                try {
                    GenerationShard.read(generation, name, key, t, r.task(), r.tasks(), population, d, m, allowance);
                    return new Result(t, shard, null, null);
                } catch (IllegalArgumentException e) {
                    // an earlier attempt's or a damaged shard: simulated again and replaced below
                }
            }
            int[] slots = GenerationShard.slots(population, r.task(), r.tasks());
            AbcSmc.State from = previous;
            List<List<AbcSmc.Attempt>> attempts = Requests.run(() -> abc.simulateSlots(from, slots));
            Files.createDirectories(generation);
            GenerationShard.write(shard, key, t, r.task(), r.tasks(), d, m, attempts);
            return new Result(t, shard, null, null);
        }

        // The reduce step: every shard read and checked before anything is written.
        List<List<AbcSmc.Attempt>> bySlot = new ArrayList<>(Collections.nCopies(population, null));
        Path[] fileOf = new Path[population];
        int[][] linesOf = new int[population][];
        for (int k = 1; k <= r.tasks(); k++) {
            String name = GenerationShard.fileName(k);
            GenerationShard.Contents c;
            try {
                c = GenerationShard.read(generation, name, key, t, k, r.tasks(), population, d, m, allowance);
            } catch (NoSuchFileException e) {
                throw new BadRequestException(generation.resolve(name) + ": missing: array task " + k + " of "
                        + r.tasks() + " of generation " + t + " wrote no shard (see its slurm-*.out log); run the"
                        + " driver again");
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            int[] slots = GenerationShard.slots(population, k, r.tasks());
            for (int j = 0; j < slots.length; j++) {
                bySlot.set(slots[j], c.attempts().get(j));
                fileOf[slots[j]] = generation.resolve(name);
                linesOf[slots[j]] = c.lines().get(j);
            }
        }
        Instant started = r.generationStarted() != null ? r.generationStarted() : now;
        AbcSmc.State from = previous;
        AbcSmc.State next = Requests.run(() -> {
            try {
                return abc.generationFrom(from, bySlot, Duration.between(started, Instant.now()).toNanos() / 1e9);
            } catch (AbcSmc.ForeignAttempt e) {
                int[] lines = linesOf[e.slot()];
                int line = e.attempt() >= 0 && e.attempt() < lines.length ? lines[e.attempt()] : lines[lines.length - 1];
                throw new BadRequestException(fileOf[e.slot()] + ":" + line + ": " + e.getMessage());
            }
        });
        AbcSmcUseCase.Result result = null;
        if (next.stopReason() != null) {
            try (ResultsFolder folder = new Output(run.output().dir(), true).open(AbcSmcReport.FILES)) {
                result = AbcSmcUseCase.results(run, parts.calibration(), parts.prior(), next, folder, now);
            }
        }
        Checkpoint.write(cp, identity, next);
        if (next.stopReason() != null) {
            AtomicFile.write(work.resolve(FINISHED), next.stopReason() + "\n");
        }
        return new Result(t, null, next, result);
    }
}
