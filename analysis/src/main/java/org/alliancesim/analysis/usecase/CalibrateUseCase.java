package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.Identifiability;
import org.alliancesim.analysis.calibration.TargetEstimates;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.report.IdentifiabilityReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;

/**
 * Fits the targets' parameters by the method of simulated moments ({@link Calibration}), then runs
 * the fitted scenario on a fresh seed (the targets' seed + 1) for the fit table, so the fit is not
 * judged on the numbers it was tuned on. When asked, writes fitted.yaml (extends the base), fit.csv,
 * trace.csv, summary.json, charts and report.html (docs/calibration.md).
 */
public final class CalibrateUseCase {

    private CalibrateUseCase() {}

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
    public record Result(CalibrationSpec targets, String targetsName, Scenario base, Calibration.Fit fit,
            Scenario fitted, ExperimentResult check, List<CalibrationReport.Row> rows, Path folder) {

        /** Copies the rows. */
        public Result {
            rows = List.copyOf(rows);
        }

        /** Targets whose check-run estimate lies in the published range. */
        public long inRange() {
            return rows.stream().filter(CalibrationReport.Row::inRange).count();
        }
    }

    /**
     * Runs the request. Before anything runs: every parameter path must name a number in the base,
     * the middle of the bounds must be a point the model accepts, and the output folder must take results.
     *
     * @throws ScenarioException for an unknown path, or a bound the model refuses
     * @throws BadRequestException for targets without parameters, a path that is not a number, or
     *     an output folder that cannot take results
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    public static Result execute(CalibrateRequest request) throws IOException, ScenarioException {
        Instant started = Instant.now();
        CalibrationSpec spec = request.targets();
        Calibration calibration = calibration(spec, request.base(), request.targetsName());
        Output output = request.output();
        try (ResultsFolder folder = output == null ? null : output.open(CalibrationReport.CALIBRATE_FILES)) {
            return calibrate(request, spec, calibration, folder, started);
        }
    }

    private static Result calibrate(CalibrateRequest request, CalibrationSpec spec, Calibration calibration,
            ResultsFolder folder, Instant started) throws IOException, ScenarioException {
        Output output = request.output();
        Calibration.Fit fit = calibration.fit(request.threads(), e -> request.progress().update(e.index(),
                spec.maxEvaluations(), String.format(Locale.ROOT, "best distance %.4f", e.best())));
        Scenario fitted = calibration.scenario(fit.best()).withSeed(spec.seed() + 1)
                .withReplications(request.checkReplications());
        ExperimentResult check = Requests.run(() -> Experiment.run(ExperimentPlan.of(fitted)
                .threads(request.threads()).build()));
        var rows = CalibrationReport.rows(spec, Requests.run(() -> TargetEstimates.of(spec.targets(), fitted,
                fitted.seed(), fitted.replications(), request.threads(), check)));
        if (folder != null) {
            CalibrationReport.writeCalibration(folder, calibration, request.targetsName(), request.base(),
                    request.startEdits(),
                    fit, fitted, check, rows, Provenance.of(request.arguments(), started));
            folder.commit();
        }
        return new Result(spec, request.targetsName(), request.base(), fit, fitted, check, rows,
                output == null ? null : output.dir());
    }

    /**
     * Identifiability at the request's base (for the default scenario and {@code literature}, the
     * fitted point): {@link Identifiability#at} on the targets' seed, replications and families; no fit,
     * no check run. When asked, writes identifiability.csv, identifiability-directions.csv,
     * summary.json and report.html.
     *
     * @throws ScenarioException for an unknown path, or a point the model refuses
     * @throws BadRequestException for targets without parameters, a path that is not a number, or
     *     an output folder that cannot take results
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    public static Identifiability identifiability(CalibrateRequest request) throws IOException, ScenarioException {
        Instant started = Instant.now();
        Calibration calibration = calibration(request.targets(), request.base(), request.targetsName());
        Output output = request.output();
        try (ResultsFolder folder = output == null ? null : output.open(IdentifiabilityReport.FILES)) {
            Identifiability a = Identifiability.at(calibration, calibration.start(), request.threads());
            if (folder != null) {
                IdentifiabilityReport.write(folder, a, request.targets(), request.targetsName(),
                        calibration.scenario(calibration.start()), Provenance.of(request.arguments(), started));
                folder.commit();
            }
            return a;
        }
    }

    /**
     * {@link Calibration#of}, its refusals of the targets (no parameters, a path that is not a
     * number) as bad requests naming {@code targetsName}.
     */
    static Calibration calibration(CalibrationSpec spec, Scenario base, String targetsName) throws ScenarioException {
        try {
            return Calibration.of(spec, base);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(targetsName + ": " + e.getMessage());
        }
    }
}
