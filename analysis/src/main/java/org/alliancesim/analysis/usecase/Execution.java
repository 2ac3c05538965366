package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.model.ParameterException;

/**
 * How a use case runs, whatever it runs: the same four choices for every request that simulates
 * (run, compare, validate, calibrate, abc, compete, study, sweep). A request carries one
 * ({@link Executed#execution()}) and is changed through {@link Executed}'s {@code withThreads},
 * {@code withOutput}, {@code withProgress} and {@code withArguments}.
 *
 * @param threads worker threads, at least 1; results do not depend on it
 * @param output the results folder, or null to write no files (the numbers are in the result)
 * @param progress told as the work advances; {@link Progress#NONE} when null
 * @param arguments the invocation's arguments, recorded in the provenance (empty for a library call)
 */
public record Execution(int threads, Output output, Progress progress, List<String> arguments) {

    /** Every core, no files, no progress, no arguments: what a request starts with. */
    public static final Execution DEFAULT = new Execution(Requests.ALL_CORES, null, null, null);

    /** @throws ParameterException for threads below 1 */
    public Execution {
        Requests.threads(threads);
        progress = progress == null ? Progress.NONE : progress;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    Execution threads(int n) {
        return new Execution(n, output, progress, arguments);
    }

    Execution output(Output folder) {
        return new Execution(threads, folder, progress, arguments);
    }

    Execution progress(Progress callback) {
        return new Execution(threads, output, callback, arguments);
    }

    Execution arguments(List<String> invocation) {
        return new Execution(threads, output, progress, invocation);
    }
}
