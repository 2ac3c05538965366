package org.alliancesim.analysis.stats;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A Student-t confidence interval for the mean of independent, identically distributed values
 * (for example one value per replication).
 *
 * @param mean sample mean
 * @param sd sample standard deviation (n - 1 denominator); NaN when n = 1
 * @param n number of values
 * @param level confidence level, for example 0.95
 * @param lower lower bound; NaN when n = 1
 * @param upper upper bound; NaN when n = 1
 */
public record ConfidenceInterval(double mean, double sd, long n, double level, double lower, double upper) {

    /**
     * The interval mean +- t(1 - (1 - level)/2, n - 1) sd / sqrt(n).
     *
     * @param values at least one value, all finite
     * @param level in (0, 1)
     * @throws IllegalArgumentException if there are no values or the level is out of range
     */
    public static ConfidenceInterval of(double[] values, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("need at least one value for a confidence interval");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        double mean = Mean.of(values).getAsDouble();
        int n = values.length;
        if (n == 1) {
            return new ConfidenceInterval(mean, Double.NaN, 1, level, Double.NaN, Double.NaN);
        }
        double sd = StandardDeviation.of(values).getAsDouble();
        double t = TDistribution.of(n - 1).inverseSurvivalProbability((1 - level) / 2);
        double half = t * sd / Math.sqrt(n);
        return new ConfidenceInterval(mean, sd, n, level, mean - half, mean + half);
    }

    /** Half the width of the interval. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /** Whether {@code value} lies in [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
