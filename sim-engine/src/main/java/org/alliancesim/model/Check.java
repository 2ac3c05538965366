package org.alliancesim.model;

/**
 * Argument checks for the parameter records; each throws a {@link ParameterException} naming the field
 * and what is allowed. The bounds of components come from their {@link Doc}: a record checks all of
 * its bounded components with one call, {@link Bounds#checkAll}; {@link #bounded} is the
 * single-component form of the same check.
 */
final class Check {

    private Check() {}

    static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new ParameterException(field, String.valueOf(v), "a finite number");
        }
        return v;
    }

    /** The bounds of {@code type}'s component {@code field}, from its {@link Doc}: see {@link Bounds}. */
    static double bounded(Class<? extends Record> type, String field, double v) {
        return Bounds.check(type, field, v);
    }

    static int bounded(Class<? extends Record> type, String field, int v) {
        return Bounds.check(type, field, v);
    }

    static double range(String field, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new ParameterException(field, String.valueOf(v), "in [" + min + ", " + max + "]");
        }
        return v;
    }

    static double atLeast(String field, double v, double min) {
        if (!(v >= min) || Double.isInfinite(v)) {
            throw new ParameterException(field, String.valueOf(v), "finite and >= " + min);
        }
        return v;
    }

    static double positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ParameterException(field, String.valueOf(v), "finite and > 0");
        }
        return v;
    }

    static int range(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ParameterException(field, String.valueOf(v), "in [" + min + ", " + max + "]");
        }
        return v;
    }

    static <T> T present(String field, T v) {
        if (v == null) {
            throw new ParameterException(field, null, "given");
        }
        return v;
    }
}
