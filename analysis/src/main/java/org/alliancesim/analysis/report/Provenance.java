package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Where a result came from.
 *
 * @param version program version
 * @param arguments the command's arguments that can change results (options that cannot, such as
 *     --threads, --quiet, --force and --out, are left out so that folders from different thread
 *     counts are byte-identical apart from the timestamps)
 * @param started when the run started
 * @param finished when it finished
 */
public record Provenance(String version, List<String> arguments, Instant started, Instant finished) {

    /** Options whose values never change results, dropped from the recorded command line. */
    private static final List<String> NEUTRAL_WITH_VALUE = List.of("--threads", "--out");
    private static final List<String> NEUTRAL_FLAGS = List.of("--quiet", "--force", "--resume");

    /**
     * The provenance of a use case that started at {@code started} and finishes now.
     *
     * @param invocation the arguments it was invoked with (the command line's), filtered with
     *     {@link #resultArguments}; empty for a library call
     */
    public static Provenance of(List<String> invocation, Instant started) {
        return new Provenance(programVersion(), resultArguments(invocation), started, Instant.now());
    }

    /** The program version, as built (Maven filters it into version.properties), or "unknown". */
    public static String programVersion() {
        return build().version();
    }

    /**
     * What the program was built from.
     *
     * @param version the release version (the parent pom's {@code revision}), or "unknown"
     * @param commit the full git commit id, or "unknown" (built outside a git work tree, or without git)
     * @param clean "true" when the work tree had no changes git does not ignore, "false" when it had,
     *     "unknown" when there was no work tree to ask
     */
    public record Build(String version, String commit, String clean) {

        /** "commit ID (clean work tree)", or the state it was in, or why it is unknown. */
        public String commitLine() {
            if (UNKNOWN.equals(commit)) {
                return "commit unknown (built outside a git work tree)";
            }
            return "commit " + commit + " (" + ("true".equals(clean) ? "clean work tree"
                    : "false".equals(clean) ? "work tree with uncommitted changes" : "work tree state unknown") + ")";
        }

        /** One line: "0.3.0, commit 4ac0ab5f... (clean work tree)". */
        public String describe() {
            return version + ", " + commitLine();
        }

        /** The version, the commit and whether the tree was clean, as provenance fields of summary.json. */
        public void putInto(ObjectNode provenance) {
            provenance.put("version", version);
            provenance.put("commit", commit);
            if ("true".equals(clean) || "false".equals(clean)) {
                provenance.put("clean", Boolean.parseBoolean(clean));
            } else {
                provenance.putNull("clean");
            }
        }
    }

    private static final String UNKNOWN = "unknown";
    private static volatile Build build;

    /** The build this program is: version.properties (filtered by Maven) and build.properties (git-info.sh). */
    public static Build build() {
        Build b = build;
        if (b == null) {
            Properties version = load("version.properties");
            Properties git = load("build.properties");
            b = new Build(known(version.getProperty("version")), known(git.getProperty("commit")),
                    known(git.getProperty("clean")));
            build = b;
        }
        return b;
    }

    /** A value Maven filled in, or "unknown" (missing, empty, or a placeholder left unfiltered). */
    static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.strip();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            p.clear();
        }
        return p;
    }

    /** The arguments without the options that cannot change results. */
    public static List<String> resultArguments(List<String> args) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (NEUTRAL_FLAGS.contains(a)) {
                continue;
            }
            if (NEUTRAL_WITH_VALUE.contains(name)) {
                if (!a.contains("=")) {
                    i++;
                }
                continue;
            }
            out.add(a);
        }
        return List.copyOf(out);
    }
}
