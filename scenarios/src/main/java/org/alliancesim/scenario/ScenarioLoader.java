package org.alliancesim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.alliancesim.model.Dynamics;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.ParameterException;
import org.alliancesim.model.Role;
import org.alliancesim.model.TherapistType;

/**
 * Reads scenario files (YAML or JSON) into {@link Scenario}s.
 *
 * <p>Resolution, in order: the built-in defaults; then the chain of {@code extends} (a built-in
 * name or a path relative to the extending file), base first; then the file itself; then the
 * {@code --set path=value} overrides. Mappings merge field by field; lists and single values
 * replace. Each entry of {@code families} and {@code therapists} then gets the entry defaults for
 * the fields it leaves out (see docs/scenarios.md). Every problem found is reported together in a
 * {@link ScenarioException}; nothing is half-loaded.
 *
 * <p>Thread-safe: all methods are static and keep no state.
 */
public final class ScenarioLoader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new ObjectMapper(SourceText.yamlBuilder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    /** Built-in scenario names, in the order {@code scenarios list} shows them. */
    public static final List<String> BUILTINS = List.of(
            "default",
            "trust-from-consistency",
            "healthy-alliance-productive-discomfort",
            "fragile-alliance-same-challenge",
            "split-alliance-identified-patient",
            "novice-vs-noisy-family",
            "involuntary-referral",
            "unprepared-for-observation",
            "prepared-for-observation",
            "rupture-repair-resistance-as-information",
            "clinic-waitlist");

    private static final java.util.concurrent.ConcurrentHashMap<String, SourceTree> BUILTIN_TREES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile SourceTree defaultsTree;

    private ScenarioLoader() {}

    private static SourceTree parseBuiltin(String name, String label) {
        try {
            return SourceTree.parse(label, builtinText(name), false);
        } catch (ScenarioException e) {
            throw new IllegalStateException("built-in scenario " + name + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The built-in defaults as a tree, computed once (callers copy it before changing anything). */
    private static SourceTree defaults() {
        SourceTree d = defaultsTree;
        if (d == null) {
            d = SourceTree.synthetic("built-in defaults", TreeCodec.defaults());
            defaultsTree = d;
        }
        return d;
    }

    /** Whether {@code name} is a built-in scenario. */
    public static boolean isBuiltin(String name) {
        return BUILTINS.contains(name);
    }

    /** The text of a built-in scenario file. */
    public static String builtinText(String name) {
        String resource = "library/" + name + ".yaml";
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario missing from the jar: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in scenario " + name, e);
        }
    }

    /** Loads a built-in scenario by name or a file by path, without overrides. */
    public static Scenario load(String nameOrPath) throws ScenarioException {
        return load(nameOrPath, List.of());
    }

    /**
     * Loads a built-in scenario by name or a file by path.
     *
     * @param overrides {@code path.to.field=value} strings, applied last, in order
     * @throws ScenarioException listing every problem, with file, line, column and field path
     */
    public static Scenario load(String nameOrPath, List<String> overrides) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        List<SourceTree> chain = new ArrayList<>();
        String name;
        if (isBuiltin(nameOrPath)) {
            name = nameOrPath;
        } else {
            Path p = path(nameOrPath);
            if (p == null || !Files.isRegularFile(p)) {
                throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "",
                        "no such file, and no built-in scenario of that name" + Names.didYouMean(nameOrPath, BUILTINS)
                                + "; built-ins: " + String.join(", ", BUILTINS))));
            }
            name = nameOf(p.getFileName().toString());
        }
        collect(nameOrPath, Path.of("").toAbsolutePath(), new ArrayDeque<>(), chain, problems, null, "");
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return resolve(name, chain, overrides);
    }

    /**
     * Loads a scenario from text, as if read from a file called {@code label} in {@code dir}
     * (where relative {@code extends} paths are resolved). For tests and tools.
     */
    public static Scenario loadText(String label, String text, Path dir, List<String> overrides)
            throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        List<SourceTree> chain = new ArrayList<>();
        SourceTree tree = SourceTree.parse(label, text, label.endsWith(".json"));
        addWithBases(tree, dir, new ArrayDeque<>(List.of("file:" + label)), chain, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return resolve(nameOf(label), chain, overrides);
    }

    /** Reads {@code ref} (built-in name or path) and its bases into {@code chain}, base first. */
    private static void collect(String ref, Path dir, Deque<String> visiting, List<SourceTree> chain,
            List<Problem> problems, SourceTree.Origin from, String fromPath) {
        String key;
        String label;
        String text;
        Path nextDir;
        if (isBuiltin(ref)) {
            key = "builtin:" + ref;
            label = "built-in:" + ref;
            text = builtinText(ref);
            nextDir = dir;
        } else {
            Path relative = path(ref);
            Path p = relative == null ? null : dir.resolve(relative).normalize();
            if (p == null || !Files.isRegularFile(p)) {
                problems.add(new Problem(from == null ? ref : from.file(), from == null ? 0 : from.line(),
                        from == null ? 0 : from.column(), fromPath, "extends '" + Problem.excerpt(ref)
                                + "': no built-in scenario of that name" + Names.didYouMean(ref, BUILTINS)
                                + " and no such file (" + (p == null ? "not a valid path" : Problem.excerpt(p.toString()))
                                + "); built-ins: "
                                + String.join(", ", BUILTINS)));
                return;
            }
            key = "file:" + p.toAbsolutePath();
            label = ref.equals(p.toString()) ? ref : p.toString();
            try {
                text = SourceText.read(p, label);
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
                return;
            }
            nextDir = p.toAbsolutePath().getParent();
        }
        if (visiting.contains(key)) {
            List<String> cycle = new ArrayList<>();
            visiting.descendingIterator().forEachRemaining(k -> cycle.add(k.substring(k.indexOf(':') + 1)));
            cycle.add(ref);
            problems.add(new Problem(from == null ? label : from.file(), from == null ? 0 : from.line(),
                    from == null ? 0 : from.column(), fromPath,
                    "extends makes a cycle: " + String.join(" -> ", cycle)));
            return;
        }
        SourceTree tree;
        try {
            // Built-ins never change: parse each once (the merge only reads layers, copying what it takes).
            // Nothing of a file reached through extends is echoed unless it reads as a scenario.
            tree = isBuiltin(ref) ? BUILTIN_TREES.computeIfAbsent(ref, r -> parseBuiltin(r, label))
                    : SourceTree.parse(label, text, label.endsWith(".json"), from == null);
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            return;
        }
        if (from != null && !isBuiltin(ref) && !scenarioFieldsOnly(tree, from, problems)) {
            return;
        }
        visiting.push(key);
        addWithBases(tree, nextDir, visiting, chain, problems);
        visiting.pop();
    }

    /**
     * Whether the top level of a file reached through extends holds scenario fields only; if not,
     * records one problem that names the file and the position of the first other key, not the key.
     */
    private static boolean scenarioFieldsOnly(SourceTree tree, SourceTree.Origin from, List<Problem> problems) {
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

    /** The fields a scenario file may have at its top level, in the order messages list them. */
    private static List<String> topLevelFields() {
        List<String> fields = new ArrayList<>(Binder.fieldNames(ModelParameters.class));
        fields.addAll(TreeCodec.EXPERIMENT_FIELDS);
        return fields;
    }

    /** {@code ref} as a path, or null when it cannot be one (a NUL character, for example). */
    static Path path(String ref) {
        try {
            return Path.of(ref);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void addWithBases(SourceTree tree, Path dir, Deque<String> visiting, List<SourceTree> chain,
            List<Problem> problems) {
        JsonNode ext = tree.root.get("extends");
        if (ext != null) {
            SourceTree.Origin o = tree.origins.getOrDefault("extends", new SourceTree.Origin(tree.file, 0, 0));
            if (!ext.isTextual() || ext.asText().isBlank()) {
                problems.add(new Problem(o.file(), o.line(), o.column(), "extends",
                        "expected the name of a built-in scenario or a file path, found " + Binder.describe(ext)));
            } else {
                collect(ext.asText(), dir, visiting, chain, problems, o, "extends");
            }
        }
        chain.add(tree);
    }

    /** Merges the chain onto the defaults, applies overrides and entry defaults, and binds. */
    private static Scenario resolve(String name, List<SourceTree> chain, List<String> overrides)
            throws ScenarioException {
        SourceTree defaults = defaults();
        ObjectNode merged = defaults.root.deepCopy();
        NavigableMap<String, SourceTree.Origin> origins = new TreeMap<>(defaults.origins);
        for (SourceTree layer : chain) {
            merge(merged, layer.root, "", layer.origins, origins);
        }
        // Name and description belong to the file itself, not to what it extends.
        SourceTree own = chain.get(chain.size() - 1);
        JsonNode ownName = own.root.get("name");
        merged.set("name", ownName != null ? ownName : NODES.textNode(name));
        origins.put("name", ownName != null ? own.origins.get("name") : new SourceTree.Origin(own.file, 0, 0));
        merged.set("description", own.root.has("description") ? own.root.get("description") : NODES.textNode(""));
        merged.remove("extends");

        List<Problem> problems = new ArrayList<>();
        for (String o : overrides) {
            applyOverride(merged, o, origins, problems);
        }
        entryDefaults(merged, origins, problems);
        Binder b = new Binder(origins, fallbacks());
        b.problems.addAll(problems);
        String sName = (String) b.value(String.class, merged.get("name"), "name");
        String description = (String) b.value(String.class, merged.get("description"), "description");
        Object seed = b.value(long.class, merged.get("seed"), "seed");
        Object reps = b.value(int.class, merged.get("replications"), "replications");
        ModelParameters model = (ModelParameters) b.record(ModelParameters.class, merged, "",
                TreeCodec.EXPERIMENT_FIELDS);
        Scenario s = null;
        if (b.problems.isEmpty()) {
            try {
                s = new Scenario(sName, description, (Long) seed, (Integer) reps, model);
            } catch (ParameterException e) {
                b.problem(Names.snake(e.field()), Binder.shown(e));
            }
        }
        if (!b.problems.isEmpty()) {
            throw new ScenarioException(b.problems);
        }
        return s;
    }

    private static void merge(ObjectNode target, ObjectNode overlay, String path,
            NavigableMap<String, SourceTree.Origin> layerOrigins, NavigableMap<String, SourceTree.Origin> origins) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String childPath = Paths.child(path, key);
            JsonNode existing = target.get(key);
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), childPath, layerOrigins, origins);
                continue;
            }
            target.set(key, e.getValue().deepCopy());
            below(origins, childPath).keySet().removeIf(k -> under(k, childPath));
            below(layerOrigins, childPath).forEach((k, o) -> {
                if (under(k, childPath)) {
                    origins.put(k, o);
                }
            });
        }
    }

    /**
     * The origin keys that may be at or below {@code path}: all begin with it, so they are one range
     * of the sorted map (a file with many keys merges in n log n, not n squared).
     */
    private static NavigableMap<String, SourceTree.Origin> below(NavigableMap<String, SourceTree.Origin> origins,
            String path) {
        return origins.subMap(path, true, path + Character.MAX_VALUE, false);
    }

    /** Whether origin key {@code k} is at or below {@code path}. */
    private static boolean under(String k, String path) {
        return k.equals(path) || k.equals(path + SourceTree.KEY) || k.startsWith(path + ".") || k.startsWith(path + "[");
    }

    /** A list index in a --set path, as written (digits) and as a number (Long.MAX_VALUE when larger). */
    private record Index(String text, long value) {}

    /** Applies {@code path=value}; the path is dotted snake_case, list entries by number. */
    private static void applyOverride(ObjectNode root, String override, NavigableMap<String, SourceTree.Origin> origins,
            List<Problem> problems) {
        String label = "--set " + Problem.excerpt(override);
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add(new Problem(label, 0, 0, "", "expected path.to.field=value, for example run.families=400"));
            return;
        }
        String pathText = override.substring(0, eq).strip();
        String valueText = override.substring(eq + 1);
        JsonNode value;
        try {
            value = valueText.isBlank() ? null : YAML.readTree(valueText);
        } catch (JsonProcessingException | RuntimeException e) {
            // SnakeYAML reports some malformed input (invalid characters) as a RuntimeException.
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            problems.add(new Problem(label, 0, 0, "", "cannot read the value '" + Problem.excerpt(valueText) + "': "
                    + SourceTree.firstLine(why)));
            return;
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            problems.add(new Problem(label, 0, 0, "", "the value is empty; give one after '='"));
            return;
        }
        List<Object> segments = segments(pathText, label, problems);
        if (segments == null) {
            return;
        }
        JsonNode node = root;
        String path = "";
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof Index n) {
                if (!(node instanceof ArrayNode a)) {
                    problems.add(new Problem(label, 0, 0, path, "is not a list, so [" + n.text() + "] does not apply"));
                    return;
                }
                if (n.value() >= a.size()) {
                    problems.add(new Problem(label, 0, 0, path + "[" + n.text() + "]", "no entry " + n.text() + "; "
                            + (path.isEmpty() ? "the list" : path) + " has " + a.size() + " (numbered from 0)"));
                    return;
                }
                int k = (int) n.value();
                if (last) {
                    a.set(k, value);
                } else {
                    node = a.get(k);
                }
                path = Paths.index(path, k);
            } else {
                String key = (String) seg;
                if (!(node instanceof ObjectNode o)) {
                    problems.add(new Problem(label, 0, 0, path, "is not a mapping, so '" + key + "' does not apply"));
                    return;
                }
                if (last) {
                    o.set(key, value);
                } else {
                    JsonNode child = o.get(key);
                    if (child == null) {
                        child = o.putObject(key);
                        origins.put(Paths.child(path, key), new SourceTree.Origin(label, 0, 0));
                    }
                    node = child;
                }
                path = Paths.child(path, key);
            }
        }
        String target = path;
        below(origins, target).keySet().removeIf(k -> under(k, target));
        origins.put(target, new SourceTree.Origin(label, 0, 0));
    }

    /**
     * The parts of a --set path: field names (String) and list indices ({@link Index}), from
     * {@code a.b.1.c} or {@code a.b[1].c}; null, with a problem recorded, when the path is not one.
     */
    private static List<Object> segments(String pathText, String label, List<Problem> problems) {
        String allowed = "; a path is field names and list entry numbers (from 0) joined by dots,"
                + " for example families.1.conflict or families[1].conflict";
        if (pathText.isEmpty()) {
            problems.add(new Problem(label, 0, 0, "", "the path is empty; give one before '='"));
            return null;
        }
        List<Object> segments = new ArrayList<>();
        for (String part : pathText.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String head = bracket >= 0 ? part.substring(0, bracket) : part;
            if (head.isEmpty() && bracket != 0) {
                problems.add(new Problem(label, 0, 0, "", "the path '" + Problem.excerpt(pathText)
                        + "' has an empty part (two dots, or a dot at an end)" + allowed));
                return null;
            }
            if (!head.isEmpty()) {
                if (head.matches("-\\d+")) {
                    problems.add(new Problem(label, 0, 0, "", "list entries are numbered from 0, found " + head + allowed));
                    return null;
                }
                segments.add(head.matches("\\d+") ? index(head) : head);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                String inside = close < 0 ? part.substring(bracket + 1) : part.substring(bracket + 1, close);
                if (close < 0 || !inside.matches("\\d+")) {
                    problems.add(new Problem(label, 0, 0, "", "bad list index in '" + Problem.excerpt(part)
                            + "': expected [N] with N a whole number from 0" + allowed));
                    return null;
                }
                segments.add(index(inside));
                int next = close + 1;
                if (next < part.length() && part.charAt(next) != '[') {
                    problems.add(new Problem(label, 0, 0, "", "unexpected '" + Problem.excerpt(part.substring(next))
                            + "' after ']' in '" + Problem.excerpt(part) + "'" + allowed));
                    return null;
                }
                bracket = next < part.length() ? next : -1;
            }
        }
        return segments;
    }

    private static Index index(String digits) {
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return new Index(significant, significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant));
    }

    /** Fills the fields that list entries leave out; turns a family's {@code size} into roles. */
    private static void entryDefaults(ObjectNode root, Map<String, SourceTree.Origin> origins, List<Problem> problems) {
        JsonNode families = root.get("families");
        if (families instanceof ArrayNode fa) {
            for (int i = 0; i < fa.size(); i++) {
                if (!(fa.get(i) instanceof ObjectNode f)) {
                    continue;
                }
                String path = Paths.index("families", i);
                JsonNode size = f.remove("size");
                if (size != null) {
                    if (!size.canConvertToInt() || !size.isIntegralNumber() || size.intValue() < FamilyType.MIN_SIZE
                            || size.intValue() > FamilyType.MAX_SIZE) {
                        SourceTree.Origin o = origins.getOrDefault(path + ".size", origins.get(path));
                        problems.add(new Problem(o.file(), o.line(), o.column(), path + ".size",
                                "expected a whole number from 2 to 6, found " + Binder.describe(size)));
                    } else if (!f.has("roles")) {
                        f.set("roles", TreeCodec.tree(rolesOfSize(size.intValue())));
                    } else if (f.get("roles").size() != size.intValue()) {
                        SourceTree.Origin o = origins.getOrDefault(path + ".size", origins.get(path));
                        problems.add(new Problem(o.file(), o.line(), o.column(), path + ".size",
                                "is " + size.intValue() + " but roles lists " + f.get("roles").size()
                                        + " members; give one or make them agree"));
                    }
                }
                putIfAbsent(f, "name", NODES.textNode("family-" + (i + 1)));
                if (fa.size() == 1) {
                    putIfAbsent(f, "share", NODES.numberNode(1.0));
                }
                putIfAbsent(f, "roles", TreeCodec.tree(rolesOfSize(3)));
                putIfAbsent(f, "referral", NODES.textNode("voluntary"));
                putIfAbsent(f, "conflict", NODES.numberNode(0.5));
                putIfAbsent(f, "prepared", NODES.booleanNode(false));
                if (!f.has("identified_patient")) {
                    f.put("identified_patient", firstYoung(f.get("roles")));
                }
            }
        }
        JsonNode therapists = root.get("therapists");
        if (therapists instanceof ArrayNode ta) {
            ObjectNode model = (ObjectNode) TreeCodec.tree(defaultTherapist());
            for (int i = 0; i < ta.size(); i++) {
                if (!(ta.get(i) instanceof ObjectNode t)) {
                    continue;
                }
                putIfAbsent(t, "name", NODES.textNode("therapist-" + (i + 1)));
                if (ta.size() == 1) {
                    putIfAbsent(t, "share", NODES.numberNode(1.0));
                }
                for (Iterator<String> it = model.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!k.equals("name") && !k.equals("share")) {
                        putIfAbsent(t, k, model.get(k).deepCopy());
                    }
                }
            }
        }
    }

    /** Gives an entry the default for a field it leaves out; an empty value is left to be refused. */
    private static void putIfAbsent(ObjectNode o, String key, JsonNode value) {
        if (!o.has(key)) {
            o.set(key, value);
        }
    }

    /** Default roles by family size: parents first, then an adolescent, then children. */
    static List<Role> rolesOfSize(int size) {
        List<Role> roles = new ArrayList<>();
        roles.add(Role.PARENT);
        if (size >= 3) {
            roles.add(Role.PARENT);
        }
        roles.add(Role.ADOLESCENT);
        while (roles.size() < size) {
            roles.add(Role.CHILD);
        }
        return roles;
    }

    private static int firstYoung(JsonNode roles) {
        if (roles != null && roles.isArray()) {
            for (int i = 0; i < roles.size(); i++) {
                String r = roles.get(i).asText().toLowerCase(java.util.Locale.ROOT);
                if (r.equals("adolescent") || r.equals("child")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The therapist whose values entries of {@code therapists} take for fields they leave out. */
    static TherapistType defaultTherapist() {
        return ModelParameters.defaults().therapists().stream().filter(t -> t.name().equals("experienced"))
                .findFirst().orElseThrow();
    }

    private static Map<Class<?>, Object> fallbacks() {
        ModelParameters p = ModelParameters.defaults();
        Dynamics d = p.dynamics();
        Map<Class<?>, Object> m = new HashMap<>();
        m.put(org.alliancesim.model.RunSpec.class, p.run());
        m.put(FamilyType.class, new FamilyType("fallback", 1.0, rolesOfSize(3), -1,
                org.alliancesim.model.Referral.VOLUNTARY, 0.5, false));
        m.put(TherapistType.class, defaultTherapist());
        m.put(org.alliancesim.model.Setting.class, p.setting());
        m.put(org.alliancesim.model.ClinicSpec.class, p.clinic());
        m.put(Dynamics.Start.class, d.start());
        m.put(Dynamics.Climate.class, d.climate());
        m.put(Dynamics.Trust.class, d.trust());
        m.put(Dynamics.Rupture.class, d.rupture());
        m.put(Dynamics.Contagion.class, d.contagion());
        m.put(Dynamics.Attendance.class, d.attendance());
        m.put(Dynamics.Outcome.class, d.outcome());
        return m;
    }

    /**
     * The value at a dotted path of a scenario tree ({@code families.1.conflict} or
     * {@code families[1].conflict}), or null when there is none.
     */
    public static JsonNode valueAt(JsonNode tree, String path) {
        JsonNode n = tree;
        for (String part : path.replace('[', '.').replace("]", "").split("\\.")) {
            if (n == null) {
                return null;
            }
            // An index beyond int (from a sweep or targets file) names no entry, like any index past the end.
            n = part.matches("\\d+") ? (part.length() > 9 ? null : n.get(Integer.parseInt(part))) : n.get(part);
        }
        return n;
    }

    /** The fully resolved scenario as a tree in file layout (snake_case), for provenance records. */
    public static ObjectNode toTree(Scenario s) {
        return TreeCodec.scenario(s);
    }

    /** The fully resolved scenario as YAML, defaults included: what {@code scenarios show} prints. */
    public static String toYaml(Scenario s) {
        try {
            return YAML.writeValueAsString(TreeCodec.scenario(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario", e);
        }
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
