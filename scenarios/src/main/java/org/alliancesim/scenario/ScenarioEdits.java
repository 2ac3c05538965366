package org.alliancesim.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.ParameterException;

/**
 * Sets one field of a resolved scenario by rebuilding the records on its path with their canonical
 * constructors, so every value passes the same checks as a file's. Values are Java values, never
 * text to be parsed: a {@link Number} for numeric fields (a whole number for int and long fields),
 * a {@link Boolean}, a {@link String} for text and for enum fields (their file names, such as
 * {@code involuntary}), an enum constant, or a {@link List} of those for list fields.
 */
final class ScenarioEdits {

    private ScenarioEdits() {}

    /**
     * Applies edits together: each record on the edited paths is rebuilt once with all its new values,
     * so edits that are only valid jointly (shares that must sum to 1) can be made. A later edit of the
     * same field wins. A path with a wildcard stands for the field in every entry of its list in
     * {@code s} ({@link ParameterPath#expand}), each taking the value, in the wildcard's place in the
     * order: so {@code therapists[*].warmth} then {@code therapists[1].warmth} leaves entry 1 with its
     * own value, and the other order sets it to the wildcard's.
     *
     * @param source what the edits came from, for messages ("--set", "sweep point 3")
     */
    static Scenario with(Scenario s, Map<ParameterPath, ?> edits, String source) throws ScenarioException {
        if (edits.isEmpty()) {
            return s;
        }
        Map<ParameterPath, Object> concrete = new LinkedHashMap<>();
        for (Map.Entry<ParameterPath, ?> e : edits.entrySet()) {
            List<ParameterPath> paths;
            try {
                paths = e.getKey().expand(s);
            } catch (ScenarioException x) {
                Problem p = x.problems().get(0);
                throw new ScenarioException(List.of(new Problem(source, 0, 0, p.path(), p.message())));
            }
            for (ParameterPath path : paths) {
                concrete.remove(path);
                concrete.put(path, e.getValue());
            }
        }
        List<Edit> experiment = new ArrayList<>();
        List<Edit> model = new ArrayList<>();
        for (Map.Entry<ParameterPath, ?> e : concrete.entrySet()) {
            Edit edit = new Edit(e.getKey(), e.getValue());
            (isExperimentField(e.getKey().segments().get(0)) ? experiment : model).add(edit);
        }
        Scenario out = s;
        try {
            if (!model.isEmpty()) {
                out = new Scenario(s.name(), s.description(), s.seed(), s.replications(),
                        (ModelParameters) apply(s.model(), ModelParameters.class, model, 0), s.measurement());
            }
            out = experiment.isEmpty() ? out : (Scenario) apply(out, Scenario.class, experiment, 0);
        } catch (Refused r) {
            throw new ScenarioException(List.of(new Problem(source, 0, 0, r.at, r.getMessage())));
        }
        for (ParameterPath path : concrete.keySet()) {
            String why = RuleCoefficients.unread(out, path);
            if (why != null) {
                throw new ScenarioException(List.of(new Problem(source, 0, 0, path.toString(), why)));
            }
        }
        return out;
    }

    private record Edit(ParameterPath path, Object value) {
        Object segment(int depth) {
            return path.segments().get(depth);
        }

        boolean endsAt(int depth) {
            return path.segments().size() == depth + 1;
        }
    }

    static boolean isExperimentField(Object top) {
        return top instanceof String name && RecordShape.of(Scenario.class).indexOf(name) >= 0;
    }

