package org.alliancesim.analysis.inference;

import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.calibration.TargetEstimates;
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
    private final int targets;

    private ModelSimulator(Calibration calibration) {
        this.calibration = calibration;
        this.targets = calibration.spec().targets().size();
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
        double[] out = new double[targets];
        Scenario s;
        try {
            s = calibration.scenario(theta);
        } catch (ScenarioException e) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        // As the optimiser's evaluations and validate compute them (TargetEstimates): a target with n:
        // on replications of n families, a study statistic (d_dropout) on a virtual study of n families.
        List<MetricSummary> m = TargetEstimates.of(calibration.spec().targets(), s, seed,
                calibration.spec().replications(), 1, null);
        for (int k = 0; k < out.length; k++) {
            out[k] = m.get(k).mean();
        }
        return out;
    }
}
