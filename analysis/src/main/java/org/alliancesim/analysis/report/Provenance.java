package org.alliancesim.analysis.report;

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
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
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
