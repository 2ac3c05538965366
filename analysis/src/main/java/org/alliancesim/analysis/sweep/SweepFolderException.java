package org.alliancesim.analysis.sweep;

import java.nio.file.Path;

/**
 * A sweep folder (or the files a sweep reads) that cannot be trusted: a damaged or foreign
 * manifest, rows that do not belong to the design, rows missing or duplicated, or a base scenario
 * that changed. Bad input the user can fix (exit code 2): nothing has been written when it is thrown.
 */
public final class SweepFolderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file at fault. */
    private final transient Path file;
    /** 1-based line of {@link #file()}, 0 when the problem is not on one line. */
    private final int line;
    /** What was found and what is expected. */
    private final String problem;

    SweepFolderException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    SweepFolderException(Path file, String problem) {
        this(file, 0, problem);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    /** A value found in a file, as a message shows it: control characters as {@code ?}, at most 60 characters. */
    static String shown(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
