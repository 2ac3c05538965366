package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;

/**
 * A calibration's outcome.
 *
 * @param targets the targets as fitted (with the request's base name and budget)
 * @param targetsName the targets' name
 * @param base the scenario the fit started from
 * @param fit start and best parameter values (in the targets' parameter order), the best distance,
 *     and every evaluation
 * @param fitted the base with the fitted values, set up for the check run (seed + 1, the check's
 *     replications)
 * @param check the check run of the fitted scenario on a seed the fit never saw
 * @param rows the fit table from the check run: one row per target
 * @param folder the results folder written, or null when none was asked for
 */
public record CalibrateResult(CalibrationSpec targets, String targetsName, Scenario base, Calibration.Fit fit,
        Scenario fitted, ExperimentResult check, List<CalibrationReport.Row> rows, Path folder) {

    /** Copies the rows. */
    public CalibrateResult {
        rows = List.copyOf(rows);
    }

    /** Targets whose check-run estimate lies in the published range. */
    public long inRange() {
        return rows.stream().filter(CalibrationReport.Row::inRange).count();
    }
}
