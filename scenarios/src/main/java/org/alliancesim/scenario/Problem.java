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
        return sb.append(message).toString();
    }
}
