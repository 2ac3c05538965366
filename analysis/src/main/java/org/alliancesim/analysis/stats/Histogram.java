package org.alliancesim.analysis.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A streaming histogram of non-negative values with fixed-width bins, for quantiles and box plots
 * over any number of values in constant memory. Values at or above the top go into an overflow
 * count (and the maximum is kept exactly). Quantiles are exact to within one bin width.
 */
public final class Histogram {

    private final double width;
    private final long[] counts;
    private long overflow;
    private long n;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /**
     * @param top values in [0, top) are binned
     * @param bins number of bins
     */
    public Histogram(double top, int bins) {
        if (!(top > 0) || bins < 1) {
            throw new IllegalArgumentException("need top > 0 and bins >= 1, were " + top + " and " + bins);
        }
        this.width = top / bins;
        this.counts = new long[bins];
    }

    /** Adds a value; negative values count as 0, NaN is ignored. */
    public void add(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        double x = Math.max(0, v);
        int b = (int) (x / width);
        if (b >= counts.length) {
            overflow++;
        } else {
            counts[b]++;
        }
        n++;
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    public long count() {
        return n;
    }

    public double mean() {
        return n == 0 ? Double.NaN : sum / n;
    }

    public double min() {
        return n == 0 ? Double.NaN : min;
    }

    public double max() {
        return n == 0 ? Double.NaN : max;
    }

    /** The p-quantile (0..1), interpolated within its bin; NaN when empty. */
    public double quantile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double rank = p * n;
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0 && seen + counts[b] >= rank) {
                double within = (rank - seen) / counts[b];
                return Math.max(min, Math.min(max, (b + within) * width));
            }
            seen += counts[b];
        }
        return max;
    }

    /** The smallest binned value at or above {@code x} (to within one bin), or NaN. */
    public double smallestAtLeast(double x) {
        int start = Math.max(0, (int) Math.ceil(x / width));
        for (int b = start; b < counts.length; b++) {
            if (counts[b] > 0) {
                return Math.max(min, b * width);
            }
        }
        return overflow > 0 ? max : Double.NaN;
    }

    /** The largest binned value at or below {@code x} (to within one bin), or NaN. */
    public double largestAtMost(double x) {
        if (x >= max) {
            return max;
        }
        int start = Math.min(counts.length - 1, (int) Math.floor(x / width));
        for (int b = start; b >= 0; b--) {
            if (counts[b] > 0) {
                return Math.min(max, (b + 1) * width);
            }
        }
        return Double.NaN;
    }

    /**
     * The non-empty bins lying wholly below {@code low} or wholly at or above {@code high} (a box
     * plot's outliers when these are its whiskers), in increasing order, each as {value, count}:
     * the bin's centre clipped to [min, max] (exact to within half a bin), rounded to 1e-9 so it
     * prints as written; values at or above the top count at the exact maximum.
     */
    public List<double[]> outside(double low, double high) {
        List<double[]> out = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0 && ((b + 1) * width <= low || b * width >= high)) {
                double centre = Math.rint((b + 0.5) * width * 1e9) / 1e9;
                out.add(new double[] {Math.max(min, Math.min(max, centre)), counts[b]});
            }
        }
        if (overflow > 0 && max > high) {
            out.add(new double[] {max, overflow});
        }
        return out;
    }
}
