package org.alliancesim.analysis.experiment;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.Scenario;

/**
 * What {@link Experiment} runs: which replications of which model, on how many threads, and what
 * each replication keeps. Made with {@link #of(Scenario)} or {@link #builder(ModelParameters, long)};
 * every choice has a name, so a call reads as what it asks for:
 *
 * <pre>{@code
 * Experiment.run(ExperimentPlan.of(scenario).threads(4).sessionDetail(false).build(), sink);
 * }</pre>
 *
 * @param model the model run
 * @param seed the master seed; replication {@code r} draws from streams keyed (seed, r, ...)
 * @param first the first replication's number, at least 0
 * @param count how many replications, at least 0
 * @param threads worker threads, at least 1; results do not depend on it
 * @param trajectories whether each replication keeps sessions.csv rows (implies session detail)
 * @param sessionDetail whether the model emits per-session records (alliance by role, split): needed
 *     for the per-session charts; without it a run is several times faster
 * @param familyRows whether each replication formats families.csv rows
 * @param alongside a listener per replication beside its data, hearing the same records (with session
 *     detail), for example measurement ({@link MeasuresCsv#listener(int)}); created and fed on the
 *     replication's thread before the sink sees the replication; null for none
 * @param afterEach told each replication's number after the sink has taken it, on the calling thread;
 *     null for nothing
 */
public record ExperimentPlan(ModelParameters model, long seed, int first, int count, int threads,
        boolean trajectories, boolean sessionDetail, boolean familyRows,
        IntFunction<? extends CourseListener> alongside, IntConsumer afterEach) {

    /** Checks the plan. */
    public ExperimentPlan {
        if (model == null) {
            throw new IllegalArgumentException("an experiment needs a model");
        }
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("replications must be a non-negative range, was first " + first
                    + ", count " + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    /** Whether the model must emit per-session records: asked for, or needed by the rows or the listener. */
    boolean modelSessionDetail() {
        return sessionDetail || trajectories || alongside != null;
    }

    /**
     * A plan of {@code scenario}'s model, seed and replications (0 to replications - 1), on one thread,
     * with session detail, without rows, listener or progress; change what differs.
     */
    public static Builder of(Scenario scenario) {
        return builder(scenario.model(), scenario.seed()).replications(scenario.replications());
    }

    /** A plan of {@code model} on {@code seed}, of no replications yet, with the defaults of {@link #of(Scenario)}. */
    public static Builder builder(ModelParameters model, long seed) {
        return new Builder(model, seed);
    }

    /** Collects a plan's choices; {@link #build()} checks them. */
    public static final class Builder {
        private final ModelParameters model;
        private final long seed;
        private int first;
        private int count;
        private int threads = 1;
        private boolean trajectories;
        private boolean sessionDetail = true;
        private boolean familyRows;
        private IntFunction<? extends CourseListener> alongside;
        private IntConsumer afterEach;

        private Builder(ModelParameters model, long seed) {
            this.model = model;
            this.seed = seed;
        }

        /** Replications 0 to {@code count - 1}. */
        public Builder replications(int count) {
            return replications(0, count);
        }

        /** Replications {@code first} to {@code first + count - 1} (a batch, a shard, a posterior draw's block). */
        public Builder replications(int first, int count) {
            this.first = first;
            this.count = count;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Keep sessions.csv rows (default: no). */
        public Builder trajectories(boolean keep) {
            this.trajectories = keep;
            return this;
        }

        /** Have the model emit per-session records (default: yes). */
        public Builder sessionDetail(boolean emit) {
            this.sessionDetail = emit;
            return this;
        }

        /** Format families.csv rows (default: no). */
        public Builder familyRows(boolean format) {
            this.familyRows = format;
            return this;
        }

        /** A listener per replication beside its data (default: none). */
        public Builder alongside(IntFunction<? extends CourseListener> listeners) {
            this.alongside = listeners;
            return this;
        }

        /** Told each replication's number once it is consumed (default: nothing). */
        public Builder afterEach(IntConsumer done) {
            this.afterEach = done;
            return this;
        }

        public ExperimentPlan build() {
            return new ExperimentPlan(model, seed, first, count, threads, trajectories, sessionDetail, familyRows,
                    alongside, afterEach);
        }
    }
}
