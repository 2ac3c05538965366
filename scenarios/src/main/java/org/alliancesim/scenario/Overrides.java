package org.alliancesim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --set PATH=VALUE} overrides, each read once into a typed edit: the path with
 * {@link ParameterPath#parse}, the value as one YAML value (a number, true/false, text, or a flow
 * list of those such as {@code [parent, child]}) with the hardened YAML factory. They are applied
 * all together to the resolved scenario with {@link Scenario#with(Map, String)}, so edits that are
 * only valid jointly (mixture shares) can be made, and a later override of the same field wins.
 *
 * <p>Every problem is located at the override it concerns: its {@link Problem#file()} is
 * {@code --set} and the override as typed (several, when a refusal concerns several, such as
 * shares that do not sum to 1).
 */
final class Overrides {

    private static final YAMLFactory YAML = SourceText.yamlBuilder().build();

    /** One override: as typed (for messages) and as an edit. */
    private record Override(String label, ParameterPath path, Object value) {}

    /** The edits by path, each with the last override that set it. */
    private final Map<ParameterPath, Override> edits = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Overrides() {}

    /** Reads every override; what cannot be read is recorded in {@link #problems()}, one problem per override. */
    static Overrides parse(List<String> overrides) {
        Overrides o = new Overrides();
        for (String text : overrides) {
            o.read(text);
        }
        return o;
    }

    /** The problems of the overrides that could not be read, in their order. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The typed edits, in the order of the last override of each field (a later override of a field replaces the value). */
    Map<ParameterPath, Object> edits() {
        Map<ParameterPath, Object> out = new LinkedHashMap<>();
        edits.forEach((path, o) -> out.put(path, o.value()));
        return out;
    }

    /**
     * {@code s} with all edits applied together.
     *
     * @throws ScenarioException when an index does not exist or a value is refused, located at the
     *     override(s) concerned
     */
    Scenario applyTo(Scenario s) throws ScenarioException {
        try {
            return s.with(edits(), "--set");
        } catch (ScenarioException e) {
            List<Problem> located = new ArrayList<>();
            for (Problem p : e.problems()) {
                located.add(new Problem(labelsFor(p.path()), 0, 0, p.path(), p.message()));
            }
            throw new ScenarioException(located);
        }
    }

    private void read(String override) {
        String label = "--set " + Problem.excerpt(override);
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problems.add(new Problem(label, 0, 0, "", "expected path.to.field=value, for example run.families=400"));
            return;
        }
        ParameterPath path;
        try {
            path = ParameterPath.parse(override.substring(0, eq));
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                problems.add(new Problem(label, 0, 0, p.path(), p.message()));
            }
            return;
        }
        String valueText = override.substring(eq + 1);
        try {
            Object value = value(valueText);
            Problem kind = ScenarioEdits.kindProblem(path, value, label);
            if (kind != null) {
                problems.add(kind);
                return;
            }
            edits.remove(path);
            edits.put(path, new Override(label, path, value));
        } catch (Unreadable u) {
            problems.add(new Problem(label, 0, 0, "", u.getMessage()));
        }
    }

    /** A value that is not one YAML value of the kinds a {@code --set} takes; the message says why. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** The value text as a Java value: Long or BigInteger, Double, Boolean, String, or a List of those. */
    private static Object value(String text) throws Unreadable {
        if (text.isBlank()) {
            throw new Unreadable("the value is empty; give one after '='");
        }
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            Object v = first == null ? null : read(p);
            if (v == null) {
                throw new Unreadable("the value is empty; give one after '='");
            }
            if (p.nextToken() != null) {
                throw new Unreadable("the value '" + Problem.excerpt(text) + "' is more than one YAML value");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw new Unreadable("cannot read the value '" + Problem.excerpt(text) + "': "
                    + SourceTree.parserMessage(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input (invalid characters) as a RuntimeException.
            throw new Unreadable("cannot read the value '" + Problem.excerpt(text) + "': "
                    + SourceTree.parserMessage(String.valueOf(e.getMessage())));
        }
    }

    /** The value at the parser's current token; null for an empty value. */
    private static Object read(JsonParser p) throws IOException, Unreadable {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new Unreadable("aliases (*name) are not supported; write the value out");
        }
        switch (p.currentToken()) {
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case START_OBJECT:
                throw new Unreadable("a mapping cannot be set as a whole; set its fields one by one (for example"
                        + " families[0].conflict=0.7), or write it in a scenario file");
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                // One way to read numbers (Numbers), as in files: not 050 as octal 40, nor 0_5 as 5.
                String why = Numbers.refusal(p.getText());
                if (why != null) {
                    throw new Unreadable(why);
                }
                if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                    return p.getDoubleValue();
                }
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                return p.getText();
        }
    }

    /**
     * The overrides a refusal at {@code at} concerns, as the problem's file: those that set that
     * field, a field below it or a group above it; else those below the nearest group that has
     * any (a refusal of a record's cross-field rule names one field, the override another).
     */
    private String labelsFor(String at) {
        for (String group = at; ; group = FieldPaths.parent(group)) {
            List<String> labels = new ArrayList<>();
            for (Override o : edits.values()) {
                String set = concreteFor(o.path().toString(), at);
                if (set.equals(group) || within(set, group) || within(at, set)) {
                    labels.add(o.label());
                }
            }
            if (!labels.isEmpty() || group.isEmpty()) {
                return labels.isEmpty() ? "--set" : String.join(" ", labels);
            }
        }
    }

    /**
     * {@code set} with each wildcard {@code [*]} replaced by the index {@code at} has there, when
     * {@code at} lies under the entries the wildcard covers; else {@code set} unchanged (a refusal of
     * {@code therapists[1].warmth} concerns {@code --set therapists[*].warmth=...}).
     */
    private static String concreteFor(String set, String at) {
        if (!set.contains("[*]")) {
            return set;
        }
        String[] parts = set.split("\\[\\*\\]", -1);
        StringBuilder regex = new StringBuilder(java.util.regex.Pattern.quote(parts[0]));
        for (int k = 1; k < parts.length; k++) {
            regex.append("\\[(\\d+)\\]").append(java.util.regex.Pattern.quote(parts[k]));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex.toString()).matcher(at);
        if (!m.lookingAt()) {
            return set;
        }
        StringBuilder out = new StringBuilder(parts[0]);
        for (int k = 1; k < parts.length; k++) {
            out.append('[').append(m.group(k)).append(']').append(parts[k]);
        }
        return out.toString();
    }

    /** Whether {@code path} is strictly below {@code group} ({@code ""} is the whole scenario). */
    private static boolean within(String path, String group) {
        return group.isEmpty() ? !path.isEmpty() : path.startsWith(group + ".") || path.startsWith(group + "[");
    }

}