    /** A value the path or a constructor refused; {@code at} is the path of the field concerned. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String at;

        Refused(String at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** {@code node} (of declared type {@code type}) with the edits, whose segments below {@code depth} lead here. */
    private static Object apply(Object node, Type type, List<Edit> edits, int depth) throws Refused {
        Map<Object, List<Edit>> bySegment = new LinkedHashMap<>();
        for (Edit e : edits) {
            bySegment.computeIfAbsent(e.segment(depth), k -> new ArrayList<>()).add(e);
        }
        String here = prefix(edits.get(0).path().segments(), depth);
        if (node instanceof List<?> list) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> copy = new ArrayList<>(list);
            for (Map.Entry<Object, List<Edit>> g : bySegment.entrySet()) {
                int index = (Integer) g.getKey();
                if (index >= list.size()) {
                    throw new Refused(prefix(g.getValue().get(0).path().segments(), depth + 1), "no entry " + index
                            + "; " + here + " has " + list.size() + " (numbered from 0)");
                }
                copy.set(index, child(copy.get(index), element, g.getValue(), depth));
            }
            return List.copyOf(copy);
        }
        RecordShape shape = RecordShape.of(node.getClass());
        Object[] args = new Object[shape.size()];
        for (int k = 0; k < args.length; k++) {
            args[k] = shape.value(node, k);
            List<Edit> g = bySegment.get(shape.name(k));
            if (g != null) {
                args[k] = child(args[k], shape.component(k).getGenericType(), g, depth);
            }
        }
        return construct(shape, args, here);
    }

    /** One child's new value: whole-value edits first (the last wins), then edits below it. */
    private static Object child(Object current, Type type, List<Edit> edits, int depth) throws Refused {
        Object v = current;
        List<Edit> below = new ArrayList<>();
        for (Edit e : edits) {
            if (e.endsAt(depth)) {
                v = convert(e.value(), type, e.path().toString());
            } else {
                below.add(e);
            }
        }
        return below.isEmpty() ? v : apply(v, type, below, depth + 1);
    }

    private static Object construct(RecordShape shape, Object[] args, String at) throws Refused {
        Class<?> type = shape.canonical().getDeclaringClass();
        try {
            return shape.canonical().newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ParameterException pe) {
                throw new Refused(FieldPaths.refused(at, pe), Binder.shown(pe));
            }
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new Refused(at, iae.getMessage());
            }
            throw new IllegalStateException("constructing " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("constructing " + type.getSimpleName(), e);
        }
    }

    /** The value of the record component whose file name is {@code name}. */
    static Object component(Object record, String name) {
        RecordShape shape = RecordShape.of(record.getClass());
        int k = shape.indexOf(name);
        if (k < 0) {
            throw new IllegalStateException("no field " + name + " in " + record.getClass().getSimpleName());
        }
        return shape.value(record, k);
    }

    /**
     * The problem with {@code value} as a value of the field at {@code path}, whatever the scenario
     * (its kind: a number, text, one of an enum's names; not its range, which the records check), or
     * null when there is none.
     *
     * @param source where the value came from, for the problem's file
     */
    static Problem kindProblem(ParameterPath path, Object value, String source) {
        try {
            convert(value, path.type(), path.toString());
            return null;
        } catch (Refused r) {
            return new Problem(source, 0, 0, r.at, r.getMessage());
        }
    }

    /** The value as the field's type, or a refusal saying what the field takes. */
    static Object convert(Object value, Type type, String at) throws Refused {
        if (value == null) {
            throw new Refused(at, "the value is empty; give " + Binder.expected(type));
        }
        if (type == double.class) {
            if (value instanceof Number n) {
                return n.doubleValue();
            }
        } else if (type == int.class || type == Integer.class || type == long.class) {
            if (value instanceof Number n) {
                Long whole = whole(n);
                if (whole != null && (type == long.class || (whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE))) {
                    return type == long.class ? (Object) whole : (Object) whole.intValue();
                }
            }
        } else if (type == boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
        } else if (type == String.class) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
        } else if (type instanceof Class<?> c && c.isEnum()) {
            if (c.isInstance(value)) {
                return value;
            }
            if (value instanceof String text) {
                String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
                for (Object e : c.getEnumConstants()) {
                    if (Names.of((Enum<?>) e).equals(t)) {
                        return e;
                    }
                }
                List<String> allowed = Arrays.stream(c.getEnumConstants()).map(e -> Names.of((Enum<?>) e)).toList();
                throw new Refused(at, "found '" + Problem.excerpt(text) + "'; allowed: " + String.join(", ", allowed)
                        + Names.didYouMean(text, allowed));
            }
        } else if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                for (int k = 0; k < list.size(); k++) {
                    out.add(convert(list.get(k), pt.getActualTypeArguments()[0], at + "[" + k + "]"));
                }
                return List.copyOf(out);
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            if (c.isInstance(value)) {
                return value;
            }
            throw new Refused(at, "is a group of fields (" + String.join(", ", Binder.fieldNames(c))
                    + "); set one of them, for example " + at + "." + Binder.fieldNames(c).get(0));
        }
        throw new Refused(at, "expected " + Binder.expected(type) + ", found " + describe(value));
    }

    private static Long whole(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return (long) d;
        }
        return null;
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "'" + Problem.excerpt(s) + "' (text)";
        }
        if (v instanceof Number n) {
            return Problem.excerpt(n.toString()) + " (number)";
        }
        if (v instanceof Boolean b) {
            return b + " (true/false)";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return v.getClass().getSimpleName();
    }

    private static String prefix(List<Object> segments, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            Object s = segments.get(k);
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(s);
            }
        }
        return sb.toString();
    }
}
