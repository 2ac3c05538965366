package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.calibration.TargetEstimates;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.report.DataCheckReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.Scenario;

/**
 * Runs a scenario and reports, apart, the calibration set (each target of the targets file) and the
 * validation set (patterns never fitted): the model's estimate with its 95% CI over replications and
 * whether it lies in the published range. Reports, does not judge: a row out of range is a result,
 * not an error. When asked, writes calibration.csv, validation.csv, summary.json, the retention chart
 * beside the published anchors, and report.html.
 */
public final class ValidateUseCase {

    private ValidateUseCase() {}

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
    public record Result(Scenario scenario, String targetsName, ExperimentResult experiment,
            List<CalibrationReport.Row> rows, List<ValidationSet.Row> validation, Path folder,
            PosteriorPredictive.Patterns predictive) {

        /** Copies the rows. */
        public Result {
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

    /**
     * Runs the request.
     *
     * @throws BadRequestException if the output folder cannot take results (nothing has run)
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    public static Result execute(ValidateRequest request) throws IOException {
        Instant started = Instant.now();
        Requests.posterior(request.posterior(), request.scenario());
        Output output = request.output();
        try (ResultsFolder folder = output == null ? null : output.open(CalibrationReport.VALIDATE_FILES)) {
            return validate(request, folder, started);
        }
    }

    private static Result validate(ValidateRequest request, ResultsFolder folder, Instant started)
            throws IOException {
        Output output = request.output();
        Scenario s = request.scenario();
        ValidationSet patterns = new ValidationSet();
        ExperimentResult r = Requests.run(() -> {
            ExperimentResult result = new ExperimentResult(s.model().run().sessionLimit());
            // Session detail is on: the V-shaped trajectories of the validation set need it; no
            // families.csv is written, so no family rows are formatted.
            Experiment.run(ExperimentPlan.of(s).threads(request.threads())
                    .afterEach(k -> request.progress().update(k + 1, s.replications(), "")).build(), d -> {
                        result.add(d);
                        patterns.add(d);
                    });
            // The lowest and highest therapist rates: the same replications with source-like caseloads.
            patterns.runSourceCaseloads(s, 0, s.replications(), request.threads());
            return result;
        });
        var rows = CalibrationReport.rows(request.targets(), Requests.run(() -> TargetEstimates.of(
                request.targets().targets(), s, s.seed(), s.replications(), request.threads(), r)));
        var validation = patterns.rows(request.validation());
        PosteriorPredictive.Patterns predictive = request.posterior() == null ? null : Requests.run(() ->
                PosteriorPredictive.validate(request.posterior(), s, request.validation(), validation, request.draws(),
                        request.threads(), j -> request.progress().update(s.replications() + (long) j * s.replications(),
                                (1L + request.draws()) * s.replications(), "posterior draw " + j)));
        if (output == null) {
            return new Result(s, request.targetsName(), r, rows, validation, null, predictive);
        }
        CalibrationReport.writeValidation(folder, request.targets(), request.targetsName(), rows, validation, s, r,
                predictive, Provenance.of(request.arguments(), started));
        folder.commit();
        return new Result(s, request.targetsName(), r, rows, validation, output.dir(), predictive);
    }

    /**
     * {@code validate --data DIR}: the summaries of a study's own data beside {@code request}'s
     * scenario's virtual studies of the same design (replications 0 to reps - 1 of the scenario's
     * seed), each in the model's 95% predictive interval or not (docs/fitting-your-data.md). With an
     * output folder, writes data-check.csv and summary.json there (aggregates only). The targets and
     * validation set of the request are not used.
     *
     * @throws BadRequestException if the output folder cannot take results (nothing has run)
     * @throws IOException if writing fails (no result file is left half-written)
     */
    public static List<DataEvidence.Check> data(ValidateRequest request, DataEvidence data) throws IOException {
        Instant started = Instant.now();
        Scenario s = request.scenario();
        Output output = request.output();
        try (ResultsFolder folder = output == null ? null : output.open(DataCheckReport.FILES)) {
            List<DataEvidence.Check> checks = Requests.run(() -> data.check(s, s.seed(), s.replications(),
                    request.threads()));
            if (folder != null) {
                DataCheckReport.write(folder, checks, data.data().families(), data.data().therapists(),
                        s.replications(), s, Provenance.of(request.arguments(), started));
                folder.commit();
            }
            return checks;
        }
    }
}
