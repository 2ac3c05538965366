package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/** Reads classroom lesson files with the same located errors as scenario files. */
public final class LessonSpecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LessonSpecs() {}

    /**
     * Loads a lesson file.
     *
     * @param setting checks one control and its value: null if allowed, else what is allowed
     * @param metrics the headline numbers a step may ask to predict
     * @throws ScenarioException listing every problem, located
     */
    public static LessonSpec load(Path file, BiFunction<String, Object, String> setting, Set<String> metrics)
            throws ScenarioException {
        return parse(file.toString(), SpecFiles.read(file), setting, metrics);
    }

    /** Parses lesson text (a built-in lesson, a test). */
    public static LessonSpec parse(String label, String text, BiFunction<String, Object, String> setting,
            Set<String> metrics) throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        ObjectNode root = tree.root;
        SourceTree.defaultField(root, "summary", NODES.textNode(""));
        if (root.get("teacher") instanceof ObjectNode t) {
            SourceTree.defaultField(t, "misconceptions", NODES.arrayNode());
            SourceTree.defaultField(t, "questions", NODES.arrayNode());
            SourceTree.defaultField(t, "timing", NODES.textNode(""));
        }
        if (root.get("steps") instanceof ArrayNode steps) {
            for (JsonNode s : steps) {
                if (s instanceof ObjectNode o) {
                    SourceTree.defaultField(o, "text", NODES.textNode(""));
                    SourceTree.defaultField(o, "preset", NODES.textNode(""));
                    SourceTree.defaultField(o, "settings", NODES.objectNode());
                    SourceTree.defaultField(o, "question", NODES.textNode(""));
                    // A question's kind follows from what it gives: choices, or a metric.
                    SourceTree.defaultField(o, "kind", NODES.textNode(!o.has("question") ? "none"
                            : o.has("choices") ? "choice" : o.has("metric") ? "number" : "none"));
                    SourceTree.defaultField(o, "choices", NODES.arrayNode());
                    SourceTree.defaultField(o, "answer", NODES.numberNode(-1));
                    SourceTree.defaultField(o, "metric", NODES.textNode(""));
                    SourceTree.defaultField(o, "explain", NODES.textNode(""));
                }
            }
        }
        Binder b = new Binder(tree.origins, Map.of());
        LessonSpec spec = (LessonSpec) b.record(LessonSpec.class, root, "", List.of());
        // What only the program knows (scenarios, controls, headline numbers), checked on the file's
        // own values, so these problems are reported even when a step has others.
        if (root.get("steps") instanceof ArrayNode steps) {
            Set<String> known = new TreeSet<>(metrics);
            for (int i = 0; i < steps.size(); i++) {
                if (!(steps.get(i) instanceof ObjectNode s)) {
                    continue;
                }
                String at = FieldPaths.index("steps", i);
                String preset = s.path("preset").isTextual() ? s.get("preset").asText() : "";
                if (!preset.isEmpty()) {
                    SpecFiles.known(b, FieldPaths.child(at, "preset"), "scenario", preset, ScenarioLoader.BUILTINS);
                }
                if (s.get("settings") instanceof ObjectNode settings) {
                    if (!settings.isEmpty() && preset.isEmpty()) {
                        b.problem(FieldPaths.child(at, "settings"), "settings need a preset to apply to; give the step a preset");
                    }
                    for (java.util.Iterator<Map.Entry<String, JsonNode>> it = settings.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        JsonNode v = e.getValue();
                        Object value = v.isBoolean() ? v.booleanValue() : v.isNumber() ? v.numberValue()
                                : v.isValueNode() ? v.asText() : List.of();
                        String refused = setting.apply(e.getKey(), value);
                        if (refused != null) {
                            b.problem(FieldPaths.child(FieldPaths.child(at, "settings"), e.getKey()), refused);
                        }
                    }
                }
                String metric = s.path("metric").isTextual() ? s.get("metric").asText() : "";
                if (!metric.isEmpty()) {
                    SpecFiles.known(b, FieldPaths.child(at, "metric"), "headline number", metric, known);
                }
            }
        }
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(new ArrayList<>(b.problems));
        }
        return spec;
    }
}
