package org.alliancesim.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.study.StudyFamily;
import org.alliancesim.analysis.study.VirtualStudy;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.StudySpec;
import org.junit.jupiter.api.Test;

class TargetEstimatesTest {

    static final long SEED = 7_300_417L;

    /**
     * A metric with n: is computed on replications of n families, so it carries a sample of n's noise.
     * Budget: dropout is binomial, so the per-replication sd at 40 families should be sqrt(2000/40) = 7.1
     * times the sd at 2000; each sd comes from 12 replications (relative error about 21%), so the ratio
     * is held to [4, 12]. Ignoring n gives a ratio near 1.
     */
    @Test
    void aStatedSizeIsTheSampleSize() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 2000);
        List<CalibrationSpec.Target> targets = List.of(
                new CalibrationSpec.Target("dropout_share", 0.3, 0.5, 0.4, "", 40),
                new CalibrationSpec.Target("dropout_share", 0.3, 0.5, 0.4, ""));
        List<MetricSummary> e = TargetEstimates.of(targets, s, SEED, 12, 2, null);
        double ratio = e.get(0).sd() / e.get(1).sd();
        System.out.printf("sd at n = 40: %.4f, at 2000 families: %.4f, ratio %.2f%n", e.get(0).sd(), e.get(1).sd(), ratio);
        assertTrue(ratio > 4 && ratio < 12, "sd ratio " + ratio);
        assertEquals(e.get(1).mean(), e.get(0).mean(), 0.05, "both estimate the same dropout share");
    }

    /**
     * d_dropout with n: is Cohen's d of the observed early alliance (session 1), completers minus
     * dropouts, on a virtual study of n families: computed here by hand from the same samples (pooled
     * sd with n - 2), not with the project's CohensD or StudyAnalysis.
     */
    @Test
    void dDropoutIsCohensDOfObservedEarlyAllianceOnAVirtualStudy() throws Exception {
        int n = 300;
        Scenario s = ScenarioLoader.load("default");
        List<MetricSummary> e = TargetEstimates.of(List.of(new CalibrationSpec.Target("d_dropout", 0.4, 0.7, 0.55,
                "", n)), s, SEED, 2, 2, null);
        VirtualStudy study = VirtualStudy.of(s, new StudySpec(n, 3, 1, 0.05, SEED));
        var model = s.with("run.mode", "cohort").with("run.families", n).model();
        double sum = 0;
        for (int r = 0; r < 2; r++) {
            sum += byHand(study.draw(model, SEED, r).families());
        }
        assertEquals(sum / 2, e.get(0).mean(), 1e-9);
        assertTrue(e.get(0).mean() > 0, "completers start with the stronger alliance: " + e.get(0).mean());
    }

    private static double byHand(List<StudyFamily> families) {
        double[] s = new double[2];
        double[] ss = new double[2];
        int[] k = new int[2];
        for (StudyFamily f : families) {
            if (Double.isNaN(f.allianceObserved()) || !(f.completed() || f.dropout())) {
                continue;
            }
            int g = f.completed() ? 0 : 1;
            s[g] += f.allianceObserved();
            ss[g] += f.allianceObserved() * f.allianceObserved();
            k[g]++;
        }
        double m0 = s[0] / k[0];
        double m1 = s[1] / k[1];
        double pooled = ((ss[0] - k[0] * m0 * m0) + (ss[1] - k[1] * m1 * m1)) / (k[0] + k[1] - 2);
        return (m0 - m1) / Math.sqrt(pooled);
    }

    @Test
    void targetsWithoutNAreTheMetricsOfTheScenarioAsBefore() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 300);
        var direct = org.alliancesim.analysis.experiment.Experiment.metrics(org.alliancesim.analysis.experiment.ExperimentPlan.builder(s.model(), SEED).replications(3).threads(1).sessionDetail(false).build()).summaries();
        List<MetricSummary> e = TargetEstimates.of(List.of(new CalibrationSpec.Target("median_sessions", 4, 6, 5, "")),
                s, SEED, 3, 2, null);
        assertEquals(direct.get(org.alliancesim.analysis.experiment.Metric.MEDIAN_SESSIONS), e.get(0));
    }
}
