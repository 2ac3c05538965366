package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.ParameterException;

/**
 * Reads scenario files (YAML or JSON) and built-in scenarios into {@link Scenario}s, and writes
 * them back.
 *
 * <p>Resolution, in order: the built-in defaults; then the chain of {@code extends} (a built-in
 * name or a path relative to the extending file), base first ({@link ExtendsResolver}); then the
 * file itself. Mappings merge field by field; lists and single values replace ({@link TreeMerge}).
 * Each entry of {@code families} and {@code therapists} then gets the entry defaults for the fields
 * it leaves out ({@link EntryDefaults}), and the tree is bound to the records ({@link Binder}).
 * Last, the {@code --set path=value} overrides are applied together as typed edits
 * ({@link Overrides}, {@link Scenario#with(java.util.Map, String)}). A {@code measurement:} section
 * in any file of the chain turns measurement on unless one of them says {@code enabled}. Every problem found is reported
 * together in a {@link ScenarioException}; nothing is half-loaded (docs/scenarios.md).
 *
 * <p>Thread-safe: all methods are static and keep no state but the parsed built-ins.
 */
public final class ScenarioLoader {

    /** Built-in scenario names, in the order {@code scenarios list} shows them. */
    public static final List<String> BUILTINS = ScenarioLibrary.NAMES;

    private ScenarioLoader() {}

    /** Whether {@code name} is a built-in scenario. */
    public static boolean isBuiltin(String name) {
        return ScenarioLibrary.contains(name);
    }

    /** Loads a built-in scenario by name or a file by path, without overrides. */
    public static Scenario load(String nameOrPath) throws ScenarioException {
        return load(nameOrPath, List.of());
    }

    /**
     * Loads a built-in scenario by name or a file by path.
     *
     * @param overrides {@code path.to.field=value} strings, applied last, together; a later one of
     *     the same field wins
     * @throws ScenarioException listing every problem, with file, line, column and field path
     */
    public static Scenario load(String nameOrPath, List<String> overrides) throws ScenarioException {
        List<SourceTree> chain = ExtendsResolver.chain(nameOrPath);
        String name = isBuiltin(nameOrPath) ? nameOrPath : nameOf(Path.of(nameOrPath).getFileName().toString());
        return resolve(name, chain, overrides);
    }

    /**
     * Loads a scenario from text, as if read from a file called {@code label} in {@code dir}
     * (where relative {@code extends} paths are resolved). For tests and tools.
     */
    public static Scenario loadText(String label, String text, Path dir, List<String> overrides)
            throws ScenarioException {
        SourceTree tree = SourceTree.parse(label, text, label.endsWith(".json"));
        return resolve(nameOf(label), ExtendsResolver.chain(tree, dir), overrides);
    }

    /** Merges the chain onto the defaults, fills entry defaults, binds, and applies the overrides. */
    private static Scenario resolve(String name, List<SourceTree> chain, List<String> overrideTexts)
            throws ScenarioException {
        Overrides overrides = Overrides.parse(overrideTexts);
        TreeMerge merged = TreeMerge.of(chain, name);
        ObjectNode root = merged.root;
        List<Problem> problems = new ArrayList<>(overrides.problems());
        EntryDefaults.fill(root, merged.origins, problems);
        enableGivenMeasurement(root, chain);
        Binder b = new Binder(merged.origins, EntryDefaults.fallbacks());
        b.problems.addAll(problems);
        String sName = (String) b.value(String.class, root.get("name"), "name");
        String description = (String) b.value(String.class, root.get("description"), "description");
        Object seed = b.value(long.class, root.get("seed"), "seed");
        Object reps = b.value(int.class, root.get("replications"), "replications");
        ModelParameters model = (ModelParameters) b.record(ModelParameters.class, root, "",
                TreeCodec.EXPERIMENT_FIELDS);
        MeasurementSpec measurement = (MeasurementSpec) b.record(MeasurementSpec.class,
                root.get(TreeCodec.MEASUREMENT), TreeCodec.MEASUREMENT, List.of());
        Scenario s = null;
        if (b.problems.isEmpty()) {
            try {
                s = new Scenario(sName, description, (Long) seed, (Integer) reps, model, measurement);
            } catch (ParameterException e) {
                b.problem(FieldPaths.refused("", e), Binder.shown(e));
            }
        }
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(b.problems);
        }
        return overrides.applyTo(s);
    }

    /**
     * Sets {@code measurement.enabled} when a file of the chain has a {@code measurement:} section
     * and none of them says {@code enabled}: writing the section is asking for measurement.
     */
    private static void enableGivenMeasurement(ObjectNode root, List<SourceTree> chain) {
        boolean section = false;
        boolean said = false;
        for (SourceTree layer : chain) {
            JsonNode m = layer.root.get(TreeCodec.MEASUREMENT);
            if (m != null) {
                section = true;
                said |= m.has("enabled");
            }
        }
        if (section && !said && root.get(TreeCodec.MEASUREMENT) instanceof ObjectNode m) {
            m.put("enabled", true);
        }
    }

    /** The fully resolved scenario as a tree in file layout (snake_case), for provenance records. */
    public static ObjectNode toTree(Scenario s) {
        return ScenarioWriter.tree(s);
    }

    /** The fully resolved scenario as YAML, defaults included: what {@code scenarios show} prints. */
    public static String toYaml(Scenario s) {
        return ScenarioWriter.yaml(s);
    }

    /**
     * The name of a scenario whose file gives none: the file name without its extension, made a
     * valid {@link Scenario#name() name} (other characters become '-', runs of dots one dot,
     * cut to {@link Scenario#MAX_NAME_LENGTH}; "scenario" if nothing is left).
     */
    static String nameOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = stem.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("\\.{2,}", ".").replaceAll("^[^A-Za-z0-9]+", "");
        name = name.substring(0, Math.min(name.length(), Scenario.MAX_NAME_LENGTH));
        return name.isEmpty() ? "scenario" : name;
    }
}
