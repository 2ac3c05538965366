package org.alliancesim.analysis.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.engine.example.MultiServerQueue;
import org.alliancesim.engine.example.MultiServerQueue.Config;
import org.alliancesim.engine.example.MultiServerQueue.Service;
import org.alliancesim.engine.example.QueueingFormulas;
import org.alliancesim.model.ParameterException;

/**
 * Checks the kernel against queueing theory: runs the example queue for several models and
 * compares the simulated mean wait in queue with the analytic value.
 *
 * <p>Method: independent replications. Each replication starts empty, discards the waits of the
 * first {@code warmup} customers and averages the next {@code customers}; the replication means
 * give a Student-t interval. A case passes when the analytic value lies inside the 99% interval.
 * For a correct kernel each case therefore fails by chance with probability about 1% (a little
 * more, from the residual start-up bias); results for a fixed seed are deterministic, whatever the
 * thread count, because replication {@code r} of case {@code k} always draws from the streams keyed
 * (seed, r, k, "arrivals") and (seed, r, k, "service").
 */
public final class KernelVerification {

    /** Level of the interval that decides pass or fail. */
    public static final double PASS_LEVEL = 0.99;

    /**
     * One queue to check.
     *
     * @param model Kendall notation, for example "M/M/3"
     * @param config the queue
     * @param analytic the steady-state mean wait in queue from theory, days
     * @param formula name of the formula that gives {@code analytic}
     */
    public record Case(String model, Config config, double analytic, String formula) {}

    /**
     * The outcome for one case.
     *
     * @param ci95 95% interval of the simulated mean wait
     * @param ci99 99% interval; decides {@code pass}
     * @param pass whether the analytic value lies in {@code ci99}
     */
    public record Row(Case check, ConfidenceInterval ci95, ConfidenceInterval ci99, boolean pass) {}

    /**
     * How much to simulate.
     *
     * @param seed master seed
     * @param replications independent replications per case, at least 2
     * @param warmup customers discarded at the start of each replication, at least 0
     * @param customers customers measured per replication, at least 1
     */
    public record Plan(long seed, int replications, long warmup, long customers) {
        /**
         * Validates the plan.
         *
         * @throws ParameterException naming the field, the value and what is allowed
         */
        public Plan {
            if (replications < 2) {
                throw new ParameterException("replications", String.valueOf(replications), "at least 2");
            }
            if (warmup < 0) {
                throw new ParameterException("warmup", String.valueOf(warmup), "at least 0");
            }
            if (customers < 1) {
                throw new ParameterException("customers", String.valueOf(customers), "at least 1");
            }
        }
    }

    private KernelVerification() {}

    /**
     * The standard cases: M/M/1 at utilisation 0.8; M/M/c for (c, utilisation) = (2, 0.5),
     * (3, 0.9) and (5, 0.7); M/D/1 at utilisation 0.7. Service rate 1 per day throughout.
     */
    public static List<Case> standardCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("M/M/1", new Config(0.8, 1, 1, Service.EXPONENTIAL),
                QueueingFormulas.mm1Wait(0.8, 1), "rho/(mu-lambda)"));
        for (double[] cr : new double[][] {{2, 0.5}, {3, 0.9}, {5, 0.7}}) {
            int c = (int) cr[0];
            double lambda = cr[0] * cr[1];
            cases.add(new Case("M/M/" + c, new Config(lambda, 1, c, Service.EXPONENTIAL),
                    QueueingFormulas.mmcWait(lambda, 1, c), "Erlang C"));
        }
        cases.add(new Case("M/D/1", new Config(0.7, 1, 1, Service.DETERMINISTIC),
                QueueingFormulas.md1Wait(0.7, 1), "Pollaczek-Khinchine"));
        return List.copyOf(cases);
    }

    /**
     * Runs every case.
     *
     * @param threads worker threads, at least 1; does not change the results
     */
    public static List<Row> run(List<Case> cases, Plan plan, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        RandomStreams streams = RandomStreams.of(plan.seed());
        int reps = plan.replications();
        double[][] means = new double[cases.size()][reps];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, cases.size() * reps).parallel().forEach(job -> {
                int k = job / reps;
                int r = job % reps;
                means[k][r] = MultiServerQueue.run(cases.get(k).config(),
                        streams.stream(r, k, "arrivals"), streams.stream(r, k, "service"),
                        plan.warmup(), plan.customers()).meanWait();
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verification failed to run: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            ConfidenceInterval ci95 = ConfidenceInterval.of(means[k], 0.95);
            ConfidenceInterval ci99 = ConfidenceInterval.of(means[k], PASS_LEVEL);
            rows.add(new Row(cases.get(k), ci95, ci99, ci99.contains(cases.get(k).analytic())));
        }
        return List.copyOf(rows);
    }
}
