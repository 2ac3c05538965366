package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.time.Instant;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.Scenario;

/**
 * Runs a scenario and reports, for each calibration target, the model's estimate with its 95% CI
 * and whether it lies in the published range. Reports, does not judge: a target out of range is a
 * result, not an error. When asked, writes validation.csv, summary.json, the retention chart beside
 * the published anchors, and report.html.
 */
public final class ValidateUseCase {

    private ValidateUseCase() {}

    /**
     * Runs the request.
     *
     * @throws BadRequestException if the output folder cannot take results (nothing has run)
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    public static ValidateResult execute(ValidateRequest request) throws IOException {
        Instant started = Instant.now();
        Output output = request.output() == null ? null : request.output().check();
        Scenario s = request.scenario();
        ExperimentResult r = Requests.run(() -> {
            ExperimentResult result = new ExperimentResult(s.model().run().sessionLimit());
            Experiment.run(s.model(), s.seed(), 0, s.replications(), request.threads(), false, result::add,
                    k -> request.progress().update(k + 1, s.replications(), ""));
            return result;
        });
        var rows = CalibrationReport.rows(request.targets(), r);
        if (output == null) {
            return new ValidateResult(s, request.targetsName(), r, rows, null);
        }
        try (ResultsFolder folder = ResultsFolder.open(output.dir(), output.force(), CalibrationReport.VALIDATE_FILES)) {
            CalibrationReport.writeValidation(folder, request.targets(), request.targetsName(), s, r,
                    Provenance.of(request.arguments(), started));
            folder.commit();
        }
        return new ValidateResult(s, request.targetsName(), r, rows, output.dir());
    }
}
