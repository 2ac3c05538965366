package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads hypotheses files ({@code compete}, docs/hypotheses.md) with the same located errors as
 * scenario, sweep and targets files, and checks every variant against its base scenario: each edit's
 * path names a field and its value is one the model accepts (the edits applied together), each fitted
 * path names a number in the edited scenario, and both ends of its range are values the model accepts.
 */
public final class HypothesesSpecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HypothesesSpecs() {}

    /**
     * Loads and checks a hypotheses file.
     *
     * @throws ScenarioException listing every problem, located (file:line:column and field)
     */
    public static HypothesesSpec load(Path file) throws ScenarioException {
        return parse(file.toString(), SpecFiles.read(file));
    }

    /** Parses and checks hypotheses text (for tests and tools); the base is loaded to check the variants. */
    public static HypothesesSpec parse(String label, String text) throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        ObjectNode root = tree.root;
        SourceTree.defaultField(root, "base", NODES.textNode("default"));
        SourceTree.defaultField(root, "targets", NODES.textNode("literature"));
        SourceTree.defaultField(root, "validation", NODES.textNode("validation"));
        SourceTree.defaultField(root, "max_evaluations", NODES.numberNode(40));
        SourceTree.defaultField(root, "replications", NODES.numberNode(4));
        SourceTree.defaultField(root, "families", NODES.numberNode(1000));
        SourceTree.defaultField(root, "seed", NODES.numberNode(Scenario.DEFAULT_SEED));
        SourceTree.defaultField(root, "validation_replications", NODES.numberNode(10));
        SourceTree.defaultField(root, "validation_seed", NODES.numberNode(HypothesesSpec.VALIDATION_SEED));
        if (root.get("variants") instanceof ArrayNode variants) {
            for (JsonNode v : variants) {
                if (v instanceof ObjectNode o) {
                    SourceTree.defaultField(o, "edits", NODES.objectNode());
                    SourceTree.defaultField(o, "fit", NODES.arrayNode());
                    CalibrationSpecs.defaultPriors(o.get("fit"));
                }
            }
        }
        return SpecFiles.bind(tree, HypothesesSpec.class, (spec, b) -> {
            if (b.problems.isEmpty()) {
                checkVariants(spec, b, label);
            }
        });
    }

    /**
     * The base with a variant's edits applied together, paths parsed once.
     *
     * @throws ScenarioException if a path is not a field or the model refuses a value (unlocated: the
     *     file was checked when loaded)
     */
    public static Scenario edited(Scenario base, HypothesesSpec.Variant v) throws ScenarioException {
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : v.edits().entrySet()) {
            edits.put(ParameterPath.parse(e.getKey()), e.getValue());
        }
        return base.with(edits, "variant " + v.name());
    }

    private static void checkVariants(HypothesesSpec spec, Binder b, String label) throws ScenarioException {
        Scenario base = ScenarioLoader.load(spec.base()); // its own problems are located in its own file
        for (int i = 0; i < spec.variants().size(); i++) {
            HypothesesSpec.Variant v = spec.variants().get(i);
            String at = FieldPaths.index("variants", i);
            String editsAt = FieldPaths.child(at, "edits");
            Map<ParameterPath, Object> edits = new LinkedHashMap<>();
            Map<String, String> keyOf = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : v.edits().entrySet()) {
                try {
                    ParameterPath p = ParameterPath.parse(e.getKey());
                    String fixed = setByTheFile(p);
                    if (fixed != null) {
                        b.problemAtKey(FieldPaths.child(editsAt, e.getKey()), fixed);
                        continue;
                    }
                    edits.put(p, e.getValue());
                    keyOf.put(p.toString(), e.getKey());
                    if (p.hasWildcard()) {
                        try {
                            for (ParameterPath each : p.expand(base)) {
                                keyOf.putIfAbsent(each.toString(), e.getKey()); // a refusal of one entry
                            }
                        } catch (ScenarioException ignored) {
                            // reported, located at this key, when the edits are applied below
                        }
                    }
                } catch (ScenarioException ex) {
                    b.problemAtKey(FieldPaths.child(editsAt, e.getKey()), pathMessage(ex));
                }
            }
            if (edits.size() != v.edits().size()) {
                continue;
            }
            Scenario edited;
            try {
                edited = base.with(edits, label);
            } catch (ScenarioException ex) {
                Problem p = ex.problems().get(0);
                String key = keyOf.get(p.path());
                b.problem(key != null ? FieldPaths.child(editsAt, key) : editsAt,
                        key != null ? p.message() : (p.path().isEmpty() ? "" : p.path() + ": ") + p.message());
                continue;
            }
            for (int j = 0; j < v.fit().size(); j++) {
                checkFitted(edited, v.fit().get(j), FieldPaths.index(FieldPaths.child(at, "fit"), j), b);
            }
        }
    }

    private static void checkFitted(Scenario edited, CalibrationSpec.Parameter q, String at, Binder b) {
        ParameterPath path;
        try {
            path = ParameterPath.parse(q.path());
            String why = setByTheFile(path) != null ? setByTheFile(path) : path.notFittable();
            if (why != null) {
                b.problem(FieldPaths.child(at, "path"), why);
                return;
            }
            if (!edited.valuesAt(path).stream().allMatch(Number.class::isInstance)) {
                b.problem(FieldPaths.child(at, "path"), "'" + Problem.excerpt(q.path()) + "' is not a number in the"
                        + " scenario; only numeric fields can be fitted");
                return;
            }
        } catch (ScenarioException ex) {
            b.problem(FieldPaths.child(at, "path"), pathMessage(ex));
            return;
        }
        for (String end : new String[] {"min", "max"}) {
            double x = end.equals("min") ? q.min() : q.max();
            try {
                edited.with(path, x);
            } catch (ScenarioException ex) {
                b.problem(FieldPaths.child(at, end), "the range reaches " + x + ", which " + path + " cannot take: "
                        + ex.problems().get(0).message());
            }
        }
    }

    /**
     * Why a variant cannot edit or fit {@code p}, or null: the file's own {@code seed},
     * {@code replications} and {@code families} set every run of every variant (common random
     * numbers), so an edit of them would be silently replaced.
     */
    private static String setByTheFile(ParameterPath p) {
        String own = p.isRunSetting() ? p.toString() : p.toString().equals("run.families") ? "families" : null;
        return own == null ? null : p + " is set for every run of every variant by this file's own '" + own
                + ":' (common random numbers); a variant cannot change it";
    }

    /** A parameter path's problem as one message: the part that is wrong, then what is wrong. */
    private static String pathMessage(ScenarioException ex) {
        Problem p = ex.problems().get(0);
        return "not a field of a scenario: " + (p.path().isEmpty() ? "" : "after '" + p.path() + "', ") + p.message();
    }
}
