package org.alliancesim.analysis.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A point estimate with its 95% confidence interval, as the study statistics report them.
 *
 * @param value the estimate
 * @param lower lower bound of the 95% interval (may be NaN when the interval is undefined)
 * @param upper upper bound of the 95% interval (may be NaN when the interval is undefined)
 */
public record Estimate(double value, double lower, double upper) {

    /** The confidence level of every interval in this package's study estimators. */
    public static final double LEVEL = 0.95;

    /** z(.975), the standard normal quantile of a two-sided {@link #LEVEL} interval (1.959964...). */
    static final double Z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - LEVEL) / 2);

    /** Validates that the bounds, when defined, are ordered. */
    public Estimate {
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " above upper bound " + upper);
        }
    }

    /** Whether {@code x} lies in [lower, upper]; false when a bound is NaN. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }

    /** Whether the interval lies entirely on one side of {@code x} (a two-sided test at 5% rejects x). */
    public boolean excludes(double x) {
        return lower > x || upper < x;
    }
}
