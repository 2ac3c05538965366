package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.DataEvidence;

/**
 * How {@code compete --method abc-smc} computes the variants' model probabilities, and, with
 * {@code planted}, the power to tell them apart (docs/hypotheses.md, "Model probabilities").
 *
 * @param population particles of the joint population (all variants together)
 * @param maxSimulations simulation budget of each selection
 * @param minAcceptance stop after a generation accepting fewer of its simulations, in [0, 1)
 * @param maxGenerations most generations, counting generation 0
 * @param replications replications per simulation, or null for the hypotheses file's
 * @param families families per replication of a simulation, or null for the hypotheses file's
 * @param repeats K selections on different seeds (the Monte Carlo error), 1 to 100
 * @param draws posterior predictive draws per variant, 1 to 10,000
 * @param drawReplications validation replications per draw (and of the median scenario's rows), 2 to 10,000
 * @param planted the variant the data are planted from, or null for the calibration set's evidence
 * @param sizes study sizes (families) of the planted datasets, each 10 to 1,000,000
 * @param datasets planted datasets per size, 1 to 10,000
 * @param data a study's own data as the evidence instead of the calibration set ({@code --data DIR},
 *     docs/fitting-your-data.md), or null: each simulation is one virtual study of the data's design
 */
public record CompeteModelChoice(int population, long maxSimulations, double minAcceptance, int maxGenerations,
        Integer replications, Integer families, int repeats, int draws, int drawReplications, String planted,
        List<Integer> sizes, int datasets, DataEvidence data) {

    /** Particles unless told otherwise. */
    public static final int POPULATION = 200;
    /** Simulation budget unless told otherwise. */
    public static final long MAX_SIMULATIONS = 2000;
    /** Most generations unless told otherwise. */
    public static final int MAX_GENERATIONS = 8;
    /** Repeats unless told otherwise. */
    public static final int REPEATS = 3;
    /** Posterior predictive draws unless told otherwise. */
    public static final int DRAWS = 20;
    /** Replications per draw unless told otherwise. */
    public static final int DRAW_REPLICATIONS = 4;
    /** Planted datasets per size unless told otherwise. */
    public static final int DATASETS = 20;

    /**
     * Validates the ranges.
     *
     * @throws BadRequestException naming the option, what was found and what is allowed
     */
    public CompeteModelChoice {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        check(population >= 4 && population <= 1_000_000, "--population " + population + ": allowed 4 to 1000000");
        check(maxSimulations >= population && maxSimulations <= 100_000_000L, "--max-simulations " + maxSimulations
                + ": allowed the population (" + population + ") to 100000000");
        check(minAcceptance >= 0 && minAcceptance < 1, "--min-acceptance " + minAcceptance + ": allowed [0, 1)");
        check(maxGenerations >= 1 && maxGenerations <= 1000, "--max-generations " + maxGenerations + ": allowed 1 to 1000");
        check(replications == null || (replications >= 1 && replications <= 1000), "--replications " + replications
                + ": allowed 1 to 1000");
        check(families == null || (families >= 10 && families <= 1_000_000), "--families " + families
                + ": allowed 10 to 1000000");
        check(repeats >= 1 && repeats <= 100, "--repeats " + repeats + ": allowed 1 to 100");
        check(draws >= 1 && draws <= 10_000, "--draws " + draws + ": allowed 1 to 10000");
        check(drawReplications >= 2 && drawReplications <= 10_000, "--draw-replications " + drawReplications
                + ": allowed 2 to 10000");
        check(datasets >= 1 && datasets <= 10_000, "--datasets " + datasets + ": allowed 1 to 10000");
        for (int n : sizes) {
            check(n >= 10 && n <= 1_000_000, "--sizes: " + n + " families: allowed 10 to 1000000 each");
        }
        check(sizes.stream().distinct().count() == sizes.size(), "--sizes " + sizes + ": a size given twice");
        check(planted == null || !sizes.isEmpty(), "--planted " + planted + " needs --sizes (study sizes, families)");
        check(planted != null || sizes.isEmpty(), "--sizes needs --planted VARIANT (the variant the data come from)");
        check(data == null || planted == null, "--data and --planted: planted power simulates its own data; give one");
        check(data == null || (replications == null && families == null), "--data simulates one virtual study of the"
                + " data's own size per particle; leave out --replications and --families");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new BadRequestException(message);
        }
    }

    /** The defaults: no planted data. */
    public static CompeteModelChoice of() {
        return new CompeteModelChoice(POPULATION, MAX_SIMULATIONS, 0.02, MAX_GENERATIONS, null, null, REPEATS, DRAWS,
                DRAW_REPLICATIONS, null, List.of(), DATASETS, null);
    }

    /** The ABC settings on {@code seed} and {@code threads} (alpha 0.5, no final tolerance, adaptive distance). */
    public AbcSmc.Settings settings(long seed, int threads) {
        return new AbcSmc.Settings(population, 0.5, minAcceptance, 0, maxSimulations, maxGenerations, true, seed,
                threads);
    }
}
