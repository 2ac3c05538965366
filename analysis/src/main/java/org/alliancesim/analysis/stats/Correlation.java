package org.alliancesim.analysis.stats;

/**
 * Pearson's product-moment correlation of pairs, accumulated one pair at a time in constant memory
 * (sums around the first pair, so large offsets do not cancel). Not thread-safe.
 */
public final class Correlation {

    private long n;
    private double x0;
    private double y0;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;

    /** Adds a pair; NaN in either value is skipped. */
    public void add(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        if (n == 0) {
            x0 = x;
            y0 = y;
        }
        double dx = x - x0;
        double dy = y - y0;
        n++;
        sx += dx;
        sy += dy;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }

    /** Pairs added. */
    public long n() {
        return n;
    }

    /** r in [-1, 1]; NaN with fewer than 3 pairs or when either variable is constant. */
    public double r() {
        if (n < 3) {
            return Double.NaN;
        }
        double cxx = sxx - sx * sx / n;
        double cyy = syy - sy * sy / n;
        double cxy = sxy - sx * sy / n;
        if (cxx <= 0 || cyy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
    }
}
