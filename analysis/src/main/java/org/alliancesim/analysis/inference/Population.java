package org.alliancesim.analysis.inference;

import java.util.Arrays;

/**
 * A weighted particle population: N parameter vectors, their normalised importance weights, and
 * each particle's distance to the observed statistics (under the distance its generation used).
 * Immutable (arrays are copied in and out).
 */
public final class Population {

    private final double[][] particles;
    private final double[] weights;
    private final double[] distances;

    private Population(double[][] particles, double[] weights, double[] distances) {
        this.particles = particles;
        this.weights = weights;
        this.distances = distances;
    }

    /**
     * A population; {@code weights} are normalised to sum to 1.
     *
     * @throws IllegalArgumentException for fewer than 2 particles, ragged arrays, or weights that
     *     are negative, not finite or all zero
     */
    public static Population of(double[][] particles, double[] weights, double[] distances) {
        int n = particles.length;
        if (n < 2 || weights.length != n || distances.length != n) {
            throw new IllegalArgumentException("a population needs at least 2 particles, each with a weight and a"
                    + " distance; found " + n + " particles, " + weights.length + " weights, " + distances.length
                    + " distances");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("a weight must be finite and >= 0, was " + w);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the weights are all 0");
        }
        double[][] p = new double[n][];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = particles[i].clone();
            w[i] = weights[i] / sum;
        }
        return new Population(p, w, distances.clone());
    }

    /**
     * A population whose weights are already normalised, kept bit for bit (a checkpoint read back).
     */
    static Population normalised(double[][] particles, double[] weights, double[] distances) {
        Population checked = of(particles, weights, distances);
        return new Population(checked.particles, weights.clone(), checked.distances);
    }

    public int size() {
        return particles.length;
    }

    public int dimension() {
        return particles[0].length;
    }

    /** Particle {@code i} (a copy). */
    public double[] particle(int i) {
        return particles[i].clone();
    }

    /** Parameter {@code j} of particle {@code i}. */
    public double value(int i, int j) {
        return particles[i][j];
    }

    /** Normalised weight of particle {@code i}. */
    public double weight(int i) {
        return weights[i];
    }

    public double[] weights() {
        return weights.clone();
    }

    public double distance(int i) {
        return distances[i];
    }

    public double[] distances() {
        return distances.clone();
    }

    /** Kish's effective sample size, 1 / sum of squared normalised weights. */
    public double ess() {
        double s = 0;
        for (double w : weights) {
            s += w * w;
        }
        return 1 / s;
    }

    /** The weighted mean of each parameter. */
    public double[] mean() {
        double[] m = new double[dimension()];
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < m.length; j++) {
                m[j] += weights[i] * particles[i][j];
            }
        }
        return m;
    }

    /** The weighted covariance matrix (normalised weights, no small-sample correction). */
    public double[][] covariance() {
        int d = dimension();
        double[] m = mean();
        double[][] c = new double[d][d];
        for (int i = 0; i < size(); i++) {
            for (int a = 0; a < d; a++) {
                double da = particles[i][a] - m[a];
                for (int b = 0; b <= a; b++) {
                    c[a][b] += weights[i] * da * (particles[i][b] - m[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                c[b][a] = c[a][b];
            }
        }
        return c;
    }

    /** The weighted standard deviation of parameter {@code j}. */
    public double sd(int j) {
        return Math.sqrt(covariance()[j][j]);
    }

    /** The weighted {@code q}-quantile of parameter {@code j} ({@link #weightedQuantile}). */
    public double quantile(int j, double q) {
        double[] v = new double[size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = particles[i][j];
        }
        return weightedQuantile(v, weights, q);
    }

    /**
     * The weighted {@code q}-quantile of {@code values}: the smallest value whose cumulative
     * normalised weight, in increasing order of value, reaches {@code q} (ties broken by index, so
     * the answer never depends on sorting stability). For equal weights and q = 0.5 with an even
     * count, the lower middle value.
     */
    static double weightedQuantile(double[] values, double[] weights, double q) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double cumulative = 0;
        for (Integer i : order) {
            cumulative += weights[i] / total;
            if (cumulative >= q - 1e-12) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }
}
