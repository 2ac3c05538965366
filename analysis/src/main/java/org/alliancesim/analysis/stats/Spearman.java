package org.alliancesim.analysis.stats;

import java.util.Arrays;

/** Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank. */
public final class Spearman {

    private Spearman() {}

    /**
     * rho of {@code x} and {@code y} (same length); NaN with fewer than 3 pairs or a constant variable.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double rho(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
        }
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        Correlation c = new Correlation();
        for (int i = 0; i < x.length; i++) {
            c.add(rx[i], ry[i]);
        }
        return c.r();
    }

    /** Ranks from 1, ties sharing the mean of the ranks they span. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }
}
