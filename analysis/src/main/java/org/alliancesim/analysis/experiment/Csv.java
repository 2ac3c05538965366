package org.alliancesim.analysis.experiment;

/** Formatting for tidy CSV: fixed-point numbers (no exponents), empty for missing values. */
public final class Csv {

    private Csv() {}

    /** {@code x} with at most 6 decimals, trailing zeros dropped; "" for NaN; never scientific notation. */
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
        if (Double.isInfinite(x) || Math.abs(x) >= 9e12) {
            return sb.append(x > 0 && Double.isInfinite(x) ? "Inf" : Double.isInfinite(x) ? "-Inf" : String.valueOf(x));
        }
        long scaled = Math.round(Math.abs(x) * 1_000_000);
        if (x < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / 1_000_000);
        long frac = scaled % 1_000_000;
        if (frac != 0) {
            sb.append('.');
            String digits = Long.toString(frac + 1_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(digits, 0, end);
        }
        return sb;
    }

    /** Quotes a text field if it contains a comma, quote or newline. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
