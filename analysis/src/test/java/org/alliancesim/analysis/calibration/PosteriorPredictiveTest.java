package org.alliancesim.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.ValidationSpec;
import org.junit.jupiter.api.Test;

/**
 * Posterior predictive intervals against Monte Carlo ones, on the fixture posteriors (PosteriorTest),
 * seed 7300417, 300 families (1000 for the patterns: the therapist rates are measured with caseloads of
 * 100, ValidationSet.SOURCE_CASELOAD, and 300 families would give 3 therapists a replication, whose
 * extremes vary more than a loose posterior moves them), R = 8 replications per draw, M = 30 draws.
 *
 * <p>Error budget of the degenerate case: with every particle equal, a draw is the Monte Carlo
 * estimate on another block of R replications, so the draws' 95% quantile interval and the Monte
 * Carlo t-interval (R = 8) estimate the same width; each has a relative error of about 25% (a 95%
 * quantile interval from 30 values; an sd from 8 values), so the ratio of widths is held to
 * [0.5, 2.0] and the median to the Monte Carlo estimate +- one Monte Carlo interval width. Predictive
 * draws of one replication each (width x sqrt(8) = 2.8) or draws sharing their replications (width
 * near 0) fail it.
 */
class PosteriorPredictiveTest {

    static final long SEED = 7_300_417L;
    static final int R = 8;
    static final int M = 30;

    private static Scenario sized(Posterior p) throws Exception {
        return p.fitted().with("run.families", 300).withSeed(SEED).withReplications(R);
    }

    private static PosteriorPredictive.Patterns validate(String fixture, int threads) throws Exception {
        Posterior p = Posterior.read(PosteriorTest.fixture(fixture));
        Scenario s = sized(p).with("run.families", 1000);
        ValidationSpec spec = ValidationSet.spec("validation");
        ValidationSet mc = new ValidationSet();
        Experiment.run(ExperimentPlan.of(s).replications(R).threads(threads).build(), mc::add);
        mc.runSourceCaseloads(s, 0, R, threads);
        return PosteriorPredictive.validate(p, s, spec, mc.rows(spec), M, threads, null);
    }

    private static PosteriorPredictive.Effects compare(String fixture) throws Exception {
        Posterior p = Posterior.read(PosteriorTest.fixture(fixture));
        Scenario a = sized(p);
        Scenario b = a.with("therapists[1].warmth", 0.95); // warmer experienced therapists
        ExperimentResult ra = Experiment.run(ExperimentPlan.builder(a.model(), SEED).replications(R).threads(2)
                .sessionDetail(false).build());
        ExperimentResult rb = Experiment.run(ExperimentPlan.builder(b.model(), SEED).replications(R).threads(2)
                .sessionDetail(false).build());
        return PosteriorPredictive.compare(p, a, b, Comparison.paired(ra, rb), M, 2, null);
    }

    private static PosteriorPredictive.PatternRow row(PosteriorPredictive.Patterns v, String stat) {
        return v.rows().stream().filter(x -> x.pattern().statistic().equals(stat)).findFirst().orElseThrow();
    }

    private static double mcWidth(PosteriorPredictive.PatternRow r) {
        return r.monteCarlo().upper() - r.monteCarlo().lower();
    }

    @Test
    void aLoosePosteriorWidensTheIntervals() throws Exception {
        PosteriorPredictive.Patterns v = validate("loose", 2);
        for (PosteriorPredictive.PatternRow r : v.rows()) {
            System.out.printf("loose %-36s MC width %.4f, predictive width %.4f%n", r.pattern().statistic(),
                    mcWidth(r), r.predictive().width());
        }
        // Dropout-driven patterns: the fixture's intercepts span -4.4 to -2.6, far more than Monte Carlo noise.
        for (String stat : List.of("therapist_dropout_rate_lowest", "therapist_dropout_rate_highest")) {
            PosteriorPredictive.PatternRow r = row(v, stat);
            assertTrue(r.predictive().width() > mcWidth(r), stat + ": predictive " + r.predictive()
                    + " not wider than the Monte Carlo interval " + r.monteCarlo());
        }
        PosteriorPredictive.EffectRow e = compare("loose").of(Metric.DROPOUT_SHARE);
        double mc = e.monteCarlo().upper() - e.monteCarlo().lower();
        System.out.printf("loose effect on dropout: MC %s, predictive %s%n", e.monteCarlo(), e.predictive());
        assertTrue(e.predictive().width() > mc, "effect: predictive " + e.predictive() + " vs MC width " + mc);
    }

    @Test
    void aDegeneratePosteriorGivesTheMonteCarloIntervals() throws Exception {
        PosteriorPredictive.Patterns v = validate("degenerate", 2);
        List<Double> ratios = new java.util.ArrayList<>();
        for (PosteriorPredictive.PatternRow r : v.rows()) {
            double ratio = r.predictive().width() / mcWidth(r);
            System.out.printf("degenerate %-36s MC %s, predictive %s, ratio %.2f%n", r.pattern().statistic(),
                    r.monteCarlo(), r.predictive(), ratio);
            ratios.add(ratio);
        }
        // Each well-behaved pattern on its own; the heavy-tailed ones (an ICC near 0, the V-shaped gain
        // difference, Spearman's rho over 10-odd therapists) only through the median ratio, because a
        // t-interval from 8 replications of them is itself too noisy to be held to 0.5-2.
        for (String stat : List.of("therapist_dropout_rate_lowest", "therapist_dropout_rate_highest",
                "v_shaped_share", "good_enough_rate_by_length_r", "repair_improvement_r")) {
            PosteriorPredictive.PatternRow r = row(v, stat);
            double ratio = r.predictive().width() / mcWidth(r);
            assertTrue(ratio > 0.5 && ratio < 2.0, stat + ": width ratio " + ratio);
            assertEquals(r.monteCarlo().mean(), r.predictive().median(), mcWidth(r), stat);
        }
        double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
        assertTrue(median > 0.7 && median < 1.4, "median width ratio " + median + " of " + ratios);
        for (Metric m : List.of(Metric.DROPOUT_SHARE, Metric.MEDIAN_SESSIONS)) {
            PosteriorPredictive.EffectRow e = compare("degenerate").of(m);
            double ratio = e.predictive().width() / (e.monteCarlo().upper() - e.monteCarlo().lower());
            System.out.printf("degenerate effect %s: MC %s, predictive %s, ratio %.2f%n", m, e.monteCarlo(),
                    e.predictive(), ratio);
            assertTrue(ratio > 0.5 && ratio < 2.0, m + ": width ratio " + ratio);
        }
    }

    @Test
    void resultsDoNotDependOnThreads() throws Exception {
        PosteriorPredictive.Patterns one = validate("loose", 1);
        PosteriorPredictive.Patterns two = validate("loose", 2);
        for (int i = 0; i < one.rows().size(); i++) {
            assertArrayEquals(one.rows().get(i).values(), two.rows().get(i).values());
        }
    }

    @Test
    void intervalsAreTypeSevenQuantiles() {
        // By hand (R: quantile(1:5, c(.025, .5, .975)) = 1.1, 3, 4.9).
        PosteriorPredictive.Interval i = PosteriorPredictive.Interval.of(new double[] {5, 1, Double.NaN, 3, 2, 4});
        assertEquals(1.1, i.lower(), 1e-12);
        assertEquals(3, i.median(), 1e-12);
        assertEquals(4.9, i.upper(), 1e-12);
        assertEquals(5, i.draws());
    }
}
