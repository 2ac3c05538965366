package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
