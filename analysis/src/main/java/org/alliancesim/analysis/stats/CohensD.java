package org.alliancesim.analysis.stats;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Cohen's d, the standardised difference between two groups' means, with Hedges' small-sample
 * correction and the pooled two-sample t test.
 *
 * <pre>
 *   s_p^2 = ((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)
 *   d     = (mean1 - mean2) / s_p
 *   SE(d) = sqrt((n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2)))       interval d +- z(.975) SE(d)
 *   g     = J d,  J = Gamma(m / 2) / (sqrt(m / 2) Gamma((m - 1) / 2)),  m = n1 + n2 - 2
 *   t     = d / sqrt(1 / n1 + 1 / n2)  on m degrees of freedom (two-sided p-value)
 * </pre>
 *
 * The interval is the large-sample normal interval of Hedges and Olkin (1985, eq. 5.14), not the
 * noncentral-t interval; g's interval is J times d's. Sources: Cohen (1988); Hedges and Olkin (1985,
 * ch. 5); Borenstein et al. (2009, eq. 4.18-4.22, who use the approximation J = 1 - 3 / (4m - 1); the
 * exact gamma form is used here). The p-value is Student's pooled t test, R's
 * {@code t.test(a, b, var.equal = TRUE)}.
 *
 * @param d Cohen's d with its 95% interval (positive when group a has the larger mean)
 * @param g Hedges' g, J d, with its interval (J times d's bounds)
 * @param t the pooled two-sample t statistic
 * @param pValue two-sided p-value of t on n1 + n2 - 2 degrees of freedom
 * @param na size of group a
 * @param nb size of group b
 */
public record CohensD(Estimate d, Estimate g, double t, double pValue, int na, int nb) {

    /**
     * Cohen's d of group {@code a} against group {@code b}. NaN values are dropped (missing scores).
     *
     * @throws IllegalArgumentException if either group has fewer than 2 values, or both groups have no
     *     variance (d is undefined)
     */
    public static CohensD of(double[] a, double[] b) {
        double[] x = present(a);
        double[] y = present(b);
        int n1 = x.length;
        int n2 = y.length;
        if (n1 < 2 || n2 < 2) {
            throw new IllegalArgumentException("Cohen's d needs at least 2 values in each group, had " + n1 + " and " + n2);
        }
        int m = n1 + n2 - 2;
        double pooled = ((n1 - 1) * Variance.of(x).getAsDouble() + (n2 - 1) * Variance.of(y).getAsDouble()) / m;
        if (!(pooled > 0)) {
            throw new IllegalArgumentException("Cohen's d is undefined: neither group varies");
        }
        double d = (Mean.of(x).getAsDouble() - Mean.of(y).getAsDouble()) / Math.sqrt(pooled);
        double se = Math.sqrt((double) (n1 + n2) / ((double) n1 * n2) + d * d / (2.0 * (n1 + n2)));
        double half = Estimate.Z * se;
        Estimate dEstimate = new Estimate(d, d - half, d + half);
        double j = Math.exp(Gamma.logGamma(m / 2.0) - Gamma.logGamma((m - 1) / 2.0)) / Math.sqrt(m / 2.0);
        Estimate g = new Estimate(j * d, j * (d - half), j * (d + half));
        double t = d / Math.sqrt(1.0 / n1 + 1.0 / n2);
        double p = 2 * TDistribution.of(m).survivalProbability(Math.abs(t));
        return new CohensD(dEstimate, g, t, p, n1, n2);
    }

    private static double[] present(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
