package org.alliancesim.analysis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Inter-rater reliability of single ratings: n targets (for example family-sessions) each rated by
 * the same k raters, from the two-way ANOVA mean squares of targets (MSR), raters (MSC) and the
 * residual (MSE) (Shrout and Fleiss 1979; McGraw and Wong 1996):
 *
 * <pre>
 *   ICC(2,1) = (MSR - MSE) / (MSR + (k - 1) MSE + k (MSC - MSE) / n)   two-way random, absolute agreement
 *   ICC(3,1) = (MSR - MSE) / (MSR + (k - 1) MSE)                       two-way, consistency
 * </pre>
 *
 * Intervals (95%) are McGraw and Wong's (1996, Table 7): for ICC(3,1) (their ICC(C,1)) with F0 =
 * MSR / MSE, FL = F0 / F_.975(n - 1, (n - 1)(k - 1)), FU = F0 F_.975((n - 1)(k - 1), n - 1) and bounds
 * (F - 1) / (F + k - 1); for ICC(2,1) (their ICC(A,1)) the Satterthwaite degrees of freedom
 *
 * <pre>
 *   a = k r / (n (1 - r)),  b = 1 + k r (n - 1) / (n (1 - r)),  r = ICC(2,1)
 *   v = (a MSC + b MSE)^2 / ((a MSC)^2 / (k - 1) + (b MSE)^2 / ((n - 1)(k - 1)))
 *   F* = F_.975(n - 1, v),  F** = F_.975(v, n - 1)
 *   lower = n (MSR - F* MSE) / (F* (k MSC + (k n - k - n) MSE) + n MSR)
 *   upper = n (F** MSR - MSE) / (k MSC + (k n - k - n) MSE + n F** MSR)
 * </pre>
 *
 * the formulas of R's psych::ICC and irr::icc. A rater's leniency lowers ICC(2,1) but not ICC(3,1).
 * Targets with a missing (NaN) rating are dropped (listwise).
 *
 * @param agreement ICC(2,1) with its interval
 * @param consistency ICC(3,1) with its interval
 * @param msTargets MSR, mean square between targets, on n - 1 degrees of freedom
 * @param msRaters MSC, mean square between raters, on k - 1 degrees of freedom
 * @param msError MSE, residual mean square, on (n - 1)(k - 1) degrees of freedom
 * @param targets n, targets with every rating
 * @param raters k
 */
public record RaterIcc(Estimate agreement, Estimate consistency, double msTargets, double msRaters, double msError,
        int targets, int raters) {

    /**
     * The ICCs of {@code ratings[target][rater]}.
     *
     * @throws IllegalArgumentException if rows differ in length, there are fewer than 2 raters or 2
     *     complete targets, or the ratings have no residual variance (every rater agrees up to a shift)
     */
    public static RaterIcc of(double[][] ratings) {
        int k = ratings.length == 0 ? 0 : ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("an inter-rater ICC needs at least 2 raters, had " + k);
        }
        List<double[]> complete = new ArrayList<>();
        for (double[] row : ratings) {
            if (row.length != k) {
                throw new IllegalArgumentException("every target needs " + k + " ratings, one had " + row.length);
            }
            if (Arrays.stream(row).noneMatch(Double::isNaN)) {
                complete.add(row);
            }
        }
        int n = complete.size();
        if (n < 2) {
            throw new IllegalArgumentException("an inter-rater ICC needs at least 2 targets with every rating, had " + n);
        }
        double grand = 0;
        double[] rowMean = new double[n];
        double[] colMean = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                rowMean[i] += complete.get(i)[j] / k;
                colMean[j] += complete.get(i)[j] / n;
                grand += complete.get(i)[j] / ((double) n * k);
            }
        }
        double ssr = 0;
        double ssc = 0;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            ssr += k * (rowMean[i] - grand) * (rowMean[i] - grand);
            for (int j = 0; j < k; j++) {
                double e = complete.get(i)[j] - rowMean[i] - colMean[j] + grand;
                sse += e * e;
            }
        }
        for (int j = 0; j < k; j++) {
            ssc += n * (colMean[j] - grand) * (colMean[j] - grand);
        }
        double dfr = n - 1;
        double dfe = (n - 1.0) * (k - 1);
        double msr = ssr / dfr;
        double msc = ssc / (k - 1);
        double mse = sse / dfe;
        if (!(mse > 0)) {
            throw new IllegalArgumentException("an inter-rater ICC is undefined without residual variance");
        }
        double tail = (1 - Estimate.LEVEL) / 2;

        double c = (msr - mse) / (msr + (k - 1) * mse);
        double f0 = msr / mse;
        double fl = f0 / FDistribution.of(dfr, dfe).inverseSurvivalProbability(tail);
        double fu = f0 * FDistribution.of(dfe, dfr).inverseSurvivalProbability(tail);
        Estimate consistency = new Estimate(c, (fl - 1) / (fl + k - 1), (fu - 1) / (fu + k - 1));

        double r = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
        double a = k * r / (n * (1 - r));
        double b = 1 + k * r * (n - 1) / (n * (1 - r));
        double v = Math.pow(a * msc + b * mse, 2) / (Math.pow(a * msc, 2) / (k - 1) + Math.pow(b * mse, 2) / dfe);
        double fStar = FDistribution.of(dfr, v).inverseSurvivalProbability(tail);
        double fStar2 = FDistribution.of(v, dfr).inverseSurvivalProbability(tail);
        double spread = k * msc + (k * n - k - n) * mse;
        double lower = n * (msr - fStar * mse) / (fStar * spread + n * msr);
        double upper = n * (fStar2 * msr - mse) / (spread + n * fStar2 * msr);
        Estimate agreement = new Estimate(r, lower, upper);
        return new RaterIcc(agreement, consistency, msr, msc, mse, n, k);
    }
}
