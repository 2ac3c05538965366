package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.alliancesim.model.ParameterException;

/**
 * Turns a merged scenario tree into the model's records, collecting every problem instead of
 * stopping at the first: unknown fields (with a suggestion), wrong types, values the records'
 * constructors refuse (their messages name the field and the allowed range).
 */
final class Binder {

    /** Unknown keys that look like this are quoted in messages; others (a line of some other file) are not. */
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private final Map<String, SourceTree.Origin> origins;
    private final Map<Class<?>, Object> fallbacks;
    final List<Problem> problems = new ArrayList<>();

    /**
     * @param origins where each path's value was written
     * @param fallbacks a valid instance per record type, whose values stand in for a refused value
     *     so that the rest of the record can still be checked ({@link EntryDefaults#fallbacks()})
     */
    Binder(Map<String, SourceTree.Origin> origins, Map<Class<?>, Object> fallbacks) {
        this.origins = origins;
        this.fallbacks = fallbacks;
    }

    void problem(String path, String message) {
        SourceTree.Origin o = originOf(path);
        problems.add(new Problem(o.file(), o.line(), o.column(), path, message));
    }

    /** A problem about a field's name (an unknown field): located at the key if known. */
    void problemAtKey(String path, String message) {
        SourceTree.Origin o = keyOrigin(path);
        problems.add(new Problem(o.file(), o.line(), o.column(), path, message));
    }

    /** Where the key of the field at {@code path} was written, else where its value was. */
    private SourceTree.Origin keyOrigin(String path) {
        SourceTree.Origin o = origins.get(path + SourceTree.KEY);
        return o != null ? o : originOf(path);
    }

    SourceTree.Origin originOf(String path) {
        String p = path;
        while (true) {
            SourceTree.Origin o = origins.get(p);
            if (o != null) {
                return o;
            }
            if (p.isEmpty()) {
                return new SourceTree.Origin("scenario", 0, 0);
            }
            p = FieldPaths.parent(p);
        }
    }

    /**
     * Whether component {@code i} of {@code type} may be left out: it is written only when not null
     * ({@code @JsonInclude(NON_NULL)}), so a file without it reads back as null.
     */
    static boolean optional(Class<?> type, int i) {
        com.fasterxml.jackson.annotation.JsonInclude in = type.getRecordComponents()[i].getAccessor()
                .getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
        if (in == null) {
            try {
                in = type.getDeclaredField(type.getRecordComponents()[i].getName())
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
        return in != null && in.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL
                && !type.getRecordComponents()[i].getType().isPrimitive();
    }

    /** The snake_case field names of a record type. */
    static List<String> fieldNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> Names.snake(c.getName())).toList();
    }

    /**
     * Binds an object node to a record; null if anything in it is wrong (the problems are recorded).
     *
     * @param alsoAllowed keys that may appear at this level without being record components, in the
     *     order messages list them (after the components, in declaration order)
     */
    Object record(Class<?> type, JsonNode node, String path, List<String> alsoAllowed) {
        if (node == null || !node.isObject()) {
            problem(path, "expected a mapping of fields (" + String.join(", ", fieldNames(type)) + "), found "
                    + describe(node));
            return null;
        }
        RecordComponent[] cs = type.getRecordComponents();
        List<String> names = fieldNames(type);
        Set<String> allowed = new LinkedHashSet<>(names);
        allowed.addAll(alsoAllowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (allowed.contains(key)) {
                continue;
            }
            String list = "; allowed here: " + String.join(", ", allowed);
            String moved = RuleCoefficients.moved(FieldPaths.child(path, key));
            if (moved != null) {
                problemAtKey(FieldPaths.child(path, key), "unknown field '" + key + "': " + moved);
            } else if (KEY_LIKE.matcher(key).matches()) {
                problemAtKey(FieldPaths.child(path, key), "unknown field '" + key + "'" + Names.didYouMean(key, allowed) + list);
            } else {
                // Not a field name at all (a line of some other file, perhaps): say where, not what.
                SourceTree.Origin o = keyOrigin(FieldPaths.child(path, key));
                problems.add(new Problem(o.file(), o.line(), o.column(), path,
                        "a key that is not a field name (not shown)" + list));
            }
        }
        Object[] args = new Object[cs.length];
        boolean ok = true;
        for (int i = 0; i < cs.length; i++) {
            String key = names.get(i);
            String childPath = FieldPaths.child(path, key);
            JsonNode child = node.get(key);
            if (child == null && optional(type, i)) {
                continue; // an optional component (written only when not null) left out: null
            }
            if (child == null || child.isNull()) {
                String expected = expected(cs[i].getGenericType());
                problem(childPath, child == null ? "missing; give a value (" + expected + ")"
                        : "expected " + expected + ", found an empty value");
                ok = false;
                continue;
            }
            Object v = value(cs[i].getGenericType(), child, childPath);
            if (v == null) {
                ok = false;
            }
            args[i] = v;
        }
        if (!ok) {
            return null;
        }
        Object r = construct(type, cs, args, path);
        unreadCoefficients(r, node, path);
        return r;
    }

