package org.alliancesim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotes in the documentation that are checked against the program (docs/testing.md, "Docs that
 * cannot drift"). A quote is a fenced block right after a marker line:
 *
 * <pre>
 * &lt;!-- drift: run default --out results/default | head 9 --&gt;        the block is the command's standard output
 * &lt;!-- drift-file: scenarios/hypotheses/example.yaml --&gt;            the block is the file
 * &lt;!-- drift-file: scenarios/targets/literature.yaml | excerpt --&gt;  the block is a run of the file's lines
 * </pre>
 *
 * <p>A command is what follows {@code alliancesim} on the command line (a leading {@code alliancesim}
 * or {@code bin/alliancesim} is dropped), split as a shell would split simple words ('single' and
 * "double" quotes). Options after {@code |}, separated by {@code |}: {@code head N} (compare the
 * first N lines of the output), {@code mask REGEX} (text the regular expression matches, such as a
 * wall time, is left out of the comparison on both sides; may be repeated), {@code exit N} (the exit
 * code expected, 0 unless given). A command quote's block may begin with a line {@code $ COMMAND}
 * (the command as a reader types it), which is not compared and is kept on rewriting. File quotes take {@code excerpt} (the block's lines must occur
 * one after another in the file) and {@code nocomments} (YAML {@code #} comments and blank lines
 * are left out on both sides, so a quote may annotate the file differently). Lines are compared
 * without trailing blanks.
 *
 * <p>This class only parses, compares and rewrites; {@link DocOutputsDriftTest} and
 * {@link DocFilesDriftTest} run it over the documentation.
 */
final class DocDrift {

    private static final Pattern MARKER = Pattern.compile("^<!--\\s*(drift|drift-file):\\s*(.*?)\\s*-->\\s*$");
    private static final String MASKED = "\u2026";

    private DocDrift() {}

    /** A marked quote: the document, the marker's line (1-based), what it says, and the block's lines. */
    record Quote(Path doc, int markerLine, boolean file, String target, List<String> options, int blockStart,
            List<String> block) {

        /** Where the quote is, for messages: {@code docs/cli.md:236}. */
        String where(Path root) {
            return root.relativize(doc) + ":" + markerLine;
        }

        /**
         * The block's lines that are compared: all of them, except a first line beginning with
         * {@code $ } in a command quote (the command as the reader would type it).
         */
        List<String> shown() {
            return prompt() ? block.subList(1, block.size()) : block;
        }

        /** The block's new lines in update mode: the output, after the prompt line if there is one. */
        List<String> updated(List<String> output) {
            List<String> out = new ArrayList<>();
            if (prompt()) {
                out.add(block.get(0));
            }
            out.addAll(output);
            return out;
        }

        private boolean prompt() {
            return !file && !block.isEmpty() && block.get(0).startsWith("$ ");
        }

        /** The value of option {@code name} ({@code head 9} gives "9"), or null. */
        String option(String name) {
            for (String o : options) {
                if (o.equals(name)) {
                    return "";
                }
                if (o.startsWith(name + " ")) {
                    return o.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        /** Every value of a repeatable option ({@code mask}). */
        List<String> all(String name) {
            List<String> out = new ArrayList<>();
            for (String o : options) {
                if (o.startsWith(name + " ")) {
                    out.add(o.substring(name.length() + 1).trim());
                }
            }
            return out;
        }
    }

    /** The quotes of one Markdown document, in order; a marker not followed by a fenced block is an error. */
    static List<Quote> quotes(Path doc) {
        List<String> lines = read(doc);
        List<Quote> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                throw new IllegalStateException(doc + ":" + (i + 1) + ": a drift marker must be followed by a fenced"
                        + " block (```) on the next line");
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            if (end >= lines.size()) {
                throw new IllegalStateException(doc + ":" + (i + 2) + ": the fenced block is not closed");
            }
            String[] parts = m.group(2).split("\\s+\\|\\s+");
            List<String> options = new ArrayList<>();
            for (int k = 1; k < parts.length; k++) {
                options.add(parts[k].trim());
            }
            out.add(new Quote(doc, i + 1, m.group(1).equals("drift-file"), parts[0].trim(), List.copyOf(options), i + 2,
                    List.copyOf(lines.subList(i + 2, end))));
        }
        return out;
    }

    /** The words of a command, split as a shell splits simple words; a leading (bin/)alliancesim is dropped. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("an unclosed quote in: " + command);
        }
        if (inWord) {
            out.add(w.toString());
        }
        if (!out.isEmpty() && (out.get(0).equals("alliancesim") || out.get(0).endsWith("/alliancesim"))) {
            out.remove(0);
        }
        return out;
    }

    /**
     * The lines the program's output must match: the output split into lines (trailing blanks and
     * a final empty line dropped), the first {@code head} of them when that option is given.
     */
    static List<String> expected(Quote q, String output) {
        List<String> lines = new ArrayList<>();
        for (String l : output.split("\n", -1)) {
            lines.add(stripEnd(l));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String head = q.option("head");
        if (head != null) {
            int n = Integer.parseInt(head);
            return List.copyOf(lines.subList(0, Math.min(n, lines.size())));
        }
        return List.copyOf(lines);
    }

    /**
     * Null when the quote's block shows {@code actual} (after the quote's masks), else a message
     * naming the first line that differs, with both versions.
     */
    static String compare(Quote q, List<String> actual) {
        List<String> shown = normalise(q, q.shown());
        List<String> real = normalise(q, actual);
        if (q.file() && q.option("excerpt") != null) {
            return java.util.Collections.indexOfSubList(real, shown) >= 0 ? null
                    : "the quoted lines do not occur one after another in " + q.target();
        }
        int n = Math.max(shown.size(), real.size());
        for (int i = 0; i < n; i++) {
            String a = i < shown.size() ? shown.get(i) : "(no line)";
            String b = i < real.size() ? real.get(i) : "(no line)";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " of the quote differs from the "
                        + (q.file() ? "file" : "program's output") + ":\n  doc:     " + a + "\n  program: " + b;
            }
        }
        return null;
    }

    private static List<String> normalise(Quote q, List<String> lines) {
        List<Pattern> masks = q.all("mask").stream().map(Pattern::compile).toList();
        boolean noComments = q.option("nocomments") != null;
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String s = l;
            if (noComments) {
                s = s.replaceAll("(^|\\s)#.*$", "");
            }
            for (Pattern p : masks) {
                s = p.matcher(s).replaceAll(MASKED);
            }
            s = stripEnd(s);
            if (!(noComments && s.isBlank())) {
                out.add(s);
            }
        }
        return out;
    }

    /** The document with each given quote's block replaced by its new lines (update mode). */
    static void rewrite(Path doc, List<Quote> quotes, List<List<String>> replacements) {
        List<String> lines = new ArrayList<>(read(doc));
        // From the last quote up, so that earlier line numbers stay right.
        for (int k = quotes.size() - 1; k >= 0; k--) {
            Quote q = quotes.get(k);
            List<String> region = lines.subList(q.blockStart(), q.blockStart() + q.block().size());
            region.clear();
            region.addAll(replacements.get(k));
        }
        try {
            Files.writeString(doc, String.join("\n", lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: the nearest directory up from the working directory that holds docs/ and pom.xml. */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("pom.xml")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no repository root (docs/ and pom.xml) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The documents whose quotes are checked (issue 30). */
    static List<Path> documents(Path root) {
        return List.of("README.md", "docs/cli.md", "docs/studies.md", "docs/hypotheses.md", "docs/calibration.md",
                "docs/sweeps.md").stream().map(root::resolve).toList();
    }

    /** Whether update mode is on ({@code -Ddrift.update=true}): quotes are rewritten instead of checked. */
    static boolean updating() {
        return Boolean.getBoolean("drift.update");
    }

    private static List<String> read(Path doc) {
        try {
            // Split keeping a final empty string, so that rewriting keeps the file's last newline.
            return List.of(Files.readString(doc, StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripEnd(String s) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }
}
