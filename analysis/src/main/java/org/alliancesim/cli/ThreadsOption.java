package org.alliancesim.cli;

import picocli.CommandLine.Option;

/** The --threads option shared by the commands that run replications (a picocli mixin). */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, >= 1; results do not depend on it (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The thread count, checked. */
    int get() {
        if (threads < 1) {
            throw new BadInputException("--threads must be at least 1, was " + threads);
        }
        return threads;
    }
}
