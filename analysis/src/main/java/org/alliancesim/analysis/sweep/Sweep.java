package org.alliancesim.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.scenario.CompareEdits;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;

/**
 * A sweep checked and ready to run: the sweep file's settings, its base scenario loaded once, its
 * parameter paths parsed once, and its design's points. Each point's scenario is the base with that
 * point's values set as typed edits ({@link Scenario#with(Map, String)}): no value is formatted into
 * text and parsed again, and the base file is not read again per point. Immutable; thread-safe.
 */
public final class Sweep {

    private static final ParameterPath FAMILIES = path("run.families");

    private final SweepSpec spec;
    private final Scenario start;
    private final List<ParameterPath> paths;
    private final List<double[]> points;
    private final SweepIdentity identity;
    private final SweepRows rows;
    private final CompareEdits armB;

    private Sweep(SweepSpec spec, Scenario start, List<ParameterPath> paths, List<double[]> points,
            SweepIdentity identity) throws ScenarioException {
        this.armB = spec.isEffectSweep() ? CompareEdits.of(spec.compare()) : null;
        this.spec = spec;
        this.start = start;
        this.paths = paths;
        this.points = points;
        this.identity = identity;
        this.rows = new SweepRows(spec, points, paths);
    }

    /**
     * Checks a sweep before anything runs or is written, and prepares it: its design has at most
     * {@link Designs#MAX_POINTS} points, every bound and value is finite, and every parameter path
     * names a number in the base scenario. (Values the model refuses are not bad input: those points
     * are recorded as failed when they run.)
     *
     * @throws IllegalArgumentException (bad input) naming the field, what was found and what is allowed
     * @throws ScenarioException when the base scenario does not load
     */
    public static Sweep of(SweepSpec spec) throws ScenarioException {
        Designs.check(spec);
        Scenario base = ScenarioLoader.load(spec.base());
        List<ParameterPath> paths = check(spec, base);
        SweepIdentity identity = new SweepIdentity(SweepRunner.JSON.valueToTree(spec), ScenarioLoader.toTree(base));
        Scenario start = base.with(FAMILIES, spec.families());
        return new Sweep(spec, start, paths, Designs.points(spec), identity);
    }

    /**
     * The checks of {@link #of}, without making the design's points (for scripts that run the
     * sweep elsewhere).
     *
     * @throws IllegalArgumentException (bad input) naming the field, what was found and what is allowed
     * @throws ScenarioException when the base scenario does not load
     */
    public static void check(SweepSpec spec) throws ScenarioException {
        Designs.check(spec);
        check(spec, ScenarioLoader.load(spec.base()));
    }

    /** The parameters' paths, each checked to name a number in {@code base}. */
    private static List<ParameterPath> check(SweepSpec spec, Scenario base) {
        List<ParameterPath> paths = new ArrayList<>();
        for (int i = 0; i < spec.parameters().size(); i++) {
            paths.add(numberIn(base, spec, i));
        }
        return List.copyOf(paths);
    }

    /** The path of parameter {@code i}, parsed, if it names a number in {@code base}. */
    private static ParameterPath numberIn(Scenario base, SweepSpec spec, int i) {
        String text = spec.parameters().get(i).path();
        String why;
        try {
            ParameterPath p = ParameterPath.parse(text);
            base.valuesAt(p); // a list entry the base does not have, or a wildcard over none, is refused here
            String unread = p.unreadIn(base);
            if (unread != null) {
                throw new IllegalArgumentException("parameters[" + i + "].path: '" + text + "' would change nothing in "
                        + spec.base() + " (" + p + ": " + unread + ")");
            }
            if (p.type() == double.class || p.type() == int.class || p.type() == long.class) {
                return p;
            }
            why = "it is " + (p.type() instanceof Class<?> c && c.isRecord() ? "a group of fields" : "not a number");
        } catch (ScenarioException e) {
            Problem problem = e.problems().get(0);
            why = (problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message();
        }
        throw new IllegalArgumentException("parameters[" + i + "].path: '" + text + "' is not a number in "
                + spec.base() + " (" + why + "; see 'alliancesim scenarios show " + spec.base() + "' for the fields)");
    }

    /** The parameters' paths of {@code spec}, parsed. */
    static List<ParameterPath> paths(SweepSpec spec) throws ScenarioException {
        List<ParameterPath> out = new ArrayList<>();
        for (SweepSpec.Parameter p : spec.parameters()) {
            out.add(ParameterPath.parse(p.path()));
        }
        return List.copyOf(out);
    }

    private static ParameterPath path(String text) {
        try {
            return ParameterPath.parse(text);
        } catch (ScenarioException e) {
            throw new IllegalStateException(e);
        }
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Points in the design. */
    public int size() {
        return points.size();
    }

    /** The parameters' paths, parsed, in the file's order. */
    public List<ParameterPath> paths() {
        return paths;
    }

    /** What makes a folder part of this sweep: its settings and the base scenario as loaded. */
    public SweepIdentity identity() {
        return identity;
    }

    SweepRows rows() {
        return rows;
    }

    /**
     * The scenario of {@code point}: the base with the sweep's families per replication and the
     * point's parameter values, each record on the edited paths rebuilt once and checked.
     *
     * @throws ScenarioException (source "sweep point N") when the model refuses the combination
     */
    public Scenario scenario(int point) throws ScenarioException {
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        for (int k = 0; k < paths.size(); k++) {
            edits.put(paths.get(k), rows.value(point, k));
        }
        return start.with(edits, "sweep point " + point);
    }

    /**
     * An effect sweep's arm B at {@code point}: {@link #scenario} with the compare block's edits
     * ({@link CompareEdits}, the edit path of {@code --set}).
     *
     * @throws ScenarioException (source "sweep point N, arm B") when the model refuses B there
     * @throws IllegalStateException when this is not an effect sweep
     */
    public Scenario scenarioB(int point) throws ScenarioException {
        if (armB == null) {
            throw new IllegalStateException("not an effect sweep: the sweep file has no compare: block");
        }
        return armB.apply(scenario(point), "sweep point " + point + ", arm B");
    }
}
