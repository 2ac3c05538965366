package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.report.CompareReport;

/**
 * What a comparison produced: both runs and their paired comparison (B - A).
 *
 * @param comparison the scenarios, both runs, the paired differences of every metric, dropout as a
 *     risk (difference and ratio) and Cohen's d of the family-level outcomes
 * @param folder the results folder written, or null when none was asked for
 */
public record CompareResult(CompareReport.Result comparison, Path folder) {

    /** Validates presence. */
    public CompareResult {
        Requests.given("comparison", comparison);
    }

    /** The paired differences of every metric, in {@link Metric} order. */
    public List<Comparison.Difference> differences() {
        return comparison.differences();
    }

    /** The paired differences of the headline metrics ({@link Metric#TABLE}), in that order. */
    public List<Comparison.Difference> headline() {
        return Metric.TABLE.stream().map(this::difference).toList();
    }

    /** The paired difference of one metric. */
    public Comparison.Difference difference(Metric metric) {
        return comparison.differences().stream().filter(d -> d.metric() == metric).findFirst().orElseThrow();
    }

    /** Dropout as a risk: shares, difference and ratio B/A with 95% intervals. */
    public Comparison.Risk dropout() {
        return comparison.dropout();
    }

    /** Cohen's d of improvement, sessions and final alliance. */
    public List<Comparison.EffectSize> effects() {
        return comparison.effects();
    }

    /** Each difference's posterior predictive distribution (compare --posterior), or null. */
    public PosteriorPredictive.Effects predictive() {
        return comparison.predictive();
    }

    /** A's run. */
    public ExperimentResult resultA() {
        return comparison.ra();
    }

    /** B's run. */
    public ExperimentResult resultB() {
        return comparison.rb();
    }
}
