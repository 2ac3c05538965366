package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads sweep files with the same located errors as scenario files. */
public final class SweepSpecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SweepSpecs() {}

    /**
     * Loads a sweep file.
     *
     * @param metrics the metric keys a sweep may collect
     * @throws ScenarioException listing every problem, located
     */
    public static SweepSpec load(Path file, Set<String> metrics) throws ScenarioException {
        return parse(file.toString(), SpecFiles.read(file), metrics);
    }

    /**
     * What a parameter's path allows, checked at the file's positions (whether the path names a
     * number in the base is checked when the base is loaded): not the sweep's own seed and
     * replications, which every point runs with; for a field of whole numbers, whole values and
     * bounds, and a grid whose steps land on whole numbers (a point's value is never rounded from a
     * fraction the file wrote).
     */
    private static void checkParameters(SweepSpec spec, Binder b) {
        for (int i = 0; i < spec.parameters().size(); i++) {
            SweepSpec.Parameter q = spec.parameters().get(i);
            String at = FieldPaths.index("parameters", i);
            ParameterPath path;
            try {
                path = ParameterPath.parse(q.path());
            } catch (ScenarioException e) {
                continue; // reported with the base scenario's fields when the sweep is checked
            }
            if (path.isRunSetting()) {
                b.problem(FieldPaths.child(at, "path"), path + " cannot be a sweep parameter: every point runs with the"
                        + " sweep's own '" + path + ":' (at the top of this file), so varying it would change nothing");
                continue;
            }
            if (!path.isWholeNumber()) {
                continue;
            }
            for (int j = 0; j < q.values().size(); j++) {
                if (!whole(q.values().get(j))) {
                    b.problem(FieldPaths.index(FieldPaths.child(at, "values"), j), path + " takes whole numbers; found the"
                            + " fraction " + q.values().get(j));
                }
            }
            if (!q.values().isEmpty()) {
                continue;
            }
            for (String end : new String[] {"min", "max"}) {
                double x = end.equals("min") ? q.min() : q.max();
                if (!whole(x)) {
                    b.problem(FieldPaths.child(at, end), path + " takes whole numbers; found the fraction " + x);
                }
            }
            if (spec.design() == SweepSpec.Design.GRID && whole(q.min()) && whole(q.max()) && q.steps() > 1
                    && (q.max() - q.min()) % (q.steps() - 1) != 0) {
                b.problem(FieldPaths.child(at, "steps"), path + " takes whole numbers, and " + q.steps() + " steps from "
                        + (long) q.min() + " to " + (long) q.max() + " fall between them; choose steps - 1 dividing "
                        + (long) (q.max() - q.min()) + ", or list the values");
            }
        }
    }

    /**
     * An effect sweep's arm B, checked at the file's positions: each path parses and is not one the
     * sweep file sets for both arms ({@code seed}, {@code replications}, {@code run.families}), no
     * path is both set and added to, each {@code add} is a number (whole for a field of whole numbers)
     * added to a number of the base, and the edits applied to the base give a scenario the model
     * accepts. (At a point whose values make B refused, that point fails, as a point the model
     * refuses does.)
     */
    private static void checkCompare(SweepSpec spec, Binder b) throws ScenarioException {
        SweepSpec.Compare c = spec.compare();
        Map<String, String> keyOf = new java.util.LinkedHashMap<>(); // parsed path -> its key's path in the file
        boolean ok = true;
        for (String block : new String[] {"set", "add"}) {
            Map<String, Object> edits = block.equals("set") ? c.set() : c.add();
            for (Map.Entry<String, Object> e : edits.entrySet()) {
                String at = FieldPaths.child(FieldPaths.child("compare", block), e.getKey());
                ParameterPath p;
                try {
                    p = ParameterPath.parse(e.getKey());
                } catch (ScenarioException ex) {
                    Problem q = ex.problems().get(0);
                    b.problemAtKey(at, "not a field of a scenario: " + (q.path().isEmpty() ? "" : "after '" + q.path()
                            + "', ") + q.message());
                    ok = false;
                    continue;
                }
                String own = p.isRunSetting() ? p.toString() : p.toString().equals("run.families") ? "families" : null;
                if (own != null) {
                    b.problemAtKey(at, p + " is set for both arms at every point by this file's own '" + own
                            + ":' (common random numbers); arm B cannot change it");
                    ok = false;
                    continue;
                }
                String twice = keyOf.put(p.toString(), at);
                if (twice != null) {
                    b.problemAtKey(at, p + " is edited twice in compare (also at " + twice + "); edit each field once");
                    ok = false;
                    continue;
                }
                if (block.equals("add") && !(e.getValue() instanceof Number)) {
                    b.problem(at, "expected a number to add to arm A's value, found "
                            + Problem.excerpt(String.valueOf(e.getValue())) + "; use set: for a value that is not added");
                    ok = false;
                } else if (block.equals("add") && p.isWholeNumber() && !(e.getValue() instanceof Long)) {
                    b.problem(at, p + " takes whole numbers; found the fraction " + e.getValue() + " to add");
                    ok = false;
                }
            }
        }
        if (!ok) {
            return;
        }
        Scenario base = ScenarioLoader.load(spec.base()); // its own problems are located in its own file
        try {
            CompareEdits.of(c).apply(base, "compare");
        } catch (ScenarioException ex) {
            Problem q = ex.problems().get(0);
            String at = keyOf.get(q.path());
            b.problem(at != null ? at : "compare", (at != null ? "" : q.path().isEmpty() ? "" : q.path() + ": ")
                    + q.message() + " (arm B at the base " + spec.base() + ")");
        }
    }

    private static boolean whole(double x) {
        return Double.isFinite(x) && x == Math.rint(x);
    }

    /** Parses sweep text (for tests and tools). */
    public static SweepSpec parse(String label, String text, Set<String> metrics) throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        ObjectNode root = tree.root;
        SourceTree.defaultField(root, "base", NODES.textNode("default"));
        SourceTree.defaultField(root, "design", NODES.textNode("grid"));
        SourceTree.defaultField(root, "points", NODES.numberNode(20));
        SourceTree.defaultField(root, "replications", NODES.numberNode(4));
        SourceTree.defaultField(root, "seed", NODES.numberNode(Scenario.DEFAULT_SEED));
        SourceTree.defaultField(root, "families", NODES.numberNode(500));
        ArrayNode defaultMetrics = NODES.arrayNode();
        defaultMetrics.add("dropout_share").add("early_dropout_share").add("median_sessions").add("mean_improvement");
        SourceTree.defaultField(root, "metrics", defaultMetrics);
        if (root.get("parameters") instanceof ArrayNode ps) {
            for (JsonNode p : ps) {
                if (p instanceof ObjectNode o) {
                    boolean hasValues = o.has("values");
                    SourceTree.defaultField(o, "min", NODES.numberNode(0.0));
                    SourceTree.defaultField(o, "max", NODES.numberNode(hasValues ? 0.0 : 1.0));
                    SourceTree.defaultField(o, "steps", NODES.numberNode(5));
                    SourceTree.defaultField(o, "values", NODES.arrayNode());
                }
            }
        }
        boolean compareGiven = root.has("compare");
        SourceTree.defaultField(root, "compare", NODES.objectNode());
        if (root.get("compare") instanceof ObjectNode c) {
            SourceTree.defaultField(c, "set", NODES.objectNode());
            SourceTree.defaultField(c, "add", NODES.objectNode());
        }
        return SpecFiles.bind(tree, SweepSpec.class, (spec, b) -> {
            Set<String> known = new TreeSet<>(metrics); // messages list them in one order, whatever the set
            for (int i = 0; i < spec.metrics().size(); i++) {
                SpecFiles.known(b, "metrics[" + i + "]", "metric", spec.metrics().get(i), known);
            }
            checkParameters(spec, b);
            if (compareGiven && !spec.isEffectSweep() && b.problems.isEmpty()) {
                b.problem("compare", "no edits for arm B; give set: {PATH: VALUE} and/or add: {PATH: NUMBER} (for"
                        + " example add: {therapists.0.warmth: 0.2}), or leave compare: out for a sweep of one scenario"
                        + " per point");
            }
            if (spec.isEffectSweep() && b.problems.isEmpty()) {
                checkCompare(spec, b);
            }
        });
    }
}
