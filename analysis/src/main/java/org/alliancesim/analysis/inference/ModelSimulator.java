package org.alliancesim.analysis.inference;

import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;

/**
 * The model as an ABC simulator: a parameter vector becomes the calibration's scenario (typed
 * edits, {@link Calibration#scenario}), which runs on the metrics-only path
 * ({@link Experiment#metrics}, the path an optimiser evaluation takes) for the targets file's
 * replications of its families, on one thread (ABC runs particles in parallel instead), and each
 * target's statistic is the mean over those replications. A point the model refuses, or a
 * statistic undefined there, gives NaN (the particle is rejected). Immutable and thread-safe.
 */
public final class ModelSimulator implements AbcSmc.Simulator {

    private final Calibration calibration;
    private final List<Metric> metrics;

    private ModelSimulator(Calibration calibration) {
        this.calibration = calibration;
        this.metrics = calibration.spec().targets().stream().map(t -> Metric.byKey(t.statistic())).toList();
    }

    /** The simulator of {@code calibration}'s targets, parameters, replications and families. */
    public static ModelSimulator of(Calibration calibration) {
        return new ModelSimulator(calibration);
    }

    /** The observed statistics: each target's {@code target} value, in the targets file's order. */
    public static double[] observed(CalibrationSpec spec) {
        return spec.targets().stream().mapToDouble(CalibrationSpec.Target::target).toArray();
    }

    @Override
    public double[] simulate(double[] theta, long seed) throws Exception {
        double[] out = new double[metrics.size()];
        Scenario s;
        try {
            s = calibration.scenario(theta);
        } catch (ScenarioException e) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        Map<Metric, MetricSummary> m = Experiment.metrics(s.model(), seed, calibration.spec().replications(), 1)
                .summaries();
        for (int k = 0; k < out.length; k++) {
            out[k] = m.get(metrics.get(k)).mean();
        }
        return out;
    }
}
