package org.alliancesim.scenario;

import java.util.List;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A calibration targets file: statistics the model produces with the ranges the literature gives,
 * the parameters to fit with their bounds, and how much to simulate per evaluation.
 *
 * @param base the scenario the targets apply to and the fit starts from (built-in name or path)
 * @param targets the statistics and their ranges
 * @param parameters the parameters {@code calibrate} fits (dotted paths, as for --set), may be empty
 * @param anchors published points of the retention curve, drawn by {@code validate}
 * @param replications replications per evaluation of the objective
 * @param families families per replication (overrides the base's run.families)
 * @param seed seed of every evaluation (common random numbers make the objective smooth)
 * @param maxEvaluations evaluation budget of the optimiser
 */
public record CalibrationSpec(
        @Doc("the scenario the targets apply to (built-in name or path)") String base,
        @Doc("the statistics and their ranges") List<Target> targets,
        @Doc("the parameters to fit, with bounds") List<Parameter> parameters,
        @Doc("published points of the retention curve") List<Anchor> anchors,
        @Doc(value = "replications per evaluation", min = 1, max = 1000) int replications,
        @Doc(value = "families per replication", min = 10, max = 1_000_000) int families,
        @Doc("seed of every evaluation (common random numbers)") long seed,
        @Doc(value = "evaluation budget of the optimiser", min = 1, max = 100_000) int maxEvaluations) {

    /** Validates the fields. */
    public CalibrationSpec {
        if (base == null || base.isBlank()) {
            throw new ParameterException("base", null, "the name of a scenario");
        }
        targets = List.copyOf(targets);
        parameters = List.copyOf(parameters);
        anchors = List.copyOf(anchors);
        if (targets.isEmpty()) {
            throw new ParameterException("targets", "an empty list", "a list of at least one statistic");
        }
        Bounds.checkAll(CalibrationSpec.class, base, targets, parameters, anchors, replications, families, seed,
                maxEvaluations);
    }

    /**
     * One statistic and the range the literature gives for it.
     *
     * @param statistic a metric key of summary.json, for example dropout_share
     * @param min lowest value in range
     * @param max highest value in range
     * @param target the value the fit aims at (defaults to the middle of the range)
     * @param source where the range comes from
     * @param n the source's sample size: the model's statistic is computed on a virtual sample of this
     *     many families, so simulated and published figures carry the same sampling noise; 0 when the
     *     file does not state it (the statistic is then computed on the file's {@code families})
     */
    public record Target(
            @Doc("a metric of summary.json, for example dropout_share") String statistic,
            @Doc("lowest value in range") double min,
            @Doc("highest value in range") double max,
            @Doc("the value the fit aims at; defaults to the middle of the range") double target,
            @Doc("where the range comes from") String source,
            @Doc(value = "the source's sample size (families or clients): the model's statistic is computed on a"
                    + " virtual sample of this size; not stated: the file's families", min = 0, max = MAX_N) int n)
            implements PublishedRange {

        /** The largest sample size a target may state (the most families of one replication). */
        public static final int MAX_N = 1_000_000;

        /** Validates the range and the sample size. */
        public Target {
            PublishedRange.checkOrdered(min, max);
            if (!(target >= min && target <= max)) {
                throw new ParameterException("target", String.valueOf(target), "in [min, max] = [" + min + ", " + max + "]");
            }
            if (n != 0 && !(n >= 2 && n <= MAX_N)) {
                throw new ParameterException("n", String.valueOf(n), N_ALLOWED);
            }
        }

        /** A target whose source states no sample size. */
        public Target(String statistic, double min, double max, double target, String source) {
            this(statistic, min, max, target, source, 0);
        }

        /** Whether the source's sample size is stated. */
        public boolean sized() {
            return n != 0;
        }
    }

    /** What a target's {@code n} may be: the one statement of its bound. */
    public static final String N_ALLOWED = "a sample size from 2 to " + Target.MAX_N + " (the source's n), or absent";

    /**
     * A parameter to fit.
     *
     * @param path dotted path, as for --set (for example dynamics.attendance.intercept)
     * @param min lower bound
     * @param max upper bound
     * @param prior its prior for {@code calibrate --method abc-smc}, restricted to [min, max]
     *     (uniform on the bounds unless the targets file states one)
     */
    public record Parameter(
            @Doc("dotted path, as for --set") String path,
            @Doc("lower bound") double min,
            @Doc("upper bound") double max,
            @Doc("prior for ABC-SMC, restricted to [min, max]; uniform unless stated") Prior prior) {
        /** Validates the bounds, and the prior against them. */
        public Parameter {
            if (path == null || path.isBlank()) {
                throw new ParameterException("path", null, "the path of a parameter");
            }
            if (!(min < max)) {
                throw new ParameterException("min", String.valueOf(min), "below max (" + max + ")");
            }
            if (prior == null) {
                prior = Prior.UNIFORM;
            }
            prior.check(min, max);
        }

        /** A parameter with a uniform prior on its bounds. */
        public static Parameter of(String path, double min, double max) {
            return new Parameter(path, min, max, Prior.UNIFORM);
        }
    }

    /** The distributions a parameter's prior may have. */
    public enum Distribution {
        /** Uniform on the parameter's bounds (takes no other field). */
        UNIFORM,
        /** Normal(mean, sd), restricted to the bounds; mean inside them. */
        NORMAL,
        /** log x ~ normal(mean, sd), restricted to the bounds; min at least 0, exp(mean) inside them. */
        LOGNORMAL,
        /** Normal(mean, sd) truncated to [lower, upper], which lie inside the bounds. */
        TRUNCATED_NORMAL
    }

    /**
     * A parameter's prior. Fields a distribution does not take are NaN (not given).
     *
     * @param distribution uniform (default), normal, lognormal or truncated_normal
     * @param mean the normal's mean (for lognormal: the mean of log x)
     * @param sd the normal's standard deviation (for lognormal: of log x), above 0
     * @param lower truncated_normal's lower truncation point, in [min, upper)
     * @param upper truncated_normal's upper truncation point, in (lower, max]
     */
    public record Prior(
            @Doc("uniform, normal, lognormal or truncated_normal") Distribution distribution,
            @Doc("the normal's mean (lognormal: of log x)") double mean,
            @Doc("the normal's standard deviation (lognormal: of log x)") double sd,
            @Doc("truncated_normal's lower truncation point") double lower,
            @Doc("truncated_normal's upper truncation point") double upper) {

        /** Uniform on the parameter's bounds. */
        public static final Prior UNIFORM = new Prior(Distribution.UNIFORM, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);

        /** Checks presence: the distribution is given. */
        public Prior {
            if (distribution == null) {
                throw new ParameterException("distribution", null, "uniform, normal, lognormal or truncated_normal");
            }
        }

        /**
         * Checks the fields this distribution needs are given, the others not, and that the prior
         * lies inside the parameter's bounds [min, max].
         *
         * @throws ParameterException naming the field ({@code prior.mean}, ...), found and allowed
         */
        void check(double min, double max) {
            boolean normalFamily = distribution != Distribution.UNIFORM;
            boolean truncated = distribution == Distribution.TRUNCATED_NORMAL;
            String name = distribution.name().toLowerCase(java.util.Locale.ROOT);
            given("mean", mean, normalFamily, name);
            given("sd", sd, normalFamily, name);
            given("lower", lower, truncated, name);
            given("upper", upper, truncated, name);
            if (normalFamily && !(sd > 0 && Double.isFinite(sd))) {
                throw new ParameterException("prior.sd", String.valueOf(sd), "a number above 0");
            }
            switch (distribution) {
                case NORMAL -> inside("mean", mean, min, max);
                case LOGNORMAL -> {
                    if (min < 0) {
                        throw new ParameterException("prior.distribution", "lognormal with min " + min,
                                "a lognormal prior only on a parameter whose min is at least 0");
                    }
                    inside("mean", Math.exp(mean), min, max);
                }
                case TRUNCATED_NORMAL -> {
                    inside("lower", lower, min, max);
                    inside("upper", upper, min, max);
                    if (!(lower < upper)) {
                        throw new ParameterException("prior.lower", String.valueOf(lower), "below upper (" + upper + ")");
                    }
                    if (!Double.isFinite(mean)) {
                        throw new ParameterException("prior.mean", String.valueOf(mean), "a finite number");
                    }
                }
                default -> { }
            }
        }

        private static void given(String field, double v, boolean needed, String name) {
            if (needed && Double.isNaN(v)) {
                throw new ParameterException("prior." + field, null, "a number (a " + name + " prior needs it)");
            }
            if (!needed && !Double.isNaN(v)) {
                throw new ParameterException("prior." + field, String.valueOf(v), "not given for a " + name + " prior");
            }
        }

        private static void inside(String field, double v, double min, double max) {
            if (!(v >= min && v <= max)) {
                throw new ParameterException("prior." + field, String.valueOf(v),
                        "inside the parameter's bounds [" + min + ", " + max + "]"
                                + (field.equals("mean") && Double.isFinite(v) ? "" : ""));
            }
        }
    }

    /**
     * A published point of the retention curve: the share still in treatment after {@code session}
     * sessions lies in [min, max].
     */
    public record Anchor(
            @Doc(value = "sessions attended", min = 0, max = 200) int session,
            @Doc("lowest share still in treatment") double min,
            @Doc("highest share still in treatment") double max,
            @Doc("where it comes from") String source) {
        /** Validates the point. */
        public Anchor {
            Bounds.checkAll(Anchor.class, session, min, max, source);
            if (!(min >= 0 && min <= max && max <= 1)) {
                throw new ParameterException("min", min + " (max " + max + ")", "in [0, max] with max in [min, 1]");
            }
        }
    }
}
