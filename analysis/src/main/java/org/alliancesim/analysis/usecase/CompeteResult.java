package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.compete.Competition;
import org.alliancesim.analysis.compete.ModelProbabilities;
import org.alliancesim.analysis.compete.PlantedPower;
import org.alliancesim.analysis.compete.Ranking;

/**
 * What a competition found.
 *
 * @param runs the variants run (all, or the shard's), in the file's order: fit, fitted scenario,
 *     validation run and rows
 * @param ranking the variants run, ranked ({@link Ranking}); for a shard, among its own variants only
 *     (the merge ranks them all)
 * @param shard which variants ran
 * @param folder the results folder written, or null when none was asked for
 * @param seconds wall-clock time of the runs
 * @param probabilities the variants' model probabilities (--method abc-smc), or null
 * @param planted the planted power study (--planted), or null (then runs and ranking are empty)
 */
public record CompeteResult(List<Competition.VariantRun> runs, List<Ranking.Place> ranking, SweepRequest.Shard shard,
        Path folder, double seconds, ModelProbabilities.Outcome probabilities, PlantedPower.Outcome planted) {

    /** Copies the lists. */
    public CompeteResult {
        runs = List.copyOf(runs);
        ranking = List.copyOf(ranking);
    }

    /** A ranking without model probabilities. */
    public CompeteResult(List<Competition.VariantRun> runs, List<Ranking.Place> ranking, SweepRequest.Shard shard,
            Path folder, double seconds) {
        this(runs, ranking, shard, folder, seconds, null, null);
    }
}
