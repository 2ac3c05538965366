package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads validation-set files with the same located errors as scenario files. Built-in:
 * {@code validation}, the validation set of LITERATURE.md (scenarios/targets/validation.yaml).
 */
public final class ValidationSpecs {

    /** The built-in validation sets. */
    public static final List<String> BUILTINS = List.of("validation");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValidationSpecs() {}

    /**
     * Loads a built-in validation set by name or a file by path.
     *
     * @param statistics the statistics a pattern may name
     * @throws ScenarioException listing every problem, located
     */
    public static ValidationSpec load(String nameOrPath, Set<String> statistics) throws ScenarioException {
        if (BUILTINS.contains(nameOrPath)) {
            return parse("built-in:" + nameOrPath, CalibrationSpecs.builtinText(nameOrPath), statistics);
        }
        Path p = ExtendsResolver.path(nameOrPath);
        if (p == null || !Files.isRegularFile(p)) {
            throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "",
                    "no such file, and no built-in validation set of that name; built-ins: "
                            + String.join(", ", BUILTINS))));
        }
        return parse(nameOrPath, SourceText.read(p, nameOrPath), statistics);
    }

    /** Parses validation-set text (for tests and tools). */
    public static ValidationSpec parse(String label, String text, Set<String> statistics) throws ScenarioException {
        SourceTree tree = SpecFiles.tree(label, text);
        ObjectNode root = tree.root;
        if (root.get("patterns") instanceof ArrayNode patterns) {
            for (JsonNode t : patterns) {
                if (t instanceof ObjectNode o) {
                    SourceTree.defaultField(o, "published", NODES.textNode(""));
                    SourceTree.defaultField(o, "source", NODES.textNode(""));
                }
            }
        }
        return SpecFiles.bind(tree, ValidationSpec.class, (spec, b) -> {
            Set<String> known = new TreeSet<>(statistics);
            for (int i = 0; i < spec.patterns().size(); i++) {
                SpecFiles.known(b, "patterns[" + i + "].statistic", "statistic", spec.patterns().get(i).statistic(),
                        known);
            }
        });
    }
}
