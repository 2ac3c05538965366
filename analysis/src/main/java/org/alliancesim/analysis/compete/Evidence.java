package org.alliancesim.analysis.compete;

import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioException;

/**
 * What the variants' model probabilities are conditioned on: the observed summary vector and, per
 * variant, a simulator of the same summaries built from the variant's {@link Calibration} (its
 * parameters as typed edits of its edited base). The one seam between the evidence and model
 * selection ({@link ModelProbabilities}): the calibration set's published targets today
 * ({@link #targets}), a planted virtual study in {@link PlantedPower}, a study's own data elsewhere.
 *
 * @param observed the observed summaries, in the simulators' order
 * @param simulators builds a variant's simulator
 */
public record Evidence(double[] observed, Simulators simulators) {

    /** Builds the simulator of a variant's summaries from its calibration problem. */
    @FunctionalInterface
    public interface Simulators {
        AbcSmc.Simulator of(Calibration calibration) throws ScenarioException;
    }

    /** Copies the observed summaries. */
    public Evidence {
        observed = observed.clone();
        if (observed.length == 0 || simulators == null) {
            throw new IllegalArgumentException("evidence needs observed summaries and a simulator factory");
        }
    }

    @Override
    public double[] observed() {
        return observed.clone();
    }

    /** The published targets of {@code targets} as observed, each simulated by {@link ModelSimulator}. */
    public static Evidence targets(CalibrationSpec targets) {
        return new Evidence(ModelSimulator.observed(targets), ModelSimulator::of);
    }
}
