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
 * with the number of replications. Each replication's per-family work (metrics arrays, CSV rows,
 * retention counts, tallies) is done on its worker thread; the calling thread only merges and writes.
 * With one thread, or one replication, nothing is handed over: the replication runs on the calling
 * thread, and its rows can be written while it runs ({@link Sink#rows}), so one replication of a
 * million families does not hold a million rows.
 */
public final class Experiment {

    /** Receives each replication's data, in replication order, on the calling thread. */
    @FunctionalInterface
    public interface Sink {
        void accept(ReplicationData data) throws Exception;

        /**
         * Receives a replication's rows so far while it runs, when it runs on the calling thread and
         * its rows reach {@link #ROWS_CHUNK} characters; an implementation writes them out (the
         * {@code write*} methods of {@link ReplicationData} forget what they wrote). By default
         * nothing: the rows stay until {@link #accept}.
         */
        default void rows(ReplicationData data) throws Exception {}

        /**
         * The kinds of tally each replication counts for this sink (the metrics always): by default
         * every standard one; {@link ExperimentResult#sink} asks for its result's kinds only.
         */
        default java.util.List<Tally.Kind<?>> tallies() {
            return Tally.standard();
        }
    }

    /** Characters of CSV rows a replication running on the calling thread holds before {@link Sink#rows}. */
    public static final int ROWS_CHUNK = 1 << 20;

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
        run(model, seed, 0, replications, threads, false, sessionDetail, false, result.sink(), null);
        return result;
    }

    /**
     * Runs replications 0 to {@code replications - 1} for their metrics only
     * ({@link ExperimentResult#metricsOnly}): no session detail, no rows, no curves. What a sweep
     * point or a calibration evaluation needs, and nothing more.
     */
    public static ExperimentResult metrics(ModelParameters model, long seed, int replications, int threads)
            throws Exception {
        ExperimentResult result = ExperimentResult.metricsOnly(model.run().sessionLimit());
        run(model, seed, 0, replications, threads, false, false, false, result.sink(), null);
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
        run(model, seed, first, count, threads, trajectories, sessionDetail, true, sink, progress);
    }

    /**
     * As above, with a listener per replication beside its data that hears the same records (with
     * session detail), for example measurement ({@link MeasuresCsv#listener(int)}); null for none.
     * It is created and fed on the replication's thread, before the sink sees the replication.
     */
    public static void run(ModelParameters model, long seed, int first, int count, int threads, boolean trajectories,
            boolean sessionDetail, IntFunction<? extends CourseListener> alongside, Sink sink, Progress progress)
            throws Exception {
        run(model, seed, first, count, threads, trajectories, sessionDetail, true, alongside, sink, progress);
    }

    /**
     * As above, choosing whether families.csv rows are formatted: a use case that writes no
     * families.csv (validate) passes {@code familyRows} false and spends nothing on them.
     */
    public static void run(ModelParameters model, long seed, int first, int count, int threads,
            boolean trajectories, boolean sessionDetail, boolean familyRows, Sink sink, Progress progress)
            throws Exception {
        run(model, seed, first, count, threads, trajectories, sessionDetail, familyRows, null, sink, progress);
    }

    /** The general form of the above: every choice, and a listener beside each replication (null for none). */
    public static void run(ModelParameters model, long seed, int first, int count, int threads,
            boolean trajectories, boolean sessionDetail, boolean familyRows,
            IntFunction<? extends CourseListener> alongside, Sink sink, Progress progress) throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        RandomStreams streams = RandomStreams.of(seed);
        int limit = model.run().sessionLimit();
        if (threads == 1 || count <= 1) {
            // One thread (or one replication): no pool, no hand-over; the same replications in the
            // same order, each written as it runs.
            for (int r = first; r < first + count; r++) {
                ReplicationData d = new ReplicationData(r, limit, familyRows, trajectories, sink.tallies());
                d.drainRowsEvery(ROWS_CHUNK, () -> {
                    try {
                        sink.rows(d);
                    } catch (Exception e) {
                        throw new RowsNotWritten(e);
                    }
                });
                try {
                    Replication.run(model, streams, r, listen(d, alongside, r),
                            sessionDetail || trajectories || alongside != null);
                } catch (RowsNotWritten e) {
                    throw e.reason;
                }
                d.finish();
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
                window.add(submit(pool, model, streams, next++, limit, familyRows, trajectories,
                        sessionDetail || trajectories, alongside, sink.tallies()));
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
                    window.add(submit(pool, model, streams, next++, limit, familyRows, trajectories,
                            sessionDetail || trajectories, alongside, sink.tallies()));
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
            int r, int limit, boolean familyRows, boolean trajectories, boolean detail,
            IntFunction<? extends CourseListener> alongside, java.util.List<Tally.Kind<?>> tallies) {
        return pool.submit(() -> {
            ReplicationData d = new ReplicationData(r, limit, familyRows, trajectories, tallies);
            Replication.run(model, streams, r, listen(d, alongside, r), detail || alongside != null);
            d.finish();
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

            @Override
            public void therapistDrawn(org.alliancesim.model.TherapistProfile therapist) {
                d.therapistDrawn(therapist);
                other.therapistDrawn(therapist);
            }

            @Override
            public int sessionsWanted() {
                return Math.max(d.sessionsWanted(), other.sessionsWanted());
            }
        };
    }

    /** Carries a failure of {@link Sink#rows} out of the model's listener calls, which throw nothing checked. */
    private static final class RowsNotWritten extends RuntimeException {
        final Exception reason;

        RowsNotWritten(Exception reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
