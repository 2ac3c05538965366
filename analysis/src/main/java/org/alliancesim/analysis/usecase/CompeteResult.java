package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.compete.Competition;
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
 */
public record CompeteResult(List<Competition.VariantRun> runs, List<Ranking.Place> ranking, SweepRequest.Shard shard,
        Path folder, double seconds) {

    /** Copies the lists. */
    public CompeteResult {
        runs = List.copyOf(runs);
        ranking = List.copyOf(ranking);
    }
}
