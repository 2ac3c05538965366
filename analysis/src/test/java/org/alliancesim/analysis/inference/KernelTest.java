package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
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
     * A correlated population: (0, 0), (0, 0), (2, 2), (2, 0), equal weights: mean (1, 0.5), weighted
     * covariance C = [[1, 0.5], [0.5, 0.75]], so the kernel's is K = 2C = [[2, 1], [1, 1.5]] (plus a
     * ridge of 1e-10), det 2, K^-1 = [[1.5, -1], [-1, 2]] / 2. The density of a move d is
     * exp(-d' K^-1 d / 2): d = (1, 1) gives 0.75, d = (1, -1) 2.75, so the sign of the correlation shows.
     */
    @Test
    void theDensityIsTheMahalanobisFormOfTheCorrelatedKernel() {
        Population p = Population.of(new double[][] {{0, 0}, {0, 0}, {2, 2}, {2, 0}}, new double[] {1, 1, 1, 1},
                new double[] {0, 0, 0, 0});
        Kernel k = Kernel.fittedTo(p);
        assertEquals(Math.exp(-0.375), k.density(new double[] {3, -1}, new double[] {4, 0}), 1e-9);
        assertEquals(Math.exp(-1.375), k.density(new double[] {0, 0}, new double[] {1, -1}), 1e-9);
        assertEquals(1, k.density(new double[] {0.3, 0.3}, new double[] {0.3, 0.3}), 0);
    }

    /**
     * A move is centre + L z with L the Cholesky factor of K (above: L = [[sqrt 2, 0], [1 / sqrt 2, 1]])
     * and z the next two standard normals of the stream (drawn here from the same sampler on a copy
     * of the stream).
     */
    @Test
    void aMoveIsTheCentrePlusTheCholeskyFactorTimesTheStreamsNormals() {
        Population p = Population.of(new double[][] {{0, 0}, {0, 0}, {2, 2}, {2, 0}}, new double[] {1, 1, 1, 1},
                new double[] {0, 0, 0, 0});
        Kernel k = Kernel.fittedTo(p);
        UniformRandomProvider rng = RandomStreams.of(20261207L).stream(0, 1, "kernel-move");
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(
                RandomStreams.of(20261207L).stream(0, 1, "kernel-move"));
        double z0 = normal.sample();
        double z1 = normal.sample();
        double[] x = k.perturb(new double[] {10, -5}, rng);
        assertEquals(10 + Math.sqrt(2) * z0, x[0], 1e-9);
        assertEquals(-5 + z0 / Math.sqrt(2) + z1, x[1], 1e-9);
    }

    /**
     * A parameter with no spread (every particle at y = 5) keeps a ridge of 1e-10 x the largest
     * variance (here x's, 1.25: the kernel's 2.5): sd sqrt(1.25e-10) in y, so a move of that much
     * has density exp(-1/2). Without the ridge the factor is not positive definite.
     */
    @Test
    void aDirectionWithoutSpreadKeepsARidgeScaledByTheLargestVariance() {
        Population p = Population.of(new double[][] {{0, 5}, {1, 5}, {2, 5}, {3, 5}}, new double[] {1, 1, 1, 1},
                new double[] {0, 0, 0, 0});
        Kernel k = Kernel.fittedTo(p);
        double sd = Math.sqrt(1.25e-10);
        assertEquals(Math.exp(-0.5), k.density(new double[] {1, 5}, new double[] {1, 5 + sd}), 1e-6);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Kernel.cholesky(new double[][] {{1, 1}, {1, 1}}));
        assertEquals("the population's covariance is not positive definite", e.getMessage());
        double[][] l = Kernel.cholesky(new double[][] {{4, 2, -2}, {2, 5, 1}, {-2, 1, 6}});
        // By hand: l00 = 2, l10 = 1, l20 = -1, l11 = 2, l21 = (1 + 1) / 2 = 1, l22 = sqrt(6 - 1 - 1) = 2.
        assertArrayEquals(new double[] {2, 0, 0}, l[0], 1e-15);
        assertArrayEquals(new double[] {1, 2, 0}, l[1], 1e-15);
        assertArrayEquals(new double[] {-1, 1, 2}, l[2], 1e-15);
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
