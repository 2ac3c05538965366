package org.alliancesim.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A sweep file: a base scenario, the parameters to vary, the design that picks the points, and
 * how much to run at each point (docs/sweeps.md).
 *
 * @param base the scenario every point starts from (built-in name or path)
 * @param design how points are chosen
 * @param points number of points (random, latin_hypercube, sobol) or of base samples N (saltelli:
 *     N (d + 2) points); ignored by grid
 * @param replications replications per point
 * @param seed master seed; every point uses it, so points share their simulated families
 * @param families families per replication (overrides the base's run.families)
 * @param metrics the statistics to collect (metric keys of summary.json)
 * @param parameters the parameters to vary
 * @param compare an effect sweep's arm B (edits of each point's scenario), or null for a sweep of
 *     one scenario per point
 */
public record SweepSpec(
        @Doc("the scenario every point starts from (built-in name or path)") String base,
        @Doc("grid, random, latin_hypercube, sobol or saltelli") Design design,
        @Doc(value = "points (random, latin_hypercube, sobol) or base samples N (saltelli: N (d + 2) points)",
                min = 1, max = 1_000_000) int points,
        @Doc(value = "replications per point", min = 1, max = 10_000) int replications,
        @Doc("master seed; points share their simulated families") long seed,
        @Doc(value = "families per replication", min = 1, max = 1_000_000) int families,
        @Doc("metrics to collect") List<String> metrics,
        @Doc("parameters to vary") List<Parameter> parameters,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Doc("effect sweep: arm B's edits of each point's scenario (A); omit for a sweep of one scenario per point")
        Compare compare) {

    /** How the points are chosen. */
    public enum Design {
        /** Every combination of each parameter's values (or of {@code steps} evenly spaced values). */
        GRID,
        /** Independent uniform draws within the bounds. */
        RANDOM,
        /** Latin hypercube: each parameter's range cut into {@code points} strata, each used once. */
        LATIN_HYPERCUBE,
        /** A Sobol low-discrepancy sequence (commons-math3). */
        SOBOL,
        /** Saltelli's scheme for variance-based sensitivity: first-order and total Sobol indices. */
        SALTELLI
    }

    /** Validates the fields. */
    public SweepSpec {
        if (base == null || base.isBlank()) {
            throw new ParameterException("base", null, "the name of a scenario");
        }
        metrics = List.copyOf(metrics);
        if (compare != null && compare.isEmpty()) {
            compare = null; // no edits: a sweep of one scenario per point (how a file without compare: binds)
        }
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new ParameterException("parameters", "an empty list", "a list of at least one parameter to vary");
        }
        if (metrics.isEmpty()) {
            throw new ParameterException("metrics", "an empty list", "a list of at least one metric");
        }
        Bounds.checkAll(SweepSpec.class, base, design, points, replications, seed, families, metrics, parameters,
                compare);
        if (design != Design.GRID) {
            for (Parameter p : parameters) {
                if (!p.values().isEmpty()) {
                    throw new ParameterException("parameters", p.path() + " with values", "min and max, not values, for design "
                            + design.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    /** Whether every point runs a paired comparison of A (the point's scenario) and B (A with {@link #compare}'s edits). */
    @JsonIgnore // not a field of the file, nor of its identity
    public boolean isEffectSweep() {
        return compare != null;
    }

    /**
     * An effect sweep's arm B: at every point, B is the point's scenario (arm A) with these edits
     * applied together, through the same typed edits as {@code --set} ({@link Scenario#with}).
     * Both arms run with the sweep's seed and replication numbers (common random numbers), and each
     * point reports the paired effect B - A (docs/sweeps.md, "Effect sweeps").
     *
     * @param set field path (as for --set) to the value B takes
     * @param add field path to a number added to A's value at that point (B = A's value + the number)
     */
    public record Compare(
            @Doc("field path (as for --set) to the value arm B takes at every point") Map<String, Object> set,
            @Doc("field path to a number added to arm A's value at each point (B = A + it)") Map<String, Object> add) {

        /** Copies the edits (in the file's order). */
        public Compare {
            set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
            add = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(add));
        }

        /** Whether there are no edits at all. */
        @JsonIgnore // not a field of the file
        public boolean isEmpty() {
            return set.isEmpty() && add.isEmpty();
        }

        /** The edits as one line, for titles and captions: {@code therapists.0.warmth +0.2, run.session_limit = 12}. */
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            set.forEach((k, v) -> parts.add(k + " = " + v));
            add.forEach((k, v) -> parts.add(k + (v instanceof Number n && n.doubleValue() < 0 ? " " : " +") + v));
            return String.join(", ", parts);
        }
    }

    /**
     * A parameter to vary.
     *
     * @param path dotted path, as for --set
     * @param min lower bound (ignored when values are given)
     * @param max upper bound (ignored when values are given)
     * @param steps grid only: evenly spaced values from min to max
     * @param values grid only: the values to use
     */
    public record Parameter(
            @Doc("dotted path, as for --set") String path,
            @Doc("lower bound") double min,
            @Doc("upper bound") double max,
            @Doc(value = "grid: evenly spaced values from min to max", min = 1, max = 10_000) int steps,
            @Doc("grid: the values to use") List<Double> values) {
        /** Validates the parameter. */
        public Parameter {
            if (path == null || path.isBlank()) {
                throw new ParameterException("path", null, "the path of a parameter");
            }
            values = List.copyOf(values);
            if (values.isEmpty() && !(min < max)) {
                throw new ParameterException("min", String.valueOf(min), "below max (" + max + ")");
            }
            Bounds.checkAll(Parameter.class, path, min, max, steps, values);
        }
    }
}
