package org.alliancesim.analysis.inference;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The perturbation kernel of ABC-SMC: a multivariate normal centred on a parent particle with
 * covariance twice the previous population's weighted covariance (Beaumont, Cornuet, Marin and
 * Robert 2009, who show this choice minimises the Kullback-Leibler divergence between the kernel-
 * smoothed proposal and the next target). Immutable and thread-safe.
 */
public final class Kernel {

    /** Relative ridge added to the covariance's diagonal so a degenerate direction stays invertible. */
    private static final double RIDGE = 1e-10;

    private final double[][] cholesky;

    private Kernel(double[][] cholesky) {
        this.cholesky = cholesky;
    }

    /** The kernel fitted to {@code previous}: covariance 2 x its weighted covariance. */
    public static Kernel fittedTo(Population previous) {
        double[][] c = previous.covariance();
        int d = c.length;
        double scale = 0;
        for (int i = 0; i < d; i++) {
            scale = Math.max(scale, c[i][i]);
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] *= 2;
            }
            c[i][i] += RIDGE * Math.max(scale, 1e-300);
        }
        return new Kernel(cholesky(c));
    }

    /** The lower-triangular L with L L' = {@code c}; a symmetric positive definite matrix. */
    static double[][] cholesky(double[][] c) {
        int d = c.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("the population's covariance is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** A draw around {@code centre}: one standard normal per parameter from {@code rng}. */
    public double[] perturb(double[] centre, UniformRandomProvider rng) {
        int d = centre.length;
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = normal.sample();
        }
        double[] x = centre.clone();
        for (int i = 0; i < d; i++) {
            for (int k = 0; k <= i; k++) {
                x[i] += cholesky[i][k] * z[k];
            }
        }
        return x;
    }

    /**
     * The kernel's normalised density of moving from {@code from} to {@code to}: {@link #density}
     * divided by (2 pi)^(d/2) |Sigma|^(1/2). Needed where kernels of different covariances are
     * compared (model selection, {@link ModelSelection}), where the constant does not cancel.
     */
    public double normalisedDensity(double[] from, double[] to) {
        double norm = Math.pow(2 * Math.PI, from.length / 2.0);
        for (int i = 0; i < from.length; i++) {
            norm *= cholesky[i][i];
        }
        return density(from, to) / norm;
    }

    /**
     * The kernel's density of moving from {@code from} to {@code to}, up to a constant factor
     * common to every pair (it cancels when importance weights are normalised).
     */
    public double density(double[] from, double[] to) {
        int d = from.length;
        double q = 0;
        double[] z = new double[d];
        // Forward substitution: L z = to - from, then q = |z|^2 is the Mahalanobis distance squared.
        for (int i = 0; i < d; i++) {
            double s = to[i] - from[i];
            for (int k = 0; k < i; k++) {
                s -= cholesky[i][k] * z[k];
            }
            z[i] = s / cholesky[i][i];
            q += z[i] * z[i];
        }
        return Math.exp(-0.5 * q);
    }
}
