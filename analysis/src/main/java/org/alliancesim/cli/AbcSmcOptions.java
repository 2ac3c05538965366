package org.alliancesim.cli;

import java.util.List;
import org.alliancesim.analysis.usecase.AbcSmcArguments;
import org.alliancesim.analysis.usecase.AbcSmcRequest;
import picocli.CommandLine.Option;

/**
 * The ABC-SMC settings shared by {@code calibrate --method abc-smc} and {@code slurm --abc} (a
 * picocli mixin), so both take the same flags with the same defaults.
 */
final class AbcSmcOptions {

    @Option(names = "--population", paramLabel = "N", description = "abc-smc: particles (default: ${DEFAULT-VALUE};"
            + " at least 2 x the parameters).")
    int population = AbcSmcRequest.POPULATION;

    @Option(names = "--max-simulations", paramLabel = "N", description = "abc-smc: simulation budget (default:"
            + " ${DEFAULT-VALUE}).")
    long maxSimulations = AbcSmcRequest.MAX_SIMULATIONS;

    @Option(names = "--min-acceptance", paramLabel = "RATE", description = "abc-smc: stop after a generation"
            + " accepting fewer of its simulations (default: ${DEFAULT-VALUE}).")
    double minAcceptance = AbcSmcRequest.MIN_ACCEPTANCE;

    @Option(names = "--final-tolerance", paramLabel = "EPS", description = "abc-smc: stop after a generation whose"
            + " tolerance is at most this (default: ${DEFAULT-VALUE}: no such stop before an exact match).")
    double finalTolerance = 0;

    @Option(names = "--max-generations", paramLabel = "N", description = "abc-smc: most generations, generation 0"
            + " included (default: ${DEFAULT-VALUE}).")
    int maxGenerations = 50;

    /** The arguments of a run of {@code targets} with these settings and the command's own base, edits and size. */
    AbcSmcArguments arguments(String targets, String base, List<String> sets, Integer replications, Integer families) {
        return new AbcSmcArguments(targets, base, sets, population, maxSimulations, minAcceptance, finalTolerance,
                maxGenerations, replications, families);
    }
}
