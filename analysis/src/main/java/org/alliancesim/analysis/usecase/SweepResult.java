package org.alliancesim.analysis.usecase;

import java.nio.file.Path;

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
 */
public record SweepResult(Path folder, SweepRequest.Shard shard, int points, int ranNow, int failed, double seconds,
        double runsPerSecond) {}
