package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.alliancesim.model.ModelParameters;

/**
 * Reads a scenario (a built-in name or a file path) and the chain of scenarios it {@code extends},
 * base first. A relative {@code extends} path is resolved against the folder of the file that
 * names it. Every problem is collected and reported together, located at the {@code extends} that
 * led to it: an unknown built-in or missing file (with a suggestion and the list of built-ins), a
 * cycle (with the whole cycle), a file that cannot be read or parsed.
 *
 * <p>Nothing of a file reached through {@code extends} is echoed unless its top level holds
 * scenario fields only; a file that is not a scenario is named with the position of its first other
 * key, a malformed one with the position of the error (docs/security.md, "Scenario files").
 *
 * <p>Each call keeps its own state; built-in trees are shared ({@link ScenarioLibrary}). Thread-safe.
 */
final class ExtendsResolver {

    private final List<SourceTree> chain = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Keys ({@code builtin:NAME} or {@code file:ABSOLUTE}) of the scenarios being read, innermost first. */
    private final Deque<String> visiting = new ArrayDeque<>();

    private ExtendsResolver() {}

    /**
     * The chain of a built-in scenario or a file, base first, the scenario itself last.
     *
     * @param nameOrPath a built-in name or a file path (relative to the working directory)
     * @throws ScenarioException with every problem of the scenario and its bases
     */
    static List<SourceTree> chain(String nameOrPath) throws ScenarioException {
        if (!ScenarioLibrary.contains(nameOrPath)) {
            Path p = path(nameOrPath);
            if (p == null || !Files.isRegularFile(p)) {
                throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "",
                        "no such file, and no built-in scenario of that name" + suggestBuiltin(nameOrPath))));
            }
        }
        ExtendsResolver r = new ExtendsResolver();
        r.collect(nameOrPath, Path.of("").toAbsolutePath(), null, "");
        return r.result();
    }

    /**
     * The chain of a parsed scenario, base first, {@code tree} last.
     *
     * @param dir the folder relative {@code extends} paths are resolved against
     * @throws ScenarioException with every problem of the bases
     */
    static List<SourceTree> chain(SourceTree tree, Path dir) throws ScenarioException {
        ExtendsResolver r = new ExtendsResolver();
        r.visiting.push("file:" + tree.file);
        r.addWithBases(tree, dir);
        return r.result();
    }

    /** {@code ref} as a path, or null when it cannot be one (a NUL character, for example). */
    static Path path(String ref) {
        try {
            return Path.of(ref);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The fields a scenario file may have at its top level, in the order messages list them. */
    static List<String> topLevelFields() {
        List<String> fields = new ArrayList<>(Binder.fieldNames(ModelParameters.class));
        fields.addAll(TreeCodec.EXPERIMENT_FIELDS);
        return fields;
    }

    private List<SourceTree> result() throws ScenarioException {
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return List.copyOf(chain);
    }

    private static String suggestBuiltin(String ref) {
        return Names.didYouMean(ref, ScenarioLibrary.NAMES) + "; built-ins: " + String.join(", ", ScenarioLibrary.NAMES);
    }

    /**
     * Reads {@code ref} and its bases into the chain.
     *
     * @param from where the {@code extends} naming {@code ref} was written; null for the scenario asked for
     */
    private void collect(String ref, Path dir, SourceTree.Origin from, String fromPath) {
        boolean builtin = ScenarioLibrary.contains(ref);
        String key;
        String label;
        Path nextDir = dir;
        Path file = null;
        if (builtin) {
            key = "builtin:" + ref;
            label = ScenarioLibrary.label(ref);
        } else {
            Path relative = path(ref);
            file = relative == null ? null : dir.resolve(relative).normalize();
            if (file == null || !Files.isRegularFile(file)) {
                problems.add(at(from, ref, fromPath, "extends '" + Problem.excerpt(ref)
                        + "': no built-in scenario of that name" + Names.didYouMean(ref, ScenarioLibrary.NAMES)
                        + " and no such file (" + (file == null ? "not a valid path" : Problem.excerpt(file.toString()))
                        + "); built-ins: " + String.join(", ", ScenarioLibrary.NAMES)));
                return;
            }
            key = "file:" + file.toAbsolutePath();
            label = ref.equals(file.toString()) ? ref : file.toString();
            nextDir = file.toAbsolutePath().getParent();
        }
        if (visiting.contains(key)) {
            List<String> cycle = new ArrayList<>();
            visiting.descendingIterator().forEachRemaining(k -> cycle.add(k.substring(k.indexOf(':') + 1)));
            cycle.add(ref);
            problems.add(at(from, label, fromPath, "extends makes a cycle: " + String.join(" -> ", cycle)));
            return;
        }
        SourceTree tree;
        try {
            // Nothing of a file reached through extends is echoed unless it reads as a scenario.
            tree = builtin ? ScenarioLibrary.tree(ref)
                    : SourceTree.parse(label, SourceText.read(file, label), label.endsWith(".json"), from == null);
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            return;
        }
        if (from != null && !builtin && !scenarioFieldsOnly(tree, from)) {
            return;
        }
        visiting.push(key);
        addWithBases(tree, nextDir);
        visiting.pop();
    }

    /** A problem at the {@code extends} that led here, or about {@code file} itself when nothing did. */
    private static Problem at(SourceTree.Origin from, String file, String fromPath, String message) {
        return from == null ? new Problem(file, 0, 0, fromPath, message)
                : new Problem(from.file(), from.line(), from.column(), fromPath, message);
    }

    /**
     * Whether the top level of a file reached through extends holds scenario fields only; if not,
     * records one problem that names the file and the position of the first other key, not the key.
     */
    private boolean scenarioFieldsOnly(SourceTree tree, SourceTree.Origin from) {
        List<String> allowed = topLevelFields();
        for (Iterator<String> it = tree.root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                SourceTree.Origin at = tree.origins.getOrDefault(k + SourceTree.KEY, new SourceTree.Origin(tree.file, 0, 0));
                problems.add(new Problem(at.file(), at.line(), at.column(), "", "not a scenario file (reached through"
                        + " extends at " + from.file() + ":" + from.line() + "): this key is not a scenario field, and"
                        + " nothing of the file is shown; allowed at the top: " + String.join(", ", allowed)));
                return false;
            }
        }
        return true;
    }

    /** Adds the bases {@code tree} extends, then {@code tree}. */
    private void addWithBases(SourceTree tree, Path dir) {
        JsonNode ext = tree.root.get("extends");
        if (ext != null) {
            SourceTree.Origin o = tree.origins.getOrDefault("extends", new SourceTree.Origin(tree.file, 0, 0));
            if (!ext.isTextual() || ext.asText().isBlank()) {
                problems.add(new Problem(o.file(), o.line(), o.column(), "extends",
                        "expected the name of a built-in scenario or a file path, found " + Binder.describe(ext)));
            } else {
                collect(ext.asText(), dir, o, "extends");
            }
        }
        chain.add(tree);
    }
}
