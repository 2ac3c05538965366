package org.alliancesim.analysis.experiment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.SessionRecord;

/**
 * Runs replications of a model in parallel and hands them on in replication order.
 *
 * <p>Replication {@code r} draws only from streams keyed (seed, r, ...), and its data are consumed
 * strictly in order of {@code r}, so every output is identical for any thread count. At most
 * {@code 2 * threads} finished-but-unconsumed replications are held at once, so memory does not grow
 * with the number of replications.
 */
public final class Experiment {

    /** Receives each replication's data, in replication order, on the calling thread. */
    @FunctionalInterface
    public interface Sink {
        void accept(ReplicationData data) throws Exception;
    }

    /** Told after each replication is consumed. */
    @FunctionalInterface
    public interface Progress {
        void done(int replication);
    }

    private Experiment() {}

    /**
     * Runs replications 0 to {@code replications - 1} and returns their summary: the simplest entry
     * point for scripts (docs/api.md).
     */
    public static ExperimentResult run(ModelParameters model, long seed, int replications, int threads)
            throws Exception {
        return run(model, seed, replications, threads, true);
    }

    /**
     * As {@link #run(ModelParameters, long, int, int)}; without {@code sessionDetail} the per-session
     * series (alliance by role, split) stay empty and the run is several times faster: for sweeps,
     * calibration and validation, which need only the course-level metrics.
     */
    public static ExperimentResult run(ModelParameters model, long seed, int replications, int threads,
            boolean sessionDetail) throws Exception {
        ExperimentResult result = new ExperimentResult(model.run().sessionLimit());
        run(model, seed, 0, replications, threads, false, sessionDetail, result::add, null);
        return result;
    }

    /**
     * Runs replications {@code first} to {@code first + count - 1}.
     *
     * @param trajectories whether to keep sessions.csv rows
     * @throws Exception whatever the sink throws; a failing replication's exception is rethrown
     */
    public static void run(ModelParameters model, long seed, int first, int count, int threads, boolean trajectories,
            Sink sink, Progress progress) throws Exception {
        run(model, seed, first, count, threads, trajectories, true, sink, progress);
    }

    /** As above, choosing whether the model emits session detail (needed for the per-session charts). */
    public static void run(ModelParameters model, long seed, int first, int count, int threads, boolean trajectories,
            boolean sessionDetail, Sink sink, Progress progress) throws Exception {
        run(model, seed, first, count, threads, trajectories, sessionDetail, null, sink, progress);
    }

    /**
     * As above, with a listener per replication beside its data that hears the same records (with
     * session detail), for example measurement ({@link MeasuresCsv#listener(int)}); null for none.
     * It is created and fed on the replication's thread, before the sink sees the replication.
     */
    public static void run(ModelParameters model, long seed, int first, int count, int threads, boolean trajectories,
            boolean sessionDetail, IntFunction<? extends CourseListener> alongside, Sink sink, Progress progress)
            throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        RandomStreams streams = RandomStreams.of(seed);
        int limit = model.run().sessionLimit();
        if (threads == 1) {
            // One thread: no pool, no hand-over; the same replications in the same order.
            for (int r = first; r < first + count; r++) {
                ReplicationData d = new ReplicationData(r, limit, trajectories);
                Replication.run(model, streams, r, listen(d, alongside, r),
                        sessionDetail || trajectories || alongside != null);
                sink.accept(d);
                if (progress != null) {
                    progress.done(r);
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replication");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<ReplicationData>> window = new ArrayDeque<>();
            int next = first;
            int end = first + count;
            while (next < end && window.size() < 2 * threads) {
                window.add(submit(pool, model, streams, next++, limit, trajectories, sessionDetail || trajectories,
                        alongside));
            }
            while (!window.isEmpty()) {
                ReplicationData d;
                try {
                    d = window.poll().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
                if (next < end) {
                    window.add(submit(pool, model, streams, next++, limit, trajectories,
                            sessionDetail || trajectories, alongside));
                }
                sink.accept(d);
                if (progress != null) {
                    progress.done(d.replication);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Future<ReplicationData> submit(ExecutorService pool, ModelParameters model, RandomStreams streams,
            int r, int limit, boolean trajectories, boolean detail, IntFunction<? extends CourseListener> alongside) {
        return pool.submit(() -> {
            ReplicationData d = new ReplicationData(r, limit, trajectories);
            Replication.run(model, streams, r, listen(d, alongside, r), detail || alongside != null);
            return d;
        });
    }

    /** {@code d}, or {@code d} and replication {@code r}'s listener from {@code alongside}, each told every record. */
    private static CourseListener listen(ReplicationData d, IntFunction<? extends CourseListener> alongside, int r) {
        if (alongside == null) {
            return d;
        }
        CourseListener other = alongside.apply(r);
        return new CourseListener() {
            @Override
            public void courseEnded(CourseRecord course) {
                d.courseEnded(course);
                other.courseEnded(course);
            }

            @Override
            public void sessionAttended(SessionRecord session) {
                d.sessionAttended(session);
                other.sessionAttended(session);
            }
        };
    }
}
