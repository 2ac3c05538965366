package org.alliancesim.analysis.stats;

import java.util.TreeMap;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * The intraclass correlation ICC(1) of a one-way random-effects ANOVA: the share of an outcome's
 * variance that lies between groups (here, therapists), from each group's size, sum and sum of
 * squares. With k groups, N observations, group sizes n_i,
 *
 * <pre>
 *   MSB = SSB / (k - 1),  MSW = SSW / (N - k),  n0 = (N - sum n_i^2 / N) / (k - 1)
 *   ICC = (MSB - MSW) / (MSB + (n0 - 1) MSW)
 * </pre>
 *
 * (n0 is the usual size for unbalanced groups; Snijders and Bosker 2012, section 3.3). For a 0/1
 * outcome it is the ICC on the observed scale, smaller than a multilevel logistic model's latent-scale
 * share. May be negative when groups differ less than chance would make them.
 *
 * <p>{@link #estimate(int[], double[])} adds the 95% F interval of the one-way model (Searle 1971,
 * p. 474; Donner 1986, eq. 3.2): with F0 = MSB / MSW, FL = F0 / F_.975(k - 1, N - k),
 * FU = F0 F_.975(N - k, k - 1), the bounds are (F - 1) / (F + n0 - 1). It is exact for a normal
 * outcome and equal groups, approximate (through n0) for unequal ones. The therapist shares that
 * validate, calibrate and study report use the mixed models their sources fitted instead
 * ({@link RandomInterceptLogistic} on the latent scale for dropout, {@link RandomInterceptLinear} by
 * REML for outcome); this ANOVA ICC stays as a simple reference (for equal groups REML gives the same
 * estimate). Measured coverage of the interval for a 0/1 outcome
 * (dropout .3, logit-normal therapist effects with SD .5 and 1, 400 data sets each): .945 and .953
 * with 12 therapists x 10 families, where a cluster-bootstrap percentile interval covered only .845;
 * .93-.97 with unequal caseloads of 2 to 10. OneWayIccTest checks the 12 x 10 case.
 */
public final class OneWayIcc {

    private OneWayIcc() {}

    /**
     * ICC(1) of the groups; groups of size 0 are ignored.
     *
     * @param n each group's size
     * @param sum each group's sum of the outcome
     * @param squares each group's sum of squares of the outcome
     * @return the ICC; NaN with fewer than 2 non-empty groups, no within-group degrees of freedom, or
     *     no variance at all
     */
    public static double of(int[] n, double[] sum, double[] squares) {
        Anova a = Anova.of(n, sum, squares);
        if (a == null) {
            return Double.NaN;
        }
        double denominator = a.msb + (a.n0 - 1) * a.msw;
        return denominator <= 0 ? Double.NaN : (a.msb - a.msw) / denominator;
    }

    /** The one-way ANOVA of the non-empty groups: k groups, N observations; null when undefined. */
    private record Anova(int k, long total, double msb, double msw, double n0) {

        static Anova of(int[] n, double[] sum, double[] squares) {
            int k = 0;
            long total = 0;
            double grand = 0;
            double sumSq = 0;
            double squaresTotal = 0;
            double between = 0;
            for (int i = 0; i < n.length; i++) {
                if (n[i] == 0) {
                    continue;
                }
                k++;
                total += n[i];
                grand += sum[i];
                sumSq += (double) n[i] * n[i];
                squaresTotal += squares[i];
                between += sum[i] * sum[i] / n[i];
            }
            if (k < 2 || total <= k) {
                return null;
            }
            double ssb = between - grand * grand / total;
            double ssw = squaresTotal - between;
            return new Anova(k, total, ssb / (k - 1), Math.max(0, ssw) / (total - k), (total - sumSq / total) / (k - 1));
        }
    }

    /**
     * ICC(1) of observations labelled by group, with the F interval (see the class comment).
     *
     * @param group each observation's group (any int label, for example a therapist id)
     * @param y each observation's outcome; NaN observations are dropped
     * @return the ICC and its interval; bounds are NaN when the ICC is
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Estimate estimate(int[] group, double[] y) {
        Groups g = Groups.of(group, y);
        double icc = of(g.n, g.sum, g.squares);
        Anova a = Anova.of(g.n, g.sum, g.squares);
        if (Double.isNaN(icc) || !(a.msw > 0)) {
            return new Estimate(icc, Double.NaN, Double.NaN);
        }
        double tail = (1 - Estimate.LEVEL) / 2;
        double f0 = a.msb / a.msw;
        double fl = f0 / FDistribution.of(a.k - 1, a.total - a.k).inverseSurvivalProbability(tail);
        double fu = f0 * FDistribution.of(a.total - a.k, a.k - 1).inverseSurvivalProbability(tail);
        return new Estimate(icc, (fl - 1) / (fl + a.n0 - 1), (fu - 1) / (fu + a.n0 - 1));
    }

    /** Per group (in label order): size, sum and sum of squares of the non-missing outcomes. */
    private record Groups(int[] n, double[] sum, double[] squares) {

        static Groups of(int[] group, double[] y) {
            if (group.length != y.length) {
                throw new IllegalArgumentException("need one group per outcome, had " + group.length + " groups and "
                        + y.length + " outcomes");
            }
            TreeMap<Integer, double[]> byGroup = new TreeMap<>();
            for (int i = 0; i < y.length; i++) {
                if (!Double.isNaN(y[i])) {
                    double[] acc = byGroup.computeIfAbsent(group[i], key -> new double[3]);
                    acc[0]++;
                    acc[1] += y[i];
                    acc[2] += y[i] * y[i];
                }
            }
            int k = byGroup.size();
            int[] n = new int[k];
            double[] sum = new double[k];
            double[] squares = new double[k];
            int i = 0;
            for (double[] acc : byGroup.values()) {
                n[i] = (int) acc[0];
                sum[i] = acc[1];
                squares[i++] = acc[2];
            }
            return new Groups(n, sum, squares);
        }
    }
}
