package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.report.StudyReport;
import org.alliancesim.analysis.study.StudyAnalysis;
import org.alliancesim.analysis.study.StudyFamily;
import org.alliancesim.analysis.study.StudyPower;
import org.alliancesim.analysis.study.StudyStatistic;
import org.alliancesim.analysis.study.VirtualStudy;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.StudySpec;

/**
 * Runs a virtual study (docs/studies.md): draws the design's sample (replication 0 of the design's
 * seed), analyses it ({@link StudyAnalysis}), and, when sizes are given, estimates each effect's
 * power by simulation ({@link StudyPower}). Writes measures.csv, study.csv, results.csv, power.csv
 * and the power curve, summary.json and report.html when an output folder is given.
 */
public final class StudyUseCase {

    private StudyUseCase() {}

    /**
     * What a virtual study found.
     *
     * @param sample the study's sample: a row per family that started, and its measures
     * @param statistics the analyses, observed beside latent ({@link org.alliancesim.analysis.study.StudyAnalysis})
     * @param therapists therapists the sample's families met
     * @param power the power analysis' points, effect by effect; empty when none was asked for
     * @param folder the results folder written, or null when none was asked for
     * @param seconds wall-clock time of the sample and the power analysis
     */
    public record Result(VirtualStudy.Sample sample, List<StudyStatistic> statistics, int therapists,
            List<StudyPower.Point> power, Path folder, double seconds) {

        /** Copies the lists. */
        public Result {
            statistics = List.copyOf(statistics);
            power = List.copyOf(power);
        }
    }

    /**
     * Runs the request. Before anything runs, the output folder is checked.
     *
     * @throws ScenarioException if the scenario refuses the design's edits (a size no request accepts)
     * @throws BadRequestException for an output folder that cannot take results; nothing written
     * @throws IOException if writing fails (no result file is left half-written)
     */
    public static Result execute(StudyRequest request) throws IOException, ScenarioException {
        Instant started = Instant.now();
        Output output = request.output();
        try (ResultsFolder folder = output == null ? null : output.open(StudyReport.FILES)) {
            return study(request, folder, started);
        }
    }

    private static Result study(StudyRequest request, ResultsFolder folder, Instant started)
            throws IOException, ScenarioException {
        Output output = request.output();
        StudySpec design = request.design();
        VirtualStudy study = VirtualStudy.of(request.scenario(), design);
        long t0 = System.nanoTime();
        VirtualStudy.Sample sample = study.draw(study.model(design.families()), design.seed(), 0);
        List<StudyStatistic> statistics = StudyAnalysis.of(sample, study.measurement(), design.earlySession(), true);
        int therapists = (int) sample.families().stream().mapToInt(StudyFamily::therapistId).distinct().count();
        List<StudyPower.Point> power = request.sizes().isEmpty() ? List.of()
                : StudyPower.run(study, request.sizes(), request.replications(), request.threads(),
                        (done, total) -> request.progress().update(done, total, ""));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (folder != null) {
            StudyReport.write(folder, new StudyReport.Study(request.scenario(), study, request.designSource(),
                    sample, statistics, therapists, request.replications(), power),
                    Provenance.of(request.arguments(), started));
            folder.commit();
        }
        return new Result(sample, statistics, therapists, power, output == null ? null : output.dir(), seconds);
    }
}
