package org.alliancesim.analysis.experiment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
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
 * thread, and its rows can be written while it runs ({@link ReplicationSink#rows}), so one replication of a
 * million families does not hold a million rows.
 */
public final class Experiment {

    /** Receives each replication's data, in replication order, on the calling thread. */
    @FunctionalInterface
    public interface ReplicationSink {
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

    /** Characters of CSV rows a replication running on the calling thread holds before {@link ReplicationSink#rows}. */
    public static final int ROWS_CHUNK = 1 << 20;

    private Experiment() {}

    /**
     * Runs the plan's replications and returns their summary: metric summaries, Kaplan-Meier curves,
     * histograms (the per-session series only with session detail). The simplest entry point for
     * scripts (docs/api.md): {@code Experiment.run(ExperimentPlan.of(scenario).threads(2).build())}.
     */
    public static ExperimentResult run(ExperimentPlan plan) throws Exception {
        ExperimentResult result = new ExperimentResult(plan.model().run().sessionLimit());
        run(plan, result.sink());
        return result;
    }

    /**
     * Runs the plan's replications for their metrics only ({@link ExperimentResult#metricsOnly}): no
     * curves. What a sweep point or a calibration evaluation needs, and nothing more; the plan must
     * ask for no session detail, rows or listener (they would be computed and thrown away).
     *
     * @throws IllegalArgumentException for a plan that asks for more than metrics
     */
    public static ExperimentResult metrics(ExperimentPlan plan) throws Exception {
        if (plan.modelSessionDetail() || plan.familyRows()) {
            throw new IllegalArgumentException("a metrics-only run takes a plan without session detail, rows or"
                    + " listener (sessionDetail(false))");
        }
        ExperimentResult result = ExperimentResult.metricsOnly(plan.model().run().sessionLimit());
        run(plan, result.sink());
        return result;
    }

    /**
     * Runs the plan's replications, handing each replication's data to {@code sink} in replication
     * order on the calling thread.
     *
     * @throws Exception whatever the sink throws; a failing replication's exception is rethrown
     */
    public static void run(ExperimentPlan plan, ReplicationSink sink) throws Exception {
        ModelParameters model = plan.model();
        int first = plan.first();
        int count = plan.count();
        int threads = plan.threads();
        boolean trajectories = plan.trajectories();
        boolean familyRows = plan.familyRows();
        boolean detail = plan.modelSessionDetail();
        IntFunction<? extends CourseListener> alongside = plan.alongside();
        IntConsumer progress = plan.afterEach();
        // The sink's kinds, asked once: every replication counts the same ones.
        java.util.List<Tally.Kind<?>> tallies = sink.tallies();
        RandomStreams streams = RandomStreams.of(plan.seed());
        int limit = model.run().sessionLimit();
        if (threads == 1 || count <= 1) {
            // One thread (or one replication): no pool, no hand-over; the same replications in the
            // same order, each written as it runs.
            for (int r = first; r < first + count; r++) {
                ReplicationData d = new ReplicationData(r, limit, familyRows, trajectories, tallies);
                d.drainRowsEvery(ROWS_CHUNK, () -> {
                    try {
                        sink.rows(d);
                    } catch (Exception e) {
                        throw new RowsNotWritten(e);
                    }
                });
                try {
                    Replication.run(model, streams, r, listen(d, alongside, r), detail);
                } catch (RowsNotWritten e) {
                    throw e.reason;
                }
                d.finish();
                sink.accept(d);
                if (progress != null) {
                    progress.accept(r);
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
                window.add(submit(pool, model, streams, next++, limit, familyRows, trajectories, detail,
                        alongside, tallies));
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
                    window.add(submit(pool, model, streams, next++, limit, familyRows, trajectories, detail,
                            alongside, tallies));
                }
                sink.accept(d);
                if (progress != null) {
                    progress.accept(d.replication);
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
            Replication.run(model, streams, r, listen(d, alongside, r), detail);
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

    /** Carries a failure of {@link ReplicationSink#rows} out of the model's listener calls, which throw nothing checked. */
    private static final class RowsNotWritten extends RuntimeException {
        final Exception reason;

        RowsNotWritten(Exception reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
