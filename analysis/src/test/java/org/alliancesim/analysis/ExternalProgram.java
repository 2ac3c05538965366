package org.alliancesim.analysis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /**
     * Writes {@code script} to {@code dir/name}, runs it with Rscript in {@code dir}, prints its output
     * after {@code label} and returns what it did.
     */
    public static Result rscript(Path dir, String name, String script, String label) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, script);
        Result r = run(dir, "Rscript", file.toString());
        System.out.println(label + ": " + r.output().trim());
        return r;
    }
}
