package org.alliancesim.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The --threads option shared by the commands that run replications (a picocli mixin). The count is
 * checked when the option is read, so every command refuses it the same way before anything runs.
 */
final class ThreadsOption {

    /**
     * The most worker threads a command starts: 256, or the machine's cores if it has more. Results do
     * not depend on the count, so more threads than cores only cost memory and start-up; a bound keeps
     * a typo ({@code --threads 100000}) from starting thousands of threads (docs/cli.md).
     */
    static final int MAX = Math.max(256, Runtime.getRuntime().availableProcessors());

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1 to 256 (or the number of cores, if more); results do not depend on it"
                    + " (default: all cores).")
    void threads(int t) {
        if (t < 1 || t > MAX) {
            throw new ParameterException(command.commandLine(), "--threads must be a whole number from 1 to " + MAX
                    + ", was " + t);
        }
        threads = t;
    }

    /** The thread count, checked when it was given. */
    int get() {
        return threads;
    }
}
