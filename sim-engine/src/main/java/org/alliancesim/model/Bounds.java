package org.alliancesim.model;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks record components against the bounds of their {@link Doc} annotations: the one place a
 * parameter's range is stated, read alike by the constructor check, the scenario schema and the docs.
 * A record's compact constructor makes one call, {@link #checkAll}, with its components in
 * declaration order; no component's name is written twice. Each record type's components are read
 * by reflection once and cached. Thread-safe.
 */
public final class Bounds {

    private static final ClassValue<Map<String, Doc>> DOCS = new ClassValue<>() {
        @Override
        protected Map<String, Doc> computeValue(Class<?> type) {
            Map<String, Doc> m = new HashMap<>();
            RecordComponent[] cs = type.getRecordComponents();
            if (cs != null) {
                for (RecordComponent c : cs) {
                    Doc d = c.getAnnotation(Doc.class);
                    if (d != null) {
                        m.put(c.getName(), d);
                    }
                }
            }
            return Map.copyOf(m);
        }
    };

    /** A component {@link #checkAll} checks: a number whose {@link Doc} states a bound. */
    private record Bounded(String name, Doc doc, Class<?> type) {}

    /** Per record type, its components in declaration order, null where nothing is bounded. */
    private static final ClassValue<Bounded[]> BOUNDED = new ClassValue<>() {
        @Override
        protected Bounded[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            if (cs == null) {
                throw new IllegalStateException(type.getName() + " is not a record");
            }
            Bounded[] out = new Bounded[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Doc d = cs[i].getAnnotation(Doc.class);
                Class<?> t = cs[i].getType();
                boolean number = t == double.class || t == int.class || t == long.class;
                if (number && d != null && (Double.isFinite(d.min()) || Double.isFinite(d.max()))) {
                    out[i] = new Bounded(cs[i].getName(), d, t);
                }
            }
            return out;
        }
    };

    private Bounds() {}

    /**
     * Refuses the first of a record's components, in declaration order, that is not finite or lies
     * outside the bounds its {@link Doc} states; components without a stated bound, and those that
     * are not numbers, are left to the constructor. Called once from a compact constructor with every
     * component, in declaration order: {@code Bounds.checkAll(Start.class, allianceMean, allianceSd, ...)}.
     *
     * @param values the record's components, one per component, in declaration order
     * @throws ParameterException naming the field, the value and the allowed range, as {@link #check}
     * @throws IllegalStateException when the values do not match the components in number or kind (a
     *     programming error)
     */
    public static void checkAll(Class<? extends Record> type, Object... values) {
        Bounded[] bs = BOUNDED.get(type);
        if (values.length != bs.length) {
            throw new IllegalStateException(type.getSimpleName() + " has " + bs.length + " components, "
                    + values.length + " values were given");
        }
        for (int i = 0; i < bs.length; i++) {
            Bounded b = bs[i];
            if (b == null) {
                continue;
            }
            Object v = values[i];
            if (b.type == double.class && v instanceof Double x) {
                check(b.name, b.doc, x);
            } else if (b.type == int.class && v instanceof Integer x) {
                check(b.name, b.doc, (long) x);
            } else if (b.type == long.class && v instanceof Long x) {
                check(b.name, b.doc, (long) x);
            } else {
                throw new IllegalStateException(type.getSimpleName() + "." + b.name + " is a " + b.type
                        + ", the value given in its place is " + (v == null ? "null" : v.getClass().getSimpleName()));
            }
        }
    }

    /**
     * Refuses {@code v} when it is not finite or lies outside the bounds of {@code type}'s component
     * {@code field}.
     *
     * @throws ParameterException naming the field, the value and the allowed range
     * @throws IllegalStateException when the component has no {@link Doc} (a programming error)
     */
    public static double check(Class<? extends Record> type, String field, double v) {
        return check(field, doc(type, field), v);
    }

    /** {@link #check(Class, String, double)} for whole-number components. */
    public static int check(Class<? extends Record> type, String field, int v) {
        check(field, doc(type, field), (long) v);
        return v;
    }

    /** {@link #check(Class, String, double)} for 64-bit whole-number components. */
    public static long check(Class<? extends Record> type, String field, long v) {
        return check(field, doc(type, field), v);
    }

    private static double check(String field, Doc d, double v) {
        if (!Double.isFinite(v) || !inside(d, v)) {
            throw new ParameterException(field, String.valueOf(v), allowed(d, false));
        }
        return v;
    }

    /** A whole number (int or long: both print alike, so the message is the same). */
    private static long check(String field, Doc d, long v) {
        if (!inside(d, v)) {
            throw new ParameterException(field, String.valueOf(v), allowed(d, true));
        }
        return v;
    }

    /** What the component's bounds allow, as messages and docs show it: {@code in (0.0, 1.0]}. */
    public static String allowed(Doc d, boolean whole) {
        boolean lo = Double.isFinite(d.min());
        boolean hi = Double.isFinite(d.max());
        if (lo && hi) {
            return "in " + (d.exclusiveMin() ? "(" : "[") + number(d.min(), whole) + ", " + number(d.max(), whole)
                    + (d.exclusiveMax() ? ")" : "]");
        }
        if (lo) {
            return "finite and " + (d.exclusiveMin() ? "> " : ">= ") + number(d.min(), whole);
        }
        if (hi) {
            return "finite and " + (d.exclusiveMax() ? "< " : "<= ") + number(d.max(), whole);
        }
        return "a finite number";
    }

    private static boolean inside(Doc d, double v) {
        boolean aboveMin = d.exclusiveMin() ? v > d.min() : v >= d.min();
        boolean belowMax = d.exclusiveMax() ? v < d.max() : v <= d.max();
        return aboveMin && belowMax;
    }

    private static String number(double x, boolean whole) {
        return whole ? String.valueOf((long) x) : String.valueOf(x);
    }

    private static Doc doc(Class<?> type, String field) {
        Doc d = DOCS.get(type).get(field);
        if (d == null) {
            throw new IllegalStateException(type.getSimpleName() + "." + field + " has no @Doc with its bounds");
        }
        return d;
    }
}
