package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.study.StudyPower;
import org.alliancesim.analysis.study.StudyStatistic;
import org.alliancesim.analysis.study.VirtualStudy;

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
public record StudyResult(VirtualStudy.Sample sample, List<StudyStatistic> statistics, int therapists,
        List<StudyPower.Point> power, Path folder, double seconds) {

    /** Copies the lists. */
    public StudyResult {
        statistics = List.copyOf(statistics);
        power = List.copyOf(power);
    }
}
