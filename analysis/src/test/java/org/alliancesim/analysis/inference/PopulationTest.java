package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PopulationTest {

    @Test
    void weightedQuantilesByHand() {
        // Sorted: 1 (0.5), 2 (0.3), 3 (0.2): cumulative 0.5, 0.8, 1.0.
        double[] v = {3, 1, 2};
        double[] w = {0.2, 0.5, 0.3};
        assertEquals(1, Population.weightedQuantile(v, w, 0.5), 0);
        assertEquals(2, Population.weightedQuantile(v, w, 0.6), 0);
        assertEquals(3, Population.weightedQuantile(v, w, 0.81), 0);
        assertEquals(1, Population.weightedQuantile(v, w, 0.025), 0);
    }

    @Test
    void weightsAreNormalisedAndMomentsWeighted() {
        Population p = Population.of(new double[][] {{0, 10}, {2, 10}, {4, 13}}, new double[] {1, 2, 1},
                new double[] {0, 0, 0});
        assertEquals(0.5, p.weight(1), 1e-15);
        // Mean of x: 0.25 * 0 + 0.5 * 2 + 0.25 * 4 = 2; variance 0.25 * 4 + 0 + 0.25 * 4 = 2.
        assertEquals(2, p.mean()[0], 1e-15);
        assertEquals(2, p.covariance()[0][0], 1e-15);
        // y: mean 10.75; cov(x, y) = 0.25 (-2)(-0.75) + 0.5 (0)(-0.75) + 0.25 (2)(2.25) = 1.5.
        assertEquals(1.5, p.covariance()[0][1], 1e-15);
        // ESS = 1 / (0.0625 + 0.25 + 0.0625) = 8/3.
        assertEquals(8.0 / 3, p.ess(), 1e-12);
    }

    @Test
    void refusesFewerThanTwoParticlesAndBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> Population.of(new double[][] {{1}}, new double[] {1},
                new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Population.of(new double[][] {{1}, {2}},
                new double[] {0, 0}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Population.of(new double[][] {{1}, {2}},
                new double[] {1, -1}, new double[] {0, 0}));
    }
}
