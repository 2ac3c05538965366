package org.alliancesim.analysis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Variance-based sensitivity: first-order and total Sobol indices from the outputs of a Saltelli
 * design, with percentile bootstrap intervals.
 *
 * <p>The outputs come in N blocks of d + 2, one block per base row j (Saltelli et al. 2010):
 * f(A_j), f(B_j), then f(AB_j^(i)) for i = 1..d, where AB^(i) is A with column i taken from B. The
 * first-order index is Saltelli et al.'s (2010) estimator with f(B) centred on the mean, the total
 * index Jansen's (1999); both are divided by the variance of f(A) and f(B) together. The 95%
 * intervals are the 2.5th and 97.5th percentiles of {@link #RESAMPLES} estimates on base rows drawn
 * with replacement (N draws of {@code nextInt(N)} per resample, from the caller's generator).
 */
public final class SobolIndices {

    /** Bootstrap resamples per estimate. */
    public static final int RESAMPLES = 1000;

    private SobolIndices() {}

    /**
     * The indices of each parameter, in order.
     *
     * @param parameters the d parameters' names
     * @param f N (d + 2) outputs, laid out as above, N >= 1
     * @param rng the bootstrap's draws ({@link #RESAMPLES} x N of them)
     * @throws IllegalArgumentException if there are no parameters or {@code f} is not N (d + 2) values
     */
    public static List<SobolIndex> estimate(List<String> parameters, double[] f, UniformRandomProvider rng) {
        int d = parameters.size();
        if (d == 0 || f.length == 0 || f.length % (d + 2) != 0) {
            throw new IllegalArgumentException("Sobol indices of " + d + " parameters need N (d + 2) = N x " + (d + 2)
                    + " outputs, N >= 1; got " + f.length);
        }
        int n = f.length / (d + 2);
        int b = RESAMPLES;
        double[][] firstBoot = new double[d][b];
        double[][] totalBoot = new double[d][b];
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] est = indices(f, d, all);
        for (int r = 0; r < b; r++) {
            int[] rows = new int[n];
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
            double[][] e = indices(f, d, rows);
            for (int i = 0; i < d; i++) {
                firstBoot[i][r] = e[0][i];
                totalBoot[i][r] = e[1][i];
            }
        }
        List<SobolIndex> out = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            Arrays.sort(firstBoot[i]);
            Arrays.sort(totalBoot[i]);
            out.add(new SobolIndex(parameters.get(i), est[0][i], firstBoot[i][(int) (0.025 * b)],
                    firstBoot[i][(int) (0.975 * b) - 1], est[1][i], totalBoot[i][(int) (0.025 * b)],
                    totalBoot[i][(int) (0.975 * b) - 1]));
        }
        return out;
    }

    /** [first order, total][parameter] on the base rows {@code rows} (repeats allowed). */
    private static double[][] indices(double[] f, int d, int[] rows) {
        int n = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += f[j * (d + 2)] + f[j * (d + 2) + 1];
        }
        mean /= 2 * n;
        double var = 0;
        for (int j : rows) {
            double a = f[j * (d + 2)] - mean;
            double bb = f[j * (d + 2) + 1] - mean;
            var += a * a + bb * bb;
        }
        var /= 2 * n - 1;
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double s1 = 0;
            double st = 0;
            for (int j : rows) {
                double fa = f[j * (d + 2)];
                double fb = f[j * (d + 2) + 1];
                double fab = f[j * (d + 2) + 2 + i];
                // Centring f(B) on the mean leaves the estimator's expectation unchanged and cuts its
                // variance when outputs sit far from zero (Sobol' 2007; Saltelli et al. 2010).
                s1 += (fb - mean) * (fab - fa);
                st += (fa - fab) * (fa - fab);
            }
            out[0][i] = var == 0 ? 0 : s1 / n / var;
            out[1][i] = var == 0 ? 0 : st / (2.0 * n) / var;
        }
        return out;
    }
}
