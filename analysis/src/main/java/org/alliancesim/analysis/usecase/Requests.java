package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.util.List;
import org.alliancesim.model.ParameterException;

/** Checks and defaults shared by the requests, and the one way use cases call code that throws anything. */
final class Requests {

    /** Worker threads when a request does not say: every core. */
    static final int ALL_CORES = Runtime.getRuntime().availableProcessors();

    private Requests() {}

    /** @throws ParameterException unless {@code value} is given */
    static <T> T given(String field, T value) {
        if (value == null) {
            throw new ParameterException(field, null, "given");
        }
        return value;
    }

    /** @throws ParameterException unless {@code threads >= 1} */
    static int threads(int threads) {
        if (threads < 1) {
            throw new ParameterException("threads", String.valueOf(threads), "at least 1");
        }
        return threads;
    }

    /** The invocation arguments, copied; none (a library call) when null. */
    static List<String> arguments(List<String> arguments) {
        return arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** The progress callback; {@link Progress#NONE} when null. */
    static Progress progress(Progress progress) {
        return progress == null ? Progress.NONE : progress;
    }

    /**
     * Checks, before anything runs, that every scenario accepts every particle of {@code posterior}.
     *
     * @throws BadRequestException naming the posterior, the particle and the refused value
     */
    static void posterior(org.alliancesim.analysis.calibration.Posterior posterior,
            org.alliancesim.scenario.Scenario... scenarios) {
        if (posterior == null) {
            return;
        }
        for (org.alliancesim.scenario.Scenario s : scenarios) {
            try {
                posterior.check(s);
            } catch (org.alliancesim.scenario.ScenarioException e) {
                throw new BadRequestException(s.name() + " refuses a posterior particle: " + e.getMessage());
            }
        }
    }

    /** Work that may throw any exception (the experiment runner's sinks do). */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    /**
     * Runs {@code work}, passing on I/O and unchecked exceptions as they are and wrapping any other
     * (a replication's checked exception) as an internal error.
     */
    static <T> T run(Work<T> work) throws IOException {
        try {
            return work.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
