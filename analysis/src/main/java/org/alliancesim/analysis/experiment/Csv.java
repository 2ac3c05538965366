package org.alliancesim.analysis.experiment;

import java.math.BigDecimal;

/** Formatting for tidy CSV: fixed-point numbers (no exponents), empty for missing values. */
public final class Csv {

    /**
     * 2^33: from here on a double is spaced more than 1e-6 apart, so six decimals would invent
     * digits (and x * 1e6 below would lose them); such numbers are written as the shortest decimal
     * that reads back exactly.
     */
    private static final double LARGE = 0x1p33;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

    private Csv() {}

    /**
     * {@code x} with at most 6 decimals, trailing zeros dropped; "" for NaN; "Inf" and "-Inf";
     * never scientific notation. From 2^33 (about 8.6e9) in absolute value, where a double has no
     * sixth decimal, the plain decimal that reads back to exactly {@code x}, e.g. {@code 9000000000000}
     * for 9e12.
     */
    public static String num(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        StringBuilder sb = new StringBuilder(16);
        append(sb, x);
        return sb.toString();
    }

    /** Appends {@link #num(double)} of {@code x}. */
    public static StringBuilder append(StringBuilder sb, double x) {
        if (Double.isNaN(x)) {
            return sb;
        }
        if (Double.isInfinite(x)) {
            return sb.append(x > 0 ? "Inf" : "-Inf");
        }
        if (Math.abs(x) >= LARGE) {
            return appendExact(sb, x);
        }
        long scaled = Math.round(Math.abs(x) * 1_000_000);
        if (x < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / 1_000_000);
        long frac = scaled % 1_000_000;
        if (frac != 0) {
            // The six decimals without trailing zeros, written without allocating: drop the
            // trailing zeros, then pad with the leading zeros the shorter number lost.
            sb.append('.');
            int decimals = 6;
            while (frac % 10 == 0) {
                frac /= 10;
                decimals--;
            }
            for (long p = POWERS_OF_TEN[decimals - 1]; p > frac; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    /**
     * {@code x} with every digit a double holds: the decimal {@link Double#toString(double)} gives
     * (which reads back to exactly {@code x}), written out without an exponent, trailing zeros
     * dropped; "" for NaN, "Inf" and "-Inf" for infinities. For chart data that is checked to
     * 1e-9 against other programs.
     */
    public static String exact(double x) {
        return Double.isFinite(x) ? appendExact(new StringBuilder(24), x).toString() : num(x);
    }

    private static StringBuilder appendExact(StringBuilder sb, double x) {
        // Double.toString's digits (they read back exactly), written out without an exponent.
        return sb.append(x == 0 ? "0" : BigDecimal.valueOf(x).stripTrailingZeros().toPlainString());
    }

    /** Quotes a text field (RFC 4180) if it contains a comma, quote, line feed or carriage return. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
