package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PopulationTest {

    /** Weights that do not sum to 1 are normalised by the quantile itself; a q beyond 1 gives the largest value. */
    @Test
    void weightedQuantilesByHand() {
        // Sorted: 1 (5 of 10), 2 (3 of 10), 3 (2 of 10): cumulative 0.5, 0.8, 1.0.
        double[] v = {3, 1, 2};
        double[] w = {2, 5, 3};
        assertEquals(1, Population.weightedQuantile(v, w, 0.5), 0);
        assertEquals(2, Population.weightedQuantile(v, w, 0.6), 0);
        assertEquals(3, Population.weightedQuantile(v, w, 0.81), 0);
        assertEquals(1, Population.weightedQuantile(v, w, 0.025), 0);
        assertEquals(3, Population.weightedQuantile(v, w, 2), 0);
        // A cumulative weight 1e-12 short of q still reaches it: (0.5 + 1e-12) - 1e-12 is 0.5 in double.
        assertEquals(1, Population.weightedQuantile(v, w, 0.5 + 1e-12), 0);
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

    /** The edges of what a population accepts: two particles, a weight of 0; and ragged or non-finite input refused. */
    @Test
    void twoParticlesAndAZeroWeightAreAPopulationRaggedOrNonFiniteInputIsNot() {
        Population two = Population.of(new double[][] {{1}, {3}}, new double[] {0, 2}, new double[] {0.5, 0.25});
        assertEquals(2, two.size());
        assertEquals(0, two.weight(0), 0);
        assertEquals(1, two.weight(1), 0);
        assertEquals(3, two.value(1, 0), 0);
        assertEquals(0.25, two.distance(1), 0);
        assertArrayEquals(new double[] {0.5, 0.25}, two.distances(), 0);
        String ragged = "a population needs at least 2 particles, each with a weight and a distance; found 2 particles, ";
        assertEquals(ragged + "3 weights, 2 distances", assertThrows(IllegalArgumentException.class,
                () -> Population.of(new double[][] {{1}, {2}}, new double[] {1, 1, 1}, new double[] {0, 0})).getMessage());
        assertEquals(ragged + "2 weights, 1 distances", assertThrows(IllegalArgumentException.class,
                () -> Population.of(new double[][] {{1}, {2}}, new double[] {1, 1}, new double[] {0})).getMessage());
        assertEquals("a weight must be finite and >= 0, was Infinity", assertThrows(IllegalArgumentException.class,
                () -> Population.of(new double[][] {{1}, {2}}, new double[] {1, Double.POSITIVE_INFINITY},
                        new double[] {0, 0})).getMessage());
        assertEquals("a weight must be finite and >= 0, was NaN", assertThrows(IllegalArgumentException.class,
                () -> Population.of(new double[][] {{1}, {2}}, new double[] {Double.NaN, 1},
                        new double[] {0, 0})).getMessage());
        assertEquals("the weights are all 0", assertThrows(IllegalArgumentException.class,
                () -> Population.of(new double[][] {{1}, {2}}, new double[] {0, 0}, new double[] {0, 0})).getMessage());
    }

    /**
     * The covariance is centred on the weighted mean: particles near 1e9 with a spread below 1 give
     * the variance and covariance of the doubles as they are (computed here exactly in BigDecimal) to
     * 1e-9, where the uncentred form E[x y] - E[x] E[y] loses everything to cancellation.
     */
    @Test
    void theCovarianceOfParticlesFarFromZeroIsExact() {
        double[][] x = {{1e9 + 0.1, -2e9 + 0.4}, {1e9 + 0.2, -2e9 + 0.1}, {1e9 + 0.7, -2e9 + 0.3}};
        Population p = Population.of(x, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        double[][] c = p.covariance();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double exact = exactCovariance(x, a, b);
                assertEquals(exact, c[a][b], 1e-9 * Math.abs(exact), a + "," + b);
            }
        }
        assertEquals(Math.sqrt(exactCovariance(x, 1, 1)), p.sd(1), 1e-9);
    }

    private static double exactCovariance(double[][] x, int a, int b) {
        java.math.MathContext mc = new java.math.MathContext(60);
        java.math.BigDecimal three = java.math.BigDecimal.valueOf(3);
        java.math.BigDecimal ma = java.math.BigDecimal.ZERO;
        java.math.BigDecimal mb = java.math.BigDecimal.ZERO;
        for (double[] r : x) {
            ma = ma.add(new java.math.BigDecimal(r[a]));
            mb = mb.add(new java.math.BigDecimal(r[b]));
        }
        ma = ma.divide(three, mc);
        mb = mb.divide(three, mc);
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (double[] r : x) {
            s = s.add(new java.math.BigDecimal(r[a]).subtract(ma).multiply(new java.math.BigDecimal(r[b]).subtract(mb)));
        }
        return s.divide(three, mc).doubleValue();
    }

    /** A particle's quantile is its parameter's weighted quantile (weights 0.2, 0.5, 0.3 as above). */
    @Test
    void aParticlesQuantileIsItsParametersWeightedQuantile() {
        double[] w = {2, 5, 3};
        Population p = Population.of(new double[][] {{30, 3}, {10, 1}, {20, 2}}, w, new double[] {0, 0, 0});
        assertEquals(20, p.quantile(0, 0.6), 0);
        assertEquals(1, p.quantile(1, 0.5), 0);
        assertEquals(3, p.quantile(1, 0.975), 0);
    }

    /** The summary's rows by hand for the population above: weights 0.2, 0.5, 0.3. */
    @Test
    void thePosteriorSummaryIsEachParametersMeanSdMedianAndInterval() {
        Population p = Population.of(new double[][] {{30, 3}, {10, 1}, {20, 2}}, new double[] {2, 5, 3},
                new double[] {0, 0, 0});
        PosteriorSummary s = PosteriorSummary.of(p, java.util.List.of("a", "b"));
        assertEquals(2, s.rows().size());
        PosteriorSummary.Row b = s.rows().get(1);
        // Mean 0.2 x 3 + 0.5 x 1 + 0.3 x 2 = 1.7; variance 0.2 x 1.69 + 0.5 x 0.49 + 0.3 x 0.09 = 0.61.
        assertEquals("b", b.parameter());
        assertEquals(1.7, b.mean(), 1e-12);
        assertEquals(Math.sqrt(0.61), b.sd(), 1e-12);
        assertEquals(1, b.median(), 0);
        assertEquals(1, b.q025(), 0);
        assertEquals(3, b.q975(), 0);
        // ESS 1 / (0.04 + 0.25 + 0.09).
        assertEquals(1 / 0.38, b.ess(), 1e-12);
        assertEquals(17, s.rows().get(0).mean(), 1e-12);
        assertArrayEquals(new double[] {10, 1}, s.medians(), 0);
    }
}
