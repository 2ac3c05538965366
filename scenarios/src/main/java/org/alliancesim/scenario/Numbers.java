package org.alliancesim.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * How every number the user writes is read: in scenario, sweep, targets, hypotheses and study files,
 * in {@code --set} values, in option values and in the classroom's query parameters (docs/security.md,
 * "Arguments"). One way only: plain decimal, an optional sign, digits, an optional point and
 * exponent ({@code 400}, {@code -0.25}, {@code 1e-3}, {@code .5}). Refused, because readers disagree on
 * them: a leading zero ({@code 050}: octal 40 in YAML 1.1, which Jackson's YAML reader applies even
 * under {@code %YAML 1.2}), underscores ({@code 0_5}: 5 in YAML 1.1), other bases ({@code 0x1F},
 * {@code 0o17}, {@code 0b11}), sexagesimal ({@code 1:30}), {@code .inf} and {@code .nan}, Java's
 * {@code 1.5d} or {@code NaN}, and digits other than ASCII.
 *
 * <p>Thread-safe: stateless.
 */
public final class Numbers {

    /** A plain decimal number: what {@link #isDecimal} accepts. */
    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");

    /** A plain decimal whole number. */
    private static final Pattern WHOLE = Pattern.compile("[-+]?(?:0|[1-9][0-9]*)");

    /** What a number may look like, as messages say it. */
    public static final String RULE = "numbers are written in plain decimal (like 50, -0.25 or 1e-3; no leading"
            + " zeros, '_', 0x/0o/0b prefixes, .inf or .nan)";

    private Numbers() {}

    /** Whether {@code text} is a plain decimal number. */
    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /**
     * The problem with {@code text} as a number, or null when it is a plain decimal number: what was
     * found, as written, and the rule.
     */
    public static String refusal(String text) {
        return isDecimal(text) ? null : "found '" + Problem.shown(String.valueOf(text)) + "'; " + RULE;
    }

    /**
     * Reads a plain decimal number: a Long when it is written without point or exponent and fits,
     * a BigInteger when it does not fit, else a Double.
     *
     * @throws NumberFormatException with {@link #refusal}'s message for anything else
     */
    public static Number parse(String text) {
        String why = refusal(text);
        if (why != null) {
            throw new NumberFormatException(why);
        }
        if (WHOLE.matcher(text).matches()) {
            BigInteger b = new BigInteger(text);
            return b.bitLength() < 64 ? (Number) b.longValue() : b;
        }
        return Double.parseDouble(text);
    }

    /**
     * Reads a plain decimal whole number in {@code [min, max]}; a number with a point or exponent is
     * taken when its value is whole ({@code 1e3}, {@code 400.0}), a fraction is refused.
     *
     * @param name how a message names the value (an option such as {@code --reps})
     * @throws NumberFormatException saying what was found and what is allowed
     */
    public static long wholeNumber(String name, String text, long min, long max) {
        String range = name + " must be a whole number from " + min + " to " + max;
        if (!isDecimal(text)) {
            throw new NumberFormatException(range + ", " + refusal(text));
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            if (d.scale() > 0) {
                d = d.stripTrailingZeros();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NumberFormatException(range + ", was '" + Problem.shown(text) + "'");
        }
        if (d.scale() > 0) {
            throw new NumberFormatException(range + "; found the fraction '" + Problem.shown(text) + "'");
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new NumberFormatException(range + ", was '" + Problem.shown(text) + "'");
        }
        return d.longValueExact();
    }

    /**
     * Reads a plain decimal number as a finite double.
     *
     * @throws NumberFormatException saying what was found and what is allowed
     */
    public static double number(String name, String text) {
        if (!isDecimal(text)) {
            throw new NumberFormatException(name + " must be a number, " + refusal(text));
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(name + " must be a finite number, was '" + Problem.shown(text) + "'");
        }
        return v;
    }
}
