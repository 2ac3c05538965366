package org.alliancesim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An effect sweep's arm B as typed edits, paths parsed once ({@link SweepSpec.Compare}): the
 * {@code set} values as given, and for each {@code add} path, arm A's value there plus the number
 * (computed in decimal from both values' shortest decimals and rounded once to a double).
 * Applied with {@link Scenario#with(Map, String)}, the edit path of {@code --set}, so whatever a
 * path may name there (a wildcard included) it may name here. Immutable; thread-safe.
 */
public final class CompareEdits {

    private final List<ParameterPath> setPaths;
    private final List<Object> setValues;
    private final List<ParameterPath> addPaths;
    private final List<Number> addAmounts;

    private CompareEdits(List<ParameterPath> setPaths, List<Object> setValues, List<ParameterPath> addPaths,
            List<Number> addAmounts) {
        this.setPaths = setPaths;
        this.setValues = setValues;
        this.addPaths = addPaths;
        this.addAmounts = addAmounts;
    }

    /**
     * Parses the block's paths.
     *
     * @throws ScenarioException for a path that does not parse (unlocated: a loaded sweep file was checked)
     * @throws IllegalArgumentException for an {@code add} amount that is not a number
     */
    public static CompareEdits of(SweepSpec.Compare c) throws ScenarioException {
        List<ParameterPath> sp = new ArrayList<>();
        List<Object> sv = new ArrayList<>();
        for (Map.Entry<String, Object> e : c.set().entrySet()) {
            sp.add(ParameterPath.parse(e.getKey()));
            sv.add(e.getValue());
        }
        List<ParameterPath> ap = new ArrayList<>();
        List<Number> av = new ArrayList<>();
        for (Map.Entry<String, Object> e : c.add().entrySet()) {
            ap.add(ParameterPath.parse(e.getKey()));
            if (!(e.getValue() instanceof Number n)) {
                throw new IllegalArgumentException("compare.add." + e.getKey() + ": expected a number to add, found "
                        + e.getValue());
            }
            av.add(n);
        }
        return new CompareEdits(List.copyOf(sp), List.copyOf(sv), List.copyOf(ap), List.copyOf(av));
    }

    /**
     * The edits that make arm B of {@code a}, in the block's order ({@code set} first, then {@code add}).
     *
     * @throws ScenarioException when an {@code add} path is not a number in {@code a}
     */
    public Map<ParameterPath, Object> edits(Scenario a) throws ScenarioException {
        Map<ParameterPath, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < setPaths.size(); i++) {
            out.put(setPaths.get(i), setValues.get(i));
        }
        for (int i = 0; i < addPaths.size(); i++) {
            Number by = addAmounts.get(i);
            // A wildcard adds to each entry its own value: therapists[*].warmth + 0.2 raises every type by 0.2.
            for (ParameterPath p : addPaths.get(i).expand(a)) {
                Object now = a.valueAt(p);
                if (!(now instanceof Number n)) {
                    throw new ScenarioException(List.of(new Problem("compare.add", 0, 0, p.toString(),
                            "'" + p + "' is not a number (it holds " + Problem.excerpt(String.valueOf(now))
                                    + "), so nothing can be added to it; use set: instead")));
                }
                boolean whole = (n instanceof Integer || n instanceof Long)
                        && (by instanceof Integer || by instanceof Long);
                // In decimal, rounded once (as a sweep's design values): 0.7 + 0.2 is 0.9, what --set 0.9 gives,
                // not the double sum 0.8999999999999999.
                out.put(p, whole ? (Object) (n.longValue() + by.longValue()) : (Object) new BigDecimal(
                        Double.toString(n.doubleValue())).add(new BigDecimal(Double.toString(by.doubleValue())))
                        .doubleValue());
            }
        }
        return out;
    }

    /**
     * Arm B of {@code a}: {@code a} with the edits applied together, each record on the edited paths
     * rebuilt once and checked.
     *
     * @param source where the edits apply, for messages ("sweep point 12, arm B")
     * @throws ScenarioException when a path is not in {@code a} or the model refuses a value
     */
    public Scenario apply(Scenario a, String source) throws ScenarioException {
        return a.with(edits(a), source);
    }
}
