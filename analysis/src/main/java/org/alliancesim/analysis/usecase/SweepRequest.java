package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
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
 * @param resume finish the sweep whose manifest is in {@link #out()} (a folder without one must be empty)
 * @param shard which of the sweep's disjoint, balanced parts to run
 * @param execution threads; the results folder ({@link #out()}: new or empty, unless {@code resume} or
 *     {@link #force()}: start afresh in a non-empty folder, removing an earlier sweep's files from it); progress,
 *     told as each point finishes (the shard's points done, its points, and the speed); the arguments recorded in
 *     the report ({@link Execution})
 */
public record SweepRequest(SweepSpec sweep, String source, boolean resume, Shard shard, Execution execution)
        implements Executed<SweepRequest> {

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
        Requests.given("out", execution == null ? null : execution.output());
        source = source == null ? "sweep" : source;
        shard = shard == null ? Shard.ALL : shard;
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
        return new SweepRequest(SweepSpecs.load(file, METRICS), file.toString(), false, Shard.ALL, into(out));
    }

    /** The sweep {@code sweep} into {@code out}: the whole sweep, afresh, on every core. */
    public static SweepRequest of(SweepSpec sweep, Path out) {
        return new SweepRequest(sweep, null, false, Shard.ALL, into(out));
    }

    /** Every core, into {@code out} afresh (none when null, refused by the request). */
    private static Execution into(Path out) {
        return Execution.DEFAULT.output(out == null ? null : Output.to(out));
    }

    /** The results folder. */
    public Path out() {
        return output().dir();
    }

    /** Whether to start afresh in a non-empty {@link #out()}. */
    public boolean force() {
        return output().force();
    }

    /** A copy that finishes the sweep in {@link #out()} (or starts it there when it holds none). */
    public SweepRequest withResume(boolean finish) {
        return new SweepRequest(sweep, source, finish, shard, execution);
    }

    /** A copy that starts afresh in a non-empty folder. */
    public SweepRequest withForce(boolean afresh) {
        return withOutput(new Output(out(), afresh));
    }

    public SweepRequest withShard(Shard part) {
        return new SweepRequest(sweep, source, resume, part, execution);
    }

    @Override
    public SweepRequest withExecution(Execution how) {
        return new SweepRequest(sweep, source, resume, shard, how);
    }
}
