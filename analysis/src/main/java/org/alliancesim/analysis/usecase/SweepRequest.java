package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.sweep.Designs;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;

/**
 * A sweep to run into a folder: all of it or one shard, afresh or resuming an interrupted run.
 *
 * <p>From JShell: {@code SweepUseCase.execute(SweepRequest.of(Path.of("scenarios/sweeps/example.yaml"),
 * Path.of("results/sweep")).withThreads(2))}.
 *
 * @param sweep the sweep's settings (a sweep file, loaded)
 * @param source where the settings came from, for messages (the file's path)
 * @param out the results folder: new or empty, unless {@code resume} or {@code force}
 * @param resume finish the sweep whose manifest is in {@code out} (a folder without one must be empty)
 * @param force start afresh in a non-empty {@code out}, removing an earlier sweep's files from it
 * @param shard which of the sweep's disjoint, balanced parts to run
 * @param threads worker threads, at least 1; results do not depend on it
 * @param progress told as each point finishes: the shard's points done, its points, and the speed
 * @param arguments the invocation's arguments, recorded in the report (empty for a library call)
 */
public record SweepRequest(SweepSpec sweep, String source, Path out, boolean resume, boolean force, Shard shard,
        int threads, Progress progress, List<String> arguments) {

    /** The metric keys a sweep may collect. */
    static final Set<String> METRICS = Metric.KEYS;

    /**
     * Part K of a sweep split into N disjoint, balanced parts (every N-th point of the interleaved order).
     *
     * @param k this part, 1..n
     * @param n the number of parts, at least 1
     */
    public record Shard(int k, int n) {

        /** K or N of {@code --shard}: decimal digits, no sign, no leading zero (as {@code Numbers} reads them). */
        private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[1-9][0-9]*");

        /** The whole sweep. */
        public static final Shard ALL = new Shard(1, 1);

        /** @throws BadRequestException unless {@code 1 <= k <= n} */
        public Shard {
            if (n < 1 || k < 1 || k > n) {
                throw new BadRequestException("--shard must be K/N with 1 <= K <= N, was '" + k + "/" + n + "'");
            }
        }

        /**
         * {@code K/N}, as {@code --shard} takes it.
         *
         * @throws BadRequestException for anything else
         */
        public static Shard parse(String text) {
            String[] p = text.split("/", -1);
            if (p.length == 2 && WHOLE.matcher(p[0]).matches() && WHOLE.matcher(p[1]).matches()
                    && p[0].length() <= 9 && p[1].length() <= 9) {
                return new Shard(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            throw new BadRequestException("--shard must be K/N with 1 <= K <= N, was '"
                    + org.alliancesim.scenario.Problem.shown(text) + "'");
        }

        @Override
        public String toString() {
            return k + "/" + n;
        }
    }

    /**
     * Validates the request; checks the design's size and bounds (the base scenario is checked when
     * the sweep runs).
     *
     * @throws ParameterException for a missing sweep or folder, or threads below 1
     * @throws BadRequestException for a design over {@link Designs#MAX_POINTS} points or a bound that is not finite
     */
    public SweepRequest {
        Requests.given("sweep", sweep);
        Requests.given("out", out);
        Requests.threads(threads);
        source = source == null ? "sweep" : source;
        shard = shard == null ? Shard.ALL : shard;
        progress = Requests.progress(progress);
        arguments = Requests.arguments(arguments);
        try {
            Designs.check(sweep);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(source + ": " + e.getMessage());
        }
    }

    /**
     * The sweep file {@code file} into {@code out}: the whole sweep, afresh, on every core.
     *
     * @throws ScenarioException listing the file's problems, located
     */
    public static SweepRequest of(Path file, Path out) throws ScenarioException {
        return new SweepRequest(SweepSpecs.load(file, METRICS), file.toString(), out, false, false, Shard.ALL,
                Requests.ALL_CORES, null, null);
    }

    /** The sweep {@code sweep} into {@code out}: the whole sweep, afresh, on every core. */
    public static SweepRequest of(SweepSpec sweep, Path out) {
        return new SweepRequest(sweep, null, out, false, false, Shard.ALL, Requests.ALL_CORES,
                null, null);
    }

    /** A copy that finishes the sweep in {@code out} (or starts it there when it holds none). */
    public SweepRequest withResume(boolean finish) {
        return new SweepRequest(sweep, source, out, finish, force, shard, threads, progress, arguments);
    }

    /** A copy that starts afresh in a non-empty folder. */
    public SweepRequest withForce(boolean afresh) {
        return new SweepRequest(sweep, source, out, resume, afresh, shard, threads, progress, arguments);
    }

    public SweepRequest withShard(Shard part) {
        return new SweepRequest(sweep, source, out, resume, force, part, threads, progress, arguments);
    }

    public SweepRequest withThreads(int n) {
        return new SweepRequest(sweep, source, out, resume, force, shard, n, progress, arguments);
    }

    public SweepRequest withProgress(Progress callback) {
        return new SweepRequest(sweep, source, out, resume, force, shard, threads, callback, arguments);
    }

    public SweepRequest withArguments(List<String> invocation) {
        return new SweepRequest(sweep, source, out, resume, force, shard, threads, progress, invocation);
    }
}
