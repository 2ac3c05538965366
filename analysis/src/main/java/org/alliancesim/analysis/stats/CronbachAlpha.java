package org.alliancesim.analysis.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Cronbach's alpha, the internal consistency of a scale of k items, with Feldt's F-based interval.
 *
 * <pre>
 *   alpha = k / (k - 1) (1 - sum_j s_j^2 / s_X^2)      s_j^2 item variances, s_X^2 variance of the sum
 *   (1 - alpha) / (1 - alpha_hat) ~ F(n - 1, (n - 1)(k - 1))
 *   interval [1 - (1 - alpha_hat) F_.975,  1 - (1 - alpha_hat) F_.025]
 * </pre>
 *
 * Variances use the n - 1 denominator (alpha does not depend on the choice). Sources: Cronbach (1951);
 * Feldt (1965); Feldt, Woodruff and Salih (1987, eq. 1-2). Respondents with any missing (NaN) item are
 * dropped (listwise deletion), so alpha, its interval and {@code n} are those of the complete cases;
 * under item non-response that is not completely at random this is biased, as it is in the papers
 * that do the same.
 *
 * @param alpha alpha with its 95% Feldt interval
 * @param n respondents with every item (the complete cases)
 * @param items k, the number of items
 */
public record CronbachAlpha(Estimate alpha, int n, int items) {

    /**
     * Alpha of {@code scores[respondent][item]}.
     *
     * @throws IllegalArgumentException if rows differ in length, there are fewer than 2 items, fewer
     *     than 3 complete respondents, or the sum score does not vary
     */
    public static CronbachAlpha of(double[][] scores) {
        int k = scores.length == 0 ? 0 : scores[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("Cronbach's alpha needs at least 2 items, had " + k);
        }
        Variance[] item = new Variance[k];
        for (int j = 0; j < k; j++) {
            item[j] = Variance.create();
        }
        Variance total = Variance.create();
        int n = 0;
        for (double[] row : scores) {
            if (row.length != k) {
                throw new IllegalArgumentException("every respondent needs " + k + " item scores, one had " + row.length);
            }
            if (Arrays.stream(row).anyMatch(Double::isNaN)) {
                continue;
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                item[j].accept(row[j]);
                sum += row[j];
            }
            total.accept(sum);
            n++;
        }
        if (n < 3) {
            throw new IllegalArgumentException("Cronbach's alpha needs at least 3 respondents with every item, had " + n);
        }
        double itemSum = 0;
        for (Variance v : item) {
            itemSum += v.getAsDouble();
        }
        double totalVariance = total.getAsDouble();
        if (!(totalVariance > 0)) {
            throw new IllegalArgumentException("Cronbach's alpha is undefined: the sum score does not vary");
        }
        double alpha = k / (k - 1.0) * (1 - itemSum / totalVariance);
        FDistribution f = FDistribution.of(n - 1, (n - 1.0) * (k - 1));
        double tail = (1 - Estimate.LEVEL) / 2;
        double lower = 1 - (1 - alpha) * f.inverseSurvivalProbability(tail);
        double upper = 1 - (1 - alpha) * f.inverseCumulativeProbability(tail);
        return new CronbachAlpha(new Estimate(alpha, lower, upper), n, k);
    }
}
