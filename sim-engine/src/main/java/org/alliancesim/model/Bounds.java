package org.alliancesim.model;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a record component against the bounds of its {@link Doc} annotation: the one place a
 * parameter's range is stated, read alike by the constructor check, the scenario schema and the docs.
 * Thread-safe.
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

    private Bounds() {}

    /**
     * Refuses {@code v} when it is not finite or lies outside the bounds of {@code type}'s component
     * {@code field}.
     *
     * @throws ParameterException naming the field, the value and the allowed range
     * @throws IllegalStateException when the component has no {@link Doc} (a programming error)
     */
    public static double check(Class<? extends Record> type, String field, double v) {
        Doc d = doc(type, field);
        if (!Double.isFinite(v) || !inside(d, v)) {
            throw new ParameterException(field, String.valueOf(v), allowed(d, false));
        }
        return v;
    }

    /** {@link #check(Class, String, double)} for whole-number components. */
    public static int check(Class<? extends Record> type, String field, int v) {
        Doc d = doc(type, field);
        if (!inside(d, v)) {
            throw new ParameterException(field, String.valueOf(v), allowed(d, true));
        }
        return v;
    }

    /** {@link #check(Class, String, double)} for 64-bit whole-number components. */
    public static long check(Class<? extends Record> type, String field, long v) {
        Doc d = doc(type, field);
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
