package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static ExperimentResult run(Scenario s, long seed, int reps) throws Exception {
        ExperimentResult r = new ExperimentResult(s.model().run().sessionLimit());
        Experiment.run(ExperimentPlan.builder(s.model(), seed).replications(reps).threads(2).familyRows(true).build(),
                r::add);
        return r;
    }

    /**
     * Common random numbers: with the same seed, A and B simulate the same families, so the
     * per-replication differences vary much less than with independent seeds. Fixed seeds 11 and
     * 12; 20 replications of 300 families; the paired interval must be less than half as wide.
     */
    @Test
    void pairingNarrowsTheIntervalOfTheDifference() throws Exception {
        Scenario a = ScenarioLoader.load("default", List.of("run.families=300"));
        Scenario b = ScenarioLoader.load("default", List.of("run.families=300", "therapists.1.repair_skill=0.9"));
        ExperimentResult ra = run(a, 11, 20);
        ExperimentResult paired = run(b, 11, 20);
        ExperimentResult independent = run(b, 12, 20);
        Comparison.Difference p = Comparison.paired(Metric.DROPOUT_SHARE, ra.values(Metric.DROPOUT_SHARE),
                paired.values(Metric.DROPOUT_SHARE));
        Comparison.Difference i = Comparison.paired(Metric.DROPOUT_SHARE, ra.values(Metric.DROPOUT_SHARE),
                independent.values(Metric.DROPOUT_SHARE));
        double wp = p.upper() - p.lower();
        double wi = i.upper() - i.lower();
        System.out.printf("dropout difference: paired %.4f [%.4f, %.4f] width %.4f; independent %.4f width %.4f%n",
                p.difference(), p.lower(), p.upper(), wp, i.difference(), wi);
        assertTrue(wp < wi / 2, "paired width " + wp + " vs independent " + wi);
        assertTrue(p.upper() < 0, "better repair lowers dropout: " + p);
    }

    @Test
    void pairedDifferenceOfKnownValues() {
        // Differences 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.302653 -> half width 2.484138.
        Comparison.Difference d = Comparison.paired(Metric.MEAN_IMPROVEMENT, new double[] {1, 1, 1},
                new double[] {2, 3, 4});
        assertEquals(2, d.difference(), 1e-12);
        assertEquals(2 - 2.484138, d.lower(), 1e-6);
        assertEquals(3, d.n());
        // t = 2 / (1 / sqrt 3) = 3.4641, two-sided p with 2 df = 0.0742
        assertEquals(0.0742, d.p(), 1e-4);
    }

    @Test
    void cohensDOfKnownMoments() {
        Comparison.EffectSize e = Comparison.cohensD("x", new ExperimentResult.Moments(1.0, 4.0, 101),
                new ExperimentResult.Moments(2.0, 4.0, 101));
        assertEquals(0.5, e.d(), 1e-12);
    }
}
