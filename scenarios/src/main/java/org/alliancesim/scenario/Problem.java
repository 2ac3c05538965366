package org.alliancesim.scenario;

/**
 * One thing wrong with a scenario: where it is and what is wrong.
 *
 * @param file the file (or "--set", or "built-in defaults") the value came from
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path dotted path of the field, for example {@code families[1].conflict}; empty for the
 *     whole file
 * @param message what was found and what is allowed
 *
 * <p>{@link #toString()} is always one line: control characters (newlines, tabs, escape sequences)
 * and bidirectional-text controls from the input are shown escaped ({@code \n}, {@code \u001b}).
 */
public record Problem(String file, int line, int column, String path, String message) {

    /** {@code file:line:column: path: message}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return escape(sb.append(message).toString());
    }

    /** The most characters of a value from the input that a message quotes. */
    static final int EXCERPT = 60;

    /** A value from the input as a message quotes it: its first {@link #EXCERPT} characters. */
    static String excerpt(String s) {
        if (s.length() <= EXCERPT) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
        return s.substring(0, cut) + "... (" + s.length() + " characters)";
    }

    /**
     * A value from the user (an option's value, an argument, a file's text) as every message shows
     * it: its first {@link #EXCERPT} characters with control and bidirectional-text characters
     * escaped, so a value can neither forge further lines nor fill the screen. The one function for
     * echoed values (docs/security.md, "Arguments").
     */
    public static String shown(String s) {
        return s == null ? "null" : escape(excerpt(s));
    }

    /**
     * A whole message made one line: control and bidirectional-text characters escaped, and a line
     * longer than {@code 16 * EXCERPT} characters cut (a message quotes values through
     * {@link #shown}; this bounds what any forgotten path could reproduce).
     */
    public static String oneLine(String message) {
        String s = escape(String.valueOf(message));
        int max = 16 * EXCERPT;
        if (s.length() <= max) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, cut) + "... (" + s.length() + " characters)";
    }

    /** {@code s} with control and bidirectional-text characters written as escapes, so it stays one line. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || (c >= '\u2028' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
