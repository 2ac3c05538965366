package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Histogram#outside} at its edges, in bins of exactly 0.25 (so every edge is exact in doubles):
 * a bin whose top is the low bound is outside; the overflow is listed only when it holds values and its
 * maximum lies strictly above the high bound.
 */
class HistogramOutsideEdgesTest {

    private static Histogram of(double... values) {
        Histogram h = new Histogram(1.0, 4);
        for (double v : values) {
            h.add(v);
        }
        return h;
    }

    @Test
    void aBinEndingAtTheLowBoundIsOutside() {
        List<double[]> out = of(0.1, 0.6).outside(0.25, 2);
        assertEquals(1, out.size());
        assertArrayEquals(new double[] {0.125, 1}, out.get(0), 0.0);
    }

    @Test
    void anEmptyOverflowIsNotListed() {
        // 0.6 is in [0.5, 0.75), wholly at or above 0.5: listed at its centre clipped to the maximum, 0.6.
        List<double[]> out = of(0.1, 0.6).outside(0, 0.5);
        assertEquals(1, out.size(), "no overflow row for an overflow of 0 values");
        assertArrayEquals(new double[] {0.6, 1}, out.get(0), 0.0);
    }

    @Test
    void anOverflowAtTheHighBoundIsNotOutside() {
        assertEquals(0, of(1.5).outside(0, 1.5).size(), "the maximum equals the bound: not beyond it");
        List<double[]> above = of(1.5).outside(0, 1.4);
        assertEquals(1, above.size());
        assertArrayEquals(new double[] {1.5, 1}, above.get(0), 0.0);
    }
}
