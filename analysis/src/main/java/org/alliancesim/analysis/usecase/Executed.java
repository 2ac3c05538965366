package org.alliancesim.analysis.usecase;

import java.util.List;

/**
 * A request that runs under an {@link Execution}: its threads, output, progress and arguments are
 * read and changed here once for every request, not copied into each.
 *
 * @param <R> the request type
 */
public interface Executed<R extends Executed<R>> {

    /** How the request runs. */
    Execution execution();

    /** A copy running under {@code how}. */
    R withExecution(Execution how);

    /** A copy on {@code n} worker threads (at least 1; results do not depend on it). */
    default R withThreads(int n) {
        return withExecution(execution().threads(n));
    }

    /** A copy writing its results folder to {@code folder} (null: no files). */
    default R withOutput(Output folder) {
        return withExecution(execution().output(folder));
    }

    /** A copy telling {@code callback} how far it is. */
    default R withProgress(Progress callback) {
        return withExecution(execution().progress(callback));
    }

    /** A copy recording {@code invocation} in the provenance of its results folder. */
    default R withArguments(List<String> invocation) {
        return withExecution(execution().arguments(invocation));
    }

    default int threads() {
        return execution().threads();
    }

    default Output output() {
        return execution().output();
    }

    default Progress progress() {
        return execution().progress();
    }

    default List<String> arguments() {
        return execution().arguments();
    }
}
