package org.alliancesim.analysis.stats;

import java.util.List;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Power by simulation: the share of replicated virtual studies that detect an effect, with the
 * Clopper-Pearson ("exact") 95% interval for a binomial proportion (Clopper and Pearson 1934):
 *
 * <pre>
 *   lower = Beta_.025(x, R - x + 1)   (0 when x = 0)
 *   upper = Beta_.975(x + 1, R - x)   (1 when x = R)
 * </pre>
 *
 * for x detections in R replications, R's {@code binom.test(x, R)$conf.int}. Conservative: its
 * coverage is at least 95% for every true power.
 */
public final class Power {

    private Power() {}

    /**
     * Power {@code detected / replications} with its Clopper-Pearson interval.
     *
     * @throws IllegalArgumentException unless {@code 0 <= detected <= replications} and {@code replications >= 1}
     */
    public static Estimate of(int detected, int replications) {
        if (replications < 1 || detected < 0 || detected > replications) {
            throw new IllegalArgumentException("power needs 0 <= detections <= replications and at least one"
                    + " replication, had " + detected + " of " + replications);
        }
        double tail = (1 - Estimate.LEVEL) / 2;
        double lower = detected == 0 ? 0
                : BetaDistribution.of(detected, replications - detected + 1.0).inverseCumulativeProbability(tail);
        double upper = detected == replications ? 1
                : BetaDistribution.of(detected + 1.0, replications - detected).inverseSurvivalProbability(tail);
        return new Estimate((double) detected / replications, lower, upper);
    }

    /**
     * Power of a test at level {@code alpha}: the share of p-values below {@code alpha}.
     *
     * @param pValues one per replication, each in [0, 1]
     * @param alpha the test's level, in (0, 1), usually 0.05
     * @throws IllegalArgumentException for no p-values, a p-value outside [0, 1] (or NaN), or alpha out of range
     */
    public static Estimate ofPValues(double[] pValues, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        int detected = 0;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a p-value must be in [0, 1], was " + p);
            }
            detected += p < alpha ? 1 : 0;
        }
        return of(detected, pValues.length);
    }

    /**
     * Power of a 95% interval: the share of intervals that exclude {@code nullValue} (0 for a
     * difference or correlation, 1 for an odds ratio). An interval with a NaN bound counts as no detection.
     */
    public static Estimate ofIntervals(List<Estimate> intervals, double nullValue) {
        int detected = (int) intervals.stream().filter(e -> e.excludes(nullValue)).count();
        return of(detected, intervals.size());
    }
}
