package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void choleskyByHand() {
        // [[4, 2], [2, 3]] = L L' with L = [[2, 0], [1, sqrt 2]].
        double[][] l = Kernel.cholesky(new double[][] {{4, 2}, {2, 3}});
        assertEquals(2, l[0][0], 1e-15);
        assertEquals(1, l[1][0], 1e-15);
        assertEquals(Math.sqrt(2), l[1][1], 1e-15);
    }

    /** Particles (0, 0) and (2, 2) with equal weights: covariance [[1, 1], [1, 1]] + ... kernel 2x that. */
    @Test
    void theKernelHasTwiceThePopulationsCovariance() {
        Population p = Population.of(new double[][] {{0, 0}, {2, 0}, {0, 2}, {2, 2}}, new double[] {1, 1, 1, 1},
                new double[] {0, 0, 0, 0});
        // Weighted covariance: diag(1, 1); the kernel's: diag(2, 2). Density from 0 to (2, 0): exp(-0.5 * 4 / 2).
        Kernel k = Kernel.fittedTo(p);
        assertEquals(Math.exp(-1), k.density(new double[] {0, 0}, new double[] {2, 0}), 1e-9);
        UniformRandomProvider rng = RandomStreams.of(20261207L).stream(0, 0, "kernel-test");
        int n = 40_000;
        double sx = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double x = k.perturb(new double[] {1, 1}, rng)[0] - 1;
            sx += x;
            sxx += x * x;
        }
        // Variance 2; its estimate's standard error sqrt(2 * 2^2 / n) = 0.014; 4 of them: 0.057.
        assertEquals(2, sxx / n - (sx / n) * (sx / n), 0.057);
    }

    /**
     * The normalised density is a normal density: a population of -1 and 1 with equal weights has
     * variance 1, so the kernel's is 2 and its density at its centre 1 / sqrt(2 pi 2) = 0.28209479,
     * one sd away exp(-1/2) times that (worked by hand). A density without the constant is 1 at the
     * centre and fails.
     */
    @Test
    void normalisedDensityIsTheNormalDensity() {
        Kernel k = Kernel.fittedTo(Population.of(new double[][] {{-1}, {1}}, new double[] {1, 1}, new double[2]));
        assertEquals(0.28209479, k.normalisedDensity(new double[] {0}, new double[] {0}), 1e-6);
        assertEquals(0.28209479 * Math.exp(-0.5), k.normalisedDensity(new double[] {0}, new double[] {Math.sqrt(2)}),
                1e-6);
    }
}
