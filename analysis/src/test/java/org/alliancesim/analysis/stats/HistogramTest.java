package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class HistogramTest {

    /** Quantiles of 100,000 exponential values (seed 5) agree with the sorted data to within a bin. */
    @Test
    void quantilesAgreeWithTheSortedValuesToWithinABin() {
        UniformRandomProvider rng = RandomStreams.of(5).stream(0, 0, "histogram");
        Histogram h = new Histogram(20, 20_000);
        double[] v = new double[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = -Math.log(1 - rng.nextDouble());
            h.add(v[i]);
        }
        Arrays.sort(v);
        for (double p : new double[] {0.01, 0.25, 0.5, 0.75, 0.99}) {
            double exact = v[(int) Math.ceil(p * v.length) - 1];
            assertEquals(exact, h.quantile(p), 0.001 + 1e-9, "quantile " + p);
        }
        assertEquals(Arrays.stream(v).average().orElseThrow(), h.mean(), 1e-9);
        assertEquals(v[v.length - 1], h.max());
        assertEquals(100_000, h.count());
    }

    @Test
    void valuesAboveTheTopAreCountedAndTheMaximumKept() {
        Histogram h = new Histogram(1, 10);
        h.add(0.05);
        h.add(0.55);
        h.add(7.5);
        assertEquals(3, h.count());
        assertEquals(7.5, h.max());
        assertEquals(7.5, h.quantile(1.0));
        assertTrue(h.quantile(0.5) >= 0.5 && h.quantile(0.5) <= 0.6);
        h.add(Double.NaN);
        assertEquals(3, h.count(), "NaN ignored");
    }

    /**
     * Exact values by hand on bins of width 2 (top 20, 10 bins; a width other than 1 tells x / width from
     * x * width): 1, -1 (counted as 0), 3, 3, 6.4, 11, 19.8 and 24 (over the top), NaN ignored. Bins 0..9 hold
     * 2, 2, 0, 1, 0, 1, 0, 0, 0, 1; one overflow; n = 8.
     */
    @Test
    void exactQuantilesBoundsAndBoxplotWhiskersByHand() {
        Histogram h = new Histogram(20, 10);
        for (double v : new double[] {1, -1, 3, 3, 6.4, 11, 19.8, 24, Double.NaN}) {
            h.add(v);
        }
        assertEquals(8, h.count());
        assertEquals((1 + 0 + 3 + 3 + 6.4 + 11 + 19.8 + 24) / 8, h.mean(), 1e-12);
        assertEquals(0.0, h.min());
        assertEquals(24.0, h.max());
        // Rank 4 of 8 is the last value of bin 1: the top of bin 1, 4.0 (not the start of the next filled bin, 6).
        assertEquals(4.0, h.quantile(0.5), 1e-12);
        // Rank 3: halfway through bin 1.
        assertEquals(3.0, h.quantile(3.0 / 8), 1e-12);
        // Past the counted bins (rank 7.2 > 7 in bins): the maximum.
        assertEquals(24.0, h.quantile(0.9));
        // smallestAtLeast: the lower edge of the first filled bin at or above x, never below the minimum.
        assertEquals(6.0, h.smallestAtLeast(2.4), 1e-12);
        assertEquals(6.0, h.smallestAtLeast(6.0), 1e-12);
        assertEquals(0.0, h.smallestAtLeast(-5), 1e-12);
        assertEquals(24.0, h.smallestAtLeast(19.9), "only the overflow is above: the maximum");
        // largestAtMost: the upper edge of the last filled bin at or below x, never above the maximum.
        assertEquals(24.0, h.largestAtMost(24.0));
        assertEquals(20.0, h.largestAtMost(22.0), 1e-12);
        assertEquals(8.0, h.largestAtMost(9.8), 1e-12);
        assertEquals(2.0, h.largestAtMost(0.4), 1e-12);
        assertEquals(Double.NaN, h.largestAtMost(-1));

        // A value exactly at the top goes to the overflow, not past the last bin.
        Histogram top = new Histogram(1, 1);
        top.add(1.0);
        assertEquals(1.0, top.smallestAtLeast(0.5));
        // First bin empty: quantile 0 is the minimum, not 0/0.
        Histogram h2 = new Histogram(10, 10);
        h2.add(2.5);
        h2.add(3.5);
        assertEquals(2.5, h2.quantile(0), 1e-12);
        assertEquals(2.5, h2.min());
        assertEquals(3.5, h2.max());
        assertEquals(Double.NaN, h2.smallestAtLeast(4.0), "nothing at or above 4");
    }

    @Test
    void anEmptyHistogramAnswersNaNAndBadShapesAreRefused() {
        Histogram h = new Histogram(1, 1);
        assertEquals(Double.NaN, h.mean());
        assertEquals(Double.NaN, h.min());
        assertEquals(Double.NaN, h.max());
        assertEquals(Double.NaN, h.quantile(0.5));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(0, 5));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 0));
    }

    /** Bins wholly outside [0.2, 0.8] in bins of 0.1, by hand: 0.05 (centre of [0, 0.1)), 0.95, and 1.5 above the top at the maximum. */
    @Test
    void outsideListsTheBinsBeyondTheBoundsWithTheirCounts() {
        Histogram h = new Histogram(1, 10);
        for (double v : new double[] {0.05, 0.05, 0.25, 0.5, 0.75, 0.95, 1.5}) {
            h.add(v);
        }
        java.util.List<double[]> out = h.outside(0.2, 0.8);
        assertEquals(3, out.size());
        assertArrayEquals(new double[] {0.05, 2}, out.get(0), 1e-12);
        assertArrayEquals(new double[] {0.95, 1}, out.get(1), 1e-12);
        assertArrayEquals(new double[] {1.5, 1}, out.get(2), 1e-12);
        // A bin the bound cuts counts as inside ([0, 0.1) holds 0.05); [0.9, 1) starts at the bound, so it is outside.
        assertEquals(java.util.List.of(0.95, 1.5), h.outside(0.05, 0.9).stream().map(o -> o[0]).toList());
    }
}
