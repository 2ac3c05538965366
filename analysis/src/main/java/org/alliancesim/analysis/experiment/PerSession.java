package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.analysis.stats.ConfidenceInterval;

/**
 * Per-session values of each replication, kept in replication order, and their mean over replications
 * with a 95% t-interval ({@link Series}): what the per-session tallies (alliance by role, split) merge
 * into. Not thread-safe.
 */
final class PerSession {

    private final int sessionLimit;
    /** [replication] -> [series][session], NaN where nobody. */
    private final List<double[][]> replications = new ArrayList<>();

    PerSession(int sessionLimit) {
        this.sessionLimit = sessionLimit;
    }

    /** Adds the next replication's values, [series][session 0..sessionLimit]. */
    void add(double[][] values) {
        replications.add(values);
    }

    /** The mean of sums over counts, NaN where the count is 0. */
    static double mean(double sum, long count) {
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Series {@code k}'s mean over replications with a t-interval, named {@code name}; sessions where fewer
     * than 2 replications have a value are left out (they have no interval).
     */
    Series series(String name, int k) {
        List<Integer> sessions = new ArrayList<>();
        List<double[]> stats = new ArrayList<>();
        for (int t = 1; t <= sessionLimit; t++) {
            List<Double> v = new ArrayList<>();
            for (double[][] r : replications) {
                double x = r[k][t];
                if (!Double.isNaN(x)) {
                    v.add(x);
                }
            }
            if (v.size() >= 2) {
                ConfidenceInterval ci = ConfidenceInterval.of(v.stream().mapToDouble(Double::doubleValue).toArray(), 0.95);
                sessions.add(t);
                stats.add(new double[] {ci.mean(), ci.lower(), ci.upper()});
            }
        }
        int n = sessions.size();
        int[] s = new int[n];
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = sessions.get(i);
            mean[i] = stats.get(i)[0];
            lo[i] = stats.get(i)[1];
            hi[i] = stats.get(i)[2];
        }
        return new Series(name, s, mean, lo, hi);
    }
}
