package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The model as an ABC simulator: each statistic is its target's metric averaged over the targets
 * file's replications of its families, as {@link Experiment#run} computes it for the same scenario
 * and seed; a point the model refuses gives NaN for every statistic. Two replications of 30
 * families: a fraction of a second.
 */
class ModelSimulatorTest {

    @Test
    void eachStatisticIsItsMetricsMeanOverTheReplicationsAndARefusedPointIsNaN() throws Exception {
        CalibrationSpec lit = Calibration.targets("literature");
        List<CalibrationSpec.Target> two = List.of(
                new CalibrationSpec.Target("median_sessions", 4, 6, 5, "test"),
                new CalibrationSpec.Target("dropout_share", 0.3, 0.5, 0.4, "test"));
        CalibrationSpec spec = new CalibrationSpec(lit.base(), two,
                List.of(CalibrationSpec.Parameter.of("dynamics.attendance.barrier_sd", 0, 5)), lit.anchors(), 2, 30, 1, 10);
        Calibration calibration = Calibration.of(spec, ScenarioLoader.load(spec.base()));
        assertArrayEquals(new double[] {5, 0.4}, ModelSimulator.observed(spec), 0);
        ModelSimulator sim = ModelSimulator.of(calibration);
        long seed = 4242;
        double[] got = sim.simulate(new double[] {1.5}, seed);
        Scenario at = calibration.scenario(new double[] {1.5});
        Map<Metric, MetricSummary> expected = Experiment.run(ExperimentPlan.builder(at.model(), seed).replications(2)
                .threads(1).build()).summaries();
        assertEquals(2, got.length);
        assertEquals(expected.get(Metric.MEDIAN_SESSIONS).mean(), got[0], 1e-12);
        assertEquals(expected.get(Metric.DROPOUT_SHARE).mean(), got[1], 1e-12);
        // barrier_sd below the model's minimum of 0: the scenario refuses it.
        double[] refused = sim.simulate(new double[] {-1}, seed);
        assertEquals(2, refused.length);
        assertTrue(Double.isNaN(refused[0]) && Double.isNaN(refused[1]), java.util.Arrays.toString(refused));
    }
}
