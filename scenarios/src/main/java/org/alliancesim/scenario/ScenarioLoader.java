package org.alliancesim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

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
            Path p = Path.of(nameOrPath);
            if (!Files.isRegularFile(p)) {
                throw new ScenarioException(List.of(new Problem(nameOrPath, 0, 0, "",
                        "no such file, and no built-in scenario of that name" + Names.didYouMean(nameOrPath, BUILTINS)
                                + "; built-ins: " + String.join(", ", BUILTINS))));
            }
            name = stem(p.getFileName().toString());
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
        return resolve(stem(label), chain, overrides);
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
            Path p = dir.resolve(ref).normalize();
            key = "file:" + p.toAbsolutePath();
            label = ref.equals(p.toString()) ? ref : p.toString();
            if (!Files.isRegularFile(p)) {
                problems.add(new Problem(from == null ? ref : from.file(), from == null ? 0 : from.line(),
                        from == null ? 0 : from.column(), fromPath, "extends '" + ref
                                + "': no built-in scenario of that name" + Names.didYouMean(ref, BUILTINS)
                                + " and no such file (" + p + "); built-ins: " + String.join(", ", BUILTINS)));
                return;
            }
            try {
                text = decode(Files.readAllBytes(p));
            } catch (IOException e) {
                problems.add(new Problem(label, 0, 0, "", "cannot read: " + e.getMessage()));
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
            tree = isBuiltin(ref) ? BUILTIN_TREES.computeIfAbsent(ref, r -> parseBuiltin(r, label))
                    : SourceTree.parse(label, text, label.endsWith(".json"));
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
            return;
        }
        visiting.push(key);
        addWithBases(tree, nextDir, visiting, chain, problems);
        visiting.pop();
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
        Map<String, SourceTree.Origin> origins = new HashMap<>(defaults.origins);
        for (SourceTree layer : chain) {
            merge(merged, layer.root, "", layer.origins, origins);
        }
        // Name and description belong to the file itself, not to what it extends.
        SourceTree own = chain.get(chain.size() - 1);
        merged.put("name", own.root.hasNonNull("name") ? own.root.get("name").asText() : name);
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
                Set.copyOf(TreeCodec.EXPERIMENT_FIELDS));
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
            Map<String, SourceTree.Origin> layerOrigins, Map<String, SourceTree.Origin> origins) {
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
            origins.keySet().removeIf(k -> under(k, childPath));
            for (Map.Entry<String, SourceTree.Origin> o : layerOrigins.entrySet()) {
                String k = o.getKey();
                if (under(k, childPath)) {
                    origins.put(k, o.getValue());
                }
            }
        }
    }

    /** Whether origin key {@code k} is at or below {@code path}. */
    private static boolean under(String k, String path) {
        return k.equals(path) || k.equals(path + SourceTree.KEY) || k.startsWith(path + ".") || k.startsWith(path + "[");
    }

    /** Applies {@code path=value}; the path is dotted snake_case, list entries by number. */
    private static void applyOverride(ObjectNode root, String override, Map<String, SourceTree.Origin> origins,
            List<Problem> problems) {
        String label = "--set " + override;
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
        } catch (JsonProcessingException e) {
            problems.add(new Problem(label, 0, 0, pathText, "cannot read the value '" + valueText + "': "
                    + SourceTree.firstLine(e.getOriginalMessage())));
            return;
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            problems.add(new Problem(label, 0, 0, pathText, "the value is empty; give one after '='"));
            return;
        }
        List<Object> segments = new ArrayList<>();
        for (String part : pathText.split("\\.")) {
            int bracket = part.indexOf('[');
            String head = bracket >= 0 ? part.substring(0, bracket) : part;
            if (!head.isEmpty()) {
                segments.add(head.matches("\\d+") ? (Object) Integer.parseInt(head) : head);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0 || !part.substring(bracket + 1, close).matches("\\d+")) {
                    problems.add(new Problem(label, 0, 0, pathText, "bad list index in '" + part + "'"));
                    return;
                }
                segments.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        if (segments.isEmpty()) {
            problems.add(new Problem(label, 0, 0, "", "the path is empty; give one before '='"));
            return;
        }
        JsonNode node = root;
        String path = "";
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            String next = seg instanceof Integer n ? Paths.index(path, n) : Paths.child(path, (String) seg);
            if (seg instanceof Integer n) {
                if (!(node instanceof ArrayNode a)) {
                    problems.add(new Problem(label, 0, 0, path, "is not a list, so [" + n + "] does not apply"));
                    return;
                }
                if (n >= a.size()) {
                    problems.add(new Problem(label, 0, 0, next, "no entry " + n + "; " + (path.isEmpty() ? "the list"
                            : path) + " has " + a.size() + " (numbered from 0)"));
                    return;
                }
                if (last) {
                    a.set(n, value);
                } else {
                    node = a.get(n);
                }
            } else {
                if (!(node instanceof ObjectNode o)) {
                    problems.add(new Problem(label, 0, 0, path, "is not a mapping, so '" + seg + "' does not apply"));
                    return;
                }
                if (last) {
                    o.set((String) seg, value);
                } else {
                    JsonNode child = o.get((String) seg);
                    if (child == null) {
                        child = o.putObject((String) seg);
                    }
                    node = child;
                }
            }
            path = next;
        }
        String target = path;
        origins.keySet().removeIf(k -> under(k, target));
        origins.put(target, new SourceTree.Origin(label, 0, 0));
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

    private static void putIfAbsent(ObjectNode o, String key, JsonNode value) {
        if (!o.has(key) || o.get(key).isNull()) {
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
            n = part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
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

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Strict UTF-8: a file that is not text gets a clear problem instead of replacement characters. */
    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }
}
