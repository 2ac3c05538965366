package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.report.SweepReport;

/**
 * What a sweep did.
 *
 * @param folder the results folder (points.csv, runs.csv, summary.json, report.html, charts/, manifest.json)
 * @param shard the part of the sweep the folder holds
 * @param points the shard's points
 * @param ranNow points run by this call (the others ran before it was interrupted)
 * @param failed points whose combination the model refused (recorded with their error in points.csv)
 * @param seconds wall-clock time of this call
 * @param runsPerSecond replications run per second by this call
 * @param effects an effect sweep's effects (effects.csv: per point that ran and metric, B - A with its
 *     95% interval); empty for a sweep of one scenario per point
 */
public record SweepResult(Path folder, SweepRequest.Shard shard, int points, int ranNow, int failed, double seconds,
        double runsPerSecond, List<SweepReport.Effect> effects) {

    /** Copies the effects. */
    public SweepResult {
        effects = List.copyOf(effects);
    }
}
