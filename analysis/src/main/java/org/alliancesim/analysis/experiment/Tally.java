package org.alliancesim.analysis.experiment;

import java.util.List;
import java.util.function.IntFunction;
import org.alliancesim.model.CourseListener;

/**
 * A statistic of a run, counted as the records stream past (the shape of Caffeine's
 * {@code StatsCounter} and {@code CacheStats}): one tally per replication listens to that
 * replication's courses and sessions on its worker thread ({@link CourseListener}); the run's tally
 * {@link #merge merges} the replications' tallies in replication order on the calling thread, so
 * every figure is the same whatever the thread count; reports, charts and CSVs read an immutable
 * {@link #snapshot}.
 *
 * <p>A tally is created per replication from its {@link Kind}; an {@link ExperimentResult} holds the
 * run's tally of each kind it was made with ({@link ExperimentResult#snapshot}), and a replication
 * counts only the kinds its result reads (what a metrics-only run such as ABC-SMC's does not read it
 * does not count). Not thread-safe: one per replication, and the run's one on the calling thread.
 *
 * @param <T> the tally's own type (what it merges)
 * @param <S> its snapshot
 */
public interface Tally<T extends Tally<T, S>, S> extends CourseListener {

    /** Adds {@code later}, the tally of the replication after those merged so far (call in replication order). */
    void merge(T later);

    /** What has been counted, as an immutable value that later records do not change. */
    S snapshot();

    /**
     * How to make a kind of tally for a run of a given session limit. Kinds are compared by identity:
     * declare each once, as a constant, and look snapshots up with it.
     *
     * @param name a short name, for messages
     * @param create a new, empty tally for a run with this session limit
     */
    record Kind<T extends CourseListener>(String name, IntFunction<T> create) {

        /** A new, empty tally for a run with {@code sessionLimit} sessions at most. */
        public T create(int sessionLimit) {
            return create.apply(sessionLimit);
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /**
     * The kinds every full run counts (what run's, compare's, validate's and calibrate's outputs read),
     * in the order they hear the records.
     */
    static List<Kind<?>> standard() {
        return Tallies.STANDARD;
    }
}
