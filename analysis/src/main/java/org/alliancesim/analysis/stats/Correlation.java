package org.alliancesim.analysis.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Pearson's product-moment correlation of pairs, accumulated one pair at a time in constant memory
 * (sums around the first pair, so large offsets do not cancel), with Fisher's z interval and the t
 * test of r = 0 (R's {@code cor.test}). Not thread-safe.
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

    /**
     * Adds every pair {@code other} holds, as if they had been added here one by one (the same sums
     * but for rounding: its sums are moved to this one's reference pair, Chan, Golub and LeVeque 1979).
     * {@code other} is unchanged.
     */
    public void merge(Correlation other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            x0 = other.x0;
            y0 = other.y0;
        }
        double ex = other.x0 - x0;
        double ey = other.y0 - y0;
        double k = other.n;
        sxx += other.sxx + 2 * ex * other.sx + k * ex * ex;
        syy += other.syy + 2 * ey * other.sy + k * ey * ey;
        sxy += other.sxy + ex * other.sy + ey * other.sx + k * ex * ey;
        sx += other.sx + k * ex;
        sy += other.sy + k * ey;
        n += other.n;
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

    /**
     * r with its 95% interval from Fisher's z transformation (Fisher 1921):
     * tanh(atanh(r) +- z(.975) / sqrt(n - 3)), as R's {@code cor.test}. Bounds are NaN with fewer
     * than 4 pairs; everything is NaN when r is.
     */
    public Estimate estimate() {
        double r = r();
        if (n < 4 || Double.isNaN(r)) {
            return new Estimate(r, Double.NaN, Double.NaN);
        }
        double z = atanh(r);
        double half = Estimate.Z / Math.sqrt(n - 3);
        return new Estimate(r, Math.tanh(z - half), Math.tanh(z + half));
    }

    /**
     * Two-sided p-value of r = 0: t = r sqrt((n - 2) / (1 - r^2)) on n - 2 degrees of freedom; NaN when
     * r is.
     */
    public double pValue() {
        double r = r();
        if (Double.isNaN(r)) {
            return Double.NaN;
        }
        if (Math.abs(r) == 1) {
            return 0;
        }
        double t = r * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * TDistribution.of(n - 2).survivalProbability(Math.abs(t));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
