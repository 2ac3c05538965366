package org.alliancesim.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /**
     * Calibrating the default from a deliberately perturbed start recovers the targets. The start
     * moves the dropout hazard's intercept from -3.595 to -2.4 (too much dropout) and the goal
     * from 1.134 to 1.8 (too many sessions); the fit (2 parameters, 2 replications of 500 families per
     * evaluation, at most 40 evaluations, seed 20261125) must bring every literature target back in
     * range, as checked on a fresh seed (20 replications of 1000 families, seed 7) so that the fit
     * is not judged on the numbers it was tuned on.
     */
    @Test
    void recoversTheTargetsFromAPerturbedStart() throws Exception {
        CalibrationSpec lit = Calibration.targets("literature");
        // The six aggregate targets: Sharf et al.'s d (on a virtual study; TargetEstimatesTest's) and the
        // therapist share of dropout (which the two parameters fitted here cannot move; the therapists'
        // spread does) are left out, so this fit is the one docs/calibration.md describes.
        List<CalibrationSpec.Target> targets = lit.targets().stream()
                .filter(t -> !t.sized() && !t.statistic().equals("therapist_dropout_icc")).toList();
        CalibrationSpec small = new CalibrationSpec(lit.base(), targets,
                List.of(parameter(lit, "dynamics.attendance.intercept"), parameter(lit, "dynamics.outcome.goal_mean")),
                lit.anchors(), 2, 500, lit.seed(), 40);
        Scenario perturbed = ScenarioLoader.load(small.base()).with("dynamics.attendance.intercept", -2.4)
                .with("dynamics.outcome.goal_mean", 1.8);
        Calibration calibration = Calibration.of(small, perturbed);

        Scenario start = calibration.scenario(calibration.start());
        Map<Metric, MetricSummary> before = Experiment.run(ExperimentPlan.builder(start.model(), 7).replications(10).threads(2).build()).summaries();
        assertTrue(!small.targets().get(0).inRange(before.get(Metric.DROPOUT_SHARE).mean()),
                "the perturbed start is off target: dropout " + before.get(Metric.DROPOUT_SHARE).mean());

        Calibration.Fit fit = calibration.fit(2, null);
        System.out.printf("fit after %d evaluations: %s, distance %.4f (start %s)%n", fit.trace().size(),
                Arrays.toString(fit.best()), fit.distance(), Arrays.toString(fit.start()));
        assertTrue(fit.trace().size() <= 40);
        assertEquals(fit.distance(), fit.trace().stream().mapToDouble(Calibration.Evaluation::distance).min().orElseThrow());

        Scenario fitted = calibration.scenario(fit.best());
        fitted = new Scenario(fitted.name(), "", fitted.seed(), 20, fitted.model().withRun(
                new org.alliancesim.model.RunSpec(fitted.model().run().mode(), 1000, fitted.model().run().horizonDays(),
                        fitted.model().run().sessionLimit())));
        ExperimentResult check = Experiment.run(ExperimentPlan.builder(fitted.model(), 7).replications(20).threads(2).build());
        for (CalibrationSpec.Target t : small.targets()) {
            double m = check.summaries().get(Metric.byKey(t.statistic())).mean();
            System.out.printf("  %s = %.4f in [%.2f, %.2f]%n", t.statistic(), m, t.min(), t.max());
            assertTrue(t.inRange(m), t.statistic() + " = " + m + " outside [" + t.min() + ", " + t.max() + "]");
        }
    }

    /** Summaries with the given means (sd, interval and n do not enter the distance). */
    /** Estimates of the two targets of {@code two}, in its order: dropout_share, median_sessions. */
    private static List<MetricSummary> means(double dropout, double medianSessions) {
        return List.of(new MetricSummary(dropout, 0.01, dropout - 0.01, dropout + 0.01, 5),
                new MetricSummary(medianSessions, 0.5, medianSessions - 1, medianSessions + 1, 5));
    }

    static CalibrationSpec.Parameter parameter(CalibrationSpec spec, String path) {
        return spec.parameters().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void distanceIsZeroOnTargetAndGrowsWithTheGap() throws Exception {
        // Two targets: dropout in [0.30, 0.50] aiming at 0.40 (half-width 0.10), median sessions
        // in [4, 6] aiming at 5.5 (half-width 1). The distance is the sum of squared gaps in
        // half-widths: sum ((m - target) / ((max - min) / 2))^2.
        CalibrationSpec lit = Calibration.targets("literature");
        CalibrationSpec two = new CalibrationSpec(lit.base(), List.of(
                new CalibrationSpec.Target("dropout_share", 0.30, 0.50, 0.40, "test"),
                new CalibrationSpec.Target("median_sessions", 4, 6, 5.5, "test")),
                lit.parameters(), lit.anchors(), 1, 100, 1, 10);
        assertEquals(0.0, Calibration.distance(two, means(0.40, 5.5)), "on target");
        assertEquals(0.25, Calibration.distance(two, means(0.45, 5.5)), 1e-12, "half a half-width off: 0.5^2");
        assertEquals(0.25, Calibration.distance(two, means(0.35, 5.5)), 1e-12, "the same gap below");
        assertEquals(1.0, Calibration.distance(two, means(0.50, 5.5)), 1e-12, "at the edge of the range: 1");
        assertEquals(4.0, Calibration.distance(two, means(0.60, 5.5)), 1e-12, "twice as far: four times");
        assertEquals(0.25 + 2.25, Calibration.distance(two, means(0.45, 4.0)), 1e-12, "gaps add up: 0.5^2 + 1.5^2");
        assertEquals(Calibration.PENALTY, Calibration.distance(two, means(Double.NaN, 5.5)), "undefined statistic");
    }
}
