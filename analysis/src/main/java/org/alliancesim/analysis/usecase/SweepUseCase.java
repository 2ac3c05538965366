package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.report.SweepReport;
import org.alliancesim.analysis.sweep.Sweep;
import org.alliancesim.analysis.sweep.SweepFolderException;
import org.alliancesim.analysis.sweep.SweepRunner;
import org.alliancesim.scenario.ScenarioException;

/**
 * Runs a sweep (or one shard of it) into a folder, crash-safely, resuming an interrupted one
 * (docs/sweeps.md). The folder is checked before anything runs: a file, or a non-empty folder
 * without {@code force} (or, with {@code resume}, without a sweep's manifest), is refused.
 */
public final class SweepUseCase {

    /** The files of a sweep folder that starting afresh ({@code force}) removes first. */
    static final List<String> SWEEP_FILES = List.of(SweepRunner.MANIFEST, SweepRunner.POINTS, SweepRunner.RUNS,
            "summary.json", "report.html", SweepReport.EFFECTS);

    /** What a sweep folder's writers may write: {@link #SWEEP_FILES} and the charts folder. */
    static final List<String> WRITES = java.util.stream.Stream.concat(SWEEP_FILES.stream(), java.util.stream.Stream.of(
            "charts/")).toList();

    private SweepUseCase() {}

    /**
     * What a sweep did.
     *
     * @param folder the results folder (points.csv, runs.csv, summary.json, report.html, charts/, manifest.json)
     * @param shard the part of the sweep the folder holds
     * @param points the shard's points
     * @param ranNow points run by this call (the others ran before it was interrupted)
     * @param failed points whose combination the model refused (recorded with their error in points.csv)
     * @param seconds wall-clock time of this call
     * @param runsPerSecond replications run per second by this call
     * @param effects an effect sweep's effects (effects.csv: per point that ran and metric, B - A with its
     *     95% interval); empty for a sweep of one scenario per point
     */
    public record Result(Path folder, SweepRequest.Shard shard, int points, int ranNow, int failed, double seconds,
            double runsPerSecond, List<SweepReport.Effect> effects) {

        /** Copies the effects. */
        public Result {
            effects = List.copyOf(effects);
        }
    }

    /**
     * Runs the request.
     *
     * @throws BadRequestException for a path that is not a number in the base scenario, or a folder
     *     that cannot take the sweep; nothing written
     * @throws ScenarioException when the base scenario does not load
     * @throws SweepFolderException (bad input) for a folder that does not hold this sweep and shard
     *     ({@code resume}), or a base scenario edited while the sweep ran
     * @throws IOException when a file cannot be written (a full disk): the points finished so far are
     *     kept; the same request with {@code resume} finishes the sweep
     */
    public static Result execute(SweepRequest r)
            throws ScenarioException, SweepFolderException, IOException, InterruptedException {
        Sweep sweep;
        try {
            sweep = Sweep.of(r.sweep());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(r.source() + ": " + e.getMessage());
        }
        try (ResultsFolder folder = claim(r.out())) {
            return run(r, sweep, prepare(r, folder));
        }
    }

    /** Claims a sweep's folder for this process ({@link ResultsFolder#claim}), as bad input when it cannot. */
    static ResultsFolder claim(Path out) {
        try {
            return ResultsFolder.claim(out, WRITES);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Result run(SweepRequest r, Sweep sweep, boolean resuming)
            throws ScenarioException, SweepFolderException, IOException, InterruptedException {
        int total = SweepRunner.shard(sweep.size(), r.shard().k(), r.shard().n()).size();
        // Runs: replications of each arm (an effect sweep runs two scenarios per point).
        int reps = r.sweep().replications() * (r.sweep().isEffectSweep() ? 2 : 1);
        long start = System.nanoTime();
        int[] ran = {0}; // guarded by the runner: progress is told one point at a time
        IntConsumer progress = done -> {
            ran[0]++;
            double seconds = (System.nanoTime() - start) / 1e9;
            r.progress().update(done, total, String.format(Locale.ROOT, "%.1f runs/s", ran[0] * reps / seconds));
        };
        SweepRunner.Outcome o = SweepRunner.run(sweep, r.out(), r.threads(), resuming, r.shard().k(), r.shard().n(),
                command("sweep", r.arguments()), progress);
        return new Result(r.out(), r.shard(), o.points(), o.ranNow(), o.failed(), o.seconds(),
                o.ranNow() * reps / Math.max(1e-9, o.seconds()),
                sweep.spec().isEffectSweep() ? SweepReport.effects(r.out(), sweep.spec()) : List.of());
    }

    /** Checks the folder and, when starting afresh in it with {@code force}, removes an earlier sweep's files. */
    private static boolean prepare(SweepRequest r, ResultsFolder folder) throws IOException {
        Path out = r.out();
        boolean resuming = r.resume() && Files.exists(out.resolve(SweepRunner.MANIFEST));
        if (!resuming && !r.force() && !folder.isEmpty()) {
            throw new BadRequestException("--out " + out + " exists and is not empty" + (r.resume()
                    ? ", but holds no " + SweepRunner.MANIFEST + ", so there is no sweep in it to resume; use --force to"
                            + " start afresh in it, or another folder"
                    : "; use --resume to finish the sweep in it, --force to start afresh, or another folder"));
        }
        if (!resuming && r.force()) {
            for (String f : SWEEP_FILES) {
                Files.deleteIfExists(out.resolve(f));
            }
        }
        if (resuming || r.force()) {
            try {
                folder.removeLeftovers();
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        return resuming;
    }

    /** The command line for a report's provenance: the invocation's, or the use case's name for a library call. */
    static String command(String useCase, List<String> arguments) {
        return arguments.isEmpty() ? "alliancesim " + useCase + " (library call)"
                : "alliancesim " + String.join(" ", arguments);
    }

}
