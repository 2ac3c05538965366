package org.alliancesim.analysis.stats;

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
            return Double.NaN;
        }
        double ssb = between - grand * grand / total;
        double ssw = squaresTotal - between;
        double msb = ssb / (k - 1);
        double msw = Math.max(0, ssw) / (total - k);
        double n0 = (total - sumSq / total) / (k - 1);
        double denominator = msb + (n0 - 1) * msw;
        return denominator <= 0 ? Double.NaN : (msb - msw) / denominator;
    }
}
