package org.alliancesim.analysis.inference;

import java.util.List;
import org.alliancesim.scenario.CalibrationSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * The joint prior of the fitted parameters: independent marginals, each a distribution restricted
 * to its parameter's bounds [min, max] of the targets file (renormalised there), so a particle
 * never leaves the range the model and the optimiser accept. By default a marginal is uniform on
 * the bounds; a targets file may state a normal, log-normal or truncated normal instead
 * (docs/calibration.md). Immutable and thread-safe.
 */
public final class Prior {

    private final Marginal[] marginals;

    private Prior(Marginal[] marginals) {
        this.marginals = marginals;
    }

    /** A prior of the given marginals, in parameter order. */
    public static Prior of(List<Marginal> marginals) {
        if (marginals.isEmpty()) {
            throw new IllegalArgumentException("a prior needs at least one parameter");
        }
        return new Prior(marginals.toArray(Marginal[]::new));
    }

    /** The prior a targets file states for its parameters (uniform on the bounds unless it says otherwise). */
    public static Prior of(CalibrationSpec spec) {
        return of(spec.parameters().stream().map(Marginal::of).toList());
    }

    /** The number of parameters. */
    public int dimension() {
        return marginals.length;
    }

    /** Marginal {@code i}. */
    public Marginal marginal(int i) {
        return marginals[i];
    }

    /** A draw: one uniform deviate per parameter from {@code rng}, by inversion, in parameter order. */
    public double[] sample(UniformRandomProvider rng) {
        double[] x = new double[marginals.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = marginals[i].sample(rng);
        }
        return x;
    }

    /** The joint density at {@code x}: 0 outside the bounds. */
    public double density(double[] x) {
        double p = 1;
        for (int i = 0; i < marginals.length; i++) {
            p *= marginals[i].density(x[i]);
        }
        return p;
    }

    /**
     * One parameter's prior: {@code distribution} restricted to [lower, upper].
     */
    public static final class Marginal {
        private final String label;
        private final ContinuousDistribution distribution;
        private final double lower;
        private final double upper;
        private final double cdfLower;
        private final double mass;

        private Marginal(String label, ContinuousDistribution distribution, double lower, double upper) {
            this.label = label;
            this.distribution = distribution;
            this.lower = lower;
            this.upper = upper;
            this.cdfLower = distribution.cumulativeProbability(lower);
            this.mass = distribution.cumulativeProbability(upper) - cdfLower;
            if (!(mass > 0)) {
                throw new IllegalArgumentException(label + " puts no probability in [" + lower + ", " + upper + "]");
            }
        }

        /** Uniform on [lower, upper]. */
        public static Marginal uniform(double lower, double upper) {
            return new Marginal("uniform(" + lower + ", " + upper + ")", UniformContinuousDistribution.of(lower, upper),
                    lower, upper);
        }

        /** Normal(mean, sd) restricted to [lower, upper]. */
        public static Marginal normal(double mean, double sd, double lower, double upper) {
            return new Marginal("normal(" + mean + ", " + sd + ") on [" + lower + ", " + upper + "]",
                    NormalDistribution.of(mean, sd), lower, upper);
        }

        /** Log-normal (log x ~ normal(meanlog, sdlog)) restricted to [lower, upper], lower >= 0. */
        public static Marginal lognormal(double meanlog, double sdlog, double lower, double upper) {
            return new Marginal("lognormal(" + meanlog + ", " + sdlog + ") on [" + lower + ", " + upper + "]",
                    LogNormalDistribution.of(meanlog, sdlog), lower, upper);
        }

        /** The marginal a targets file's parameter states (its bounds, and its prior if any). */
        public static Marginal of(CalibrationSpec.Parameter p) {
            CalibrationSpec.Prior q = p.prior();
            return switch (q.distribution()) {
                case UNIFORM -> uniform(p.min(), p.max());
                case NORMAL -> normal(q.mean(), q.sd(), p.min(), p.max());
                case LOGNORMAL -> lognormal(q.mean(), q.sd(), p.min(), p.max());
                case TRUNCATED_NORMAL -> normal(q.mean(), q.sd(), q.lower(), q.upper());
            };
        }

        public double lower() {
            return lower;
        }

        public double upper() {
            return upper;
        }

        /** A draw by inversion: one uniform deviate. */
        double sample(UniformRandomProvider rng) {
            double u = cdfLower + rng.nextDouble() * mass;
            double x = distribution.inverseCumulativeProbability(u);
            return Math.max(lower, Math.min(upper, x));
        }

        /** The density at {@code x}: 0 outside [lower, upper]. */
        public double density(double x) {
            if (!(x >= lower && x <= upper)) {
                return 0;
            }
            return distribution.density(x) / mass;
        }

        /** The prior probability of [a, b] (clipped to the bounds). */
        public double probability(double a, double b) {
            double lo = Math.max(a, lower);
            double hi = Math.min(b, upper);
            if (!(hi > lo)) {
                return 0;
            }
            return (distribution.cumulativeProbability(hi) - distribution.cumulativeProbability(lo)) / mass;
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
