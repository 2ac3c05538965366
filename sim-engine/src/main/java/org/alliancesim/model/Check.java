package org.alliancesim.model;

/** Argument checks for the parameter records; messages name the field and the allowed range. */
final class Check {

    private Check() {}

    static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + v);
        }
        return v;
    }

    static double range(String field, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    static double atLeast(String field, double v, double min) {
        if (!(v >= min) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and >= " + min + ", was " + v);
        }
        return v;
    }

    static double positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be finite and > 0, was " + v);
        }
        return v;
    }

    static int range(String field, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + v);
        }
        return v;
    }

    static <T> T present(String field, T v) {
        if (v == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        return v;
    }
}