    /**
     * Records a problem for each coefficient of a family of rules that a scenario file sets (not the
     * built-in defaults) though the family's chosen rule does not read it ({@link RuleCoefficients}).
     */
    private void unreadCoefficients(Object r, JsonNode node, String path) {
        if (r == null) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String childPath = FieldPaths.child(path, key);
            SourceTree.Origin o = origins.get(childPath);
            if (o == null || o.file().equals(ScenarioLibrary.DEFAULTS_LABEL)) {
                continue;
            }
            String why = RuleCoefficients.unread(r, path, key);
            if (why != null) {
                problemAtKey(childPath, why);
            }
        }
    }

    /** Calls the canonical constructor; on refusal records the problem and retries with a fallback value. */
    private Object construct(Class<?> type, RecordComponent[] cs, Object[] args, String path) {
        Class<?>[] types = Arrays.stream(cs).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Set<String> failed = new HashSet<>();
        boolean anyFailure = false;
        for (int attempt = 0; attempt <= cs.length; attempt++) {
            try {
                Constructor<?> ctor = type.getDeclaredConstructor(types);
                Object r = ctor.newInstance(args);
                return anyFailure ? null : r;
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof IllegalArgumentException iae)) {
                    throw new IllegalStateException("constructing " + type.getSimpleName(), e.getCause());
                }
                anyFailure = true;
                int index = -1;
                String shown = iae.getMessage();
                String fieldPath = path;
                if (iae instanceof ParameterException pe) {
                    String top = pe.field().split("\\.", 2)[0];
                    for (int i = 0; i < cs.length; i++) {
                        if (cs[i].getName().equals(top)) {
                            index = i;
                        }
                    }
                    fieldPath = FieldPaths.refused(path, pe);
                    shown = shown(pe);
                }
                problem(fieldPath, shown);
                Object fallback = fallbacks.get(type);
                if (index < 0 || fallback == null || !failed.add(cs[index].getName())) {
                    return null;
                }
                try {
                    args[index] = cs[index].getAccessor().invoke(fallback);
                } catch (ReflectiveOperationException re) {
                    return null;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("constructing " + type.getSimpleName(), e);
            }
        }
        return null;
    }

    /** A refusal as shown after its field's path: {@code must be in [0.0, 1.0], was 1.5}. */
    static String shown(ParameterException e) {
        return "must be " + e.allowed() + (e.found() == null ? "" : ", was " + e.found());
    }

    /** Converts one value; null (with a problem recorded) when it does not fit. */
    Object value(Type type, JsonNode node, String path) {
        if (type == double.class || type == Double.class) {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            problem(path, "expected a number, found " + describe(node));
            return null;
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            boolean integral = node.isIntegralNumber()
                    || (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue()));
            boolean small = type != long.class;
            boolean fits = small ? node.canConvertToInt() : node.canConvertToLong();
            if (node.isNumber() && integral && fits) {
                return small ? (Object) node.intValue() : (Object) node.longValue();
            }
            problem(path, "expected a whole number" + (small ? "" : " (64-bit)") + ", found "
                    + describe(node));
            return null;
        }
        if (type == boolean.class) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            problem(path, "expected true or false, found " + describe(node));
            return null;
        }
        if (type == String.class) {
            if (node.isValueNode() && !node.isNull()) {
                return node.asText();
            }
            problem(path, "expected text, found " + describe(node));
            return null;
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return enumValue(c, node, path);
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return record(c, node, path, List.of());
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            if (!node.isArray()) {
                problem(path, "expected a list, found " + describe(node));
                return null;
            }
            Type element = pt.getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                Object v = value(element, node.get(i), FieldPaths.index(path, i));
                ok &= v != null;
                out.add(v);
            }
            return ok ? out : null;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == Map.class) {
            return edits(node, path);
        }
        throw new IllegalStateException("no binding for " + type);
    }

    /**
     * A mapping of field paths to plain values (a hypotheses file's edits): each value a number (a
     * whole number as a Long), true or false, text, or a list of those; the paths are checked by the
     * caller, which knows the scenario.
     */
    private Object edits(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "expected a mapping of field paths to values (like 'dynamics.trust.gain: 0.2'), found "
                    + describe(node));
            return null;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Object v = plain(e.getValue(), FieldPaths.child(path, e.getKey()), true);
            ok &= v != null;
            out.put(e.getKey(), v);
        }
        return ok ? out : null;
    }

    private Object plain(JsonNode node, String path, boolean listAllowed) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray() && listAllowed) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Object v = plain(node.get(i), FieldPaths.index(path, i), false);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        problem(path, "expected a number, true or false, text, or a list of those, found " + describe(node));
        return null;
    }

    private Object enumValue(Class<?> c, JsonNode node, String path) {
        List<String> allowed = Arrays.stream(c.getEnumConstants()).map(e -> Names.of((Enum<?>) e)).toList();
        if (node.isTextual()) {
            String text = node.asText().strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
            for (Object e : c.getEnumConstants()) {
                if (Names.of((Enum<?>) e).equals(text)) {
                    return e;
                }
            }
        }
        problem(path, "found " + describe(node) + "; allowed: " + String.join(", ", allowed)
                + (node.isTextual() ? Names.didYouMean(node.asText(), allowed) : ""));
        return null;
    }

    /** What a value is, for messages: {@code 'high' (text)}, {@code 1.5 (number)}, {@code a list}. */
    static String describe(JsonNode node) {
        if (node != null && node.isTextual()) {
            return "'" + Problem.excerpt(node.asText()) + "' (text)";
        }
        if (node != null && node.isNumber()) {
            return Problem.excerpt(node.asText()) + " (number)";
        }
        if (node != null && node.isBoolean()) {
            return node.asText() + " (true/false)";
        }
        return kind(node);
    }

    /** What kind of value a node is, without any of its content: {@code text}, {@code a list}. */
    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "an empty value";
        }
        if (node.isTextual()) {
            return "text";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true or false";
        }
        return node.isArray() ? "a list" : "a mapping";
    }

    /** What a type expects, for messages. */
    static String expected(Type type) {
        if (type == double.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return "one of " + Arrays.stream(c.getEnumConstants()).map(e -> Names.of((Enum<?>) e))
                    .collect(Collectors.joining(", "));
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return "a mapping of " + String.join(", ", fieldNames(c));
        }
        return "a list";
    }
}
