package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.Scenario;

/**
 * A scenario held against calibration targets.
 *
 * @param scenario the scenario as run
 * @param targetsName the targets' name
 * @param experiment the run
 * @param rows the calibration set, one per target: the published range, the model's estimate with its
 *     95% CI, in range or not
 * @param validation the validation set, one row per pattern, likewise
 * @param folder the results folder written, or null when none was asked for
 * @param predictive the validation set's posterior predictive distributions, or null without --posterior
 */
public record ValidateResult(Scenario scenario, String targetsName, ExperimentResult experiment,
        List<CalibrationReport.Row> rows, List<ValidationSet.Row> validation, Path folder,
        PosteriorPredictive.Patterns predictive) {

    /** Copies the rows. */
    public ValidateResult {
        rows = List.copyOf(rows);
        validation = List.copyOf(validation);
    }

    /** Patterns of the validation set whose estimate lies in the published range. */
    public long validationInRange() {
        return validation.stream().filter(ValidationSet.Row::inRange).count();
    }

    /** Targets whose estimate lies in the published range. */
    public long inRange() {
        return rows.stream().filter(CalibrationReport.Row::inRange).count();
    }
}
