package org.alliancesim.analysis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs another program (Rscript, python3) for the tests that check alliancesim's numbers and files
 * against a reference implementation (tagged {@code interop} and {@code r}).
 */
public final class ExternalProgram {

    /**
     * What a program did.
     *
     * @param exitCode its exit code
     * @param output its standard output and standard error, interleaved
     */
    public record Result(int exitCode, String output) {}

    private ExternalProgram() {}

    /** Runs {@code command} in {@code cwd} and waits for it. */
    public static Result run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
