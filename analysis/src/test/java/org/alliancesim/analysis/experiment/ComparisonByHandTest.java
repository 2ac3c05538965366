package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link Comparison} on values worked out by hand (t quantiles and p-values from R), and its dropout
 * risk against dropouts counted from the course records. Public behaviour only.
 */
class ComparisonByHandTest {

    /**
     * Replications where either value is NaN leave the difference; each mean keeps its own defined
     * values; the longer array's extra replications are ignored. a = (1, NaN, 3, 4, [9]), b = (2, 5,
     * NaN, 7): means 8/3 and 14/3 over three values each; differences 1 and 3: mean 2, sd sqrt 2,
     * t = 2 on 1 df, p = 0.2951672353 (R: 2 * pt(-2, 1)); interval 2 +- 12.70620474 (qt(.975, 1)).
     */
    @Test
    void pairsOnlyReplicationsWithBothValues() {
        Comparison.Difference d = Comparison.paired(Metric.MEAN_SESSIONS, new double[] {1, Double.NaN, 3, 4, 9},
                new double[] {2, 5, Double.NaN, 7});
        assertEquals(Metric.MEAN_SESSIONS, d.metric());
        assertEquals(8.0 / 3, d.meanA(), 1e-15);
        assertEquals(14.0 / 3, d.meanB(), 1e-15);
        assertEquals(2.0, d.difference(), 1e-15);
        assertEquals(2, d.n());
        assertEquals(2 - 12.706204736174707, d.lower(), 1e-9);
        assertEquals(2 + 12.706204736174707, d.upper(), 1e-9);
        assertEquals(0.2951672353008665, d.p(), 1e-10);
    }

    @Test
    void fewerThanTwoPairsGiveNoIntervalAndEqualDifferencesAnExactP() {
        Comparison.Difference one = Comparison.paired(Metric.DROPOUT_SHARE, new double[] {0.2, Double.NaN},
                new double[] {0.5, 0.4});
        assertEquals(0.5 - 0.2, one.difference(), 1e-15);
        assertEquals(1, one.n());
        assertEquals(0.2, one.meanA(), 1e-15);
        assertEquals(0.45, one.meanB(), 1e-15);
        assertTrue(Double.isNaN(one.lower()) && Double.isNaN(one.upper()) && Double.isNaN(one.p()));

        Comparison.Difference none = Comparison.paired(Metric.DROPOUT_SHARE, new double[] {Double.NaN, Double.NaN},
                new double[] {0.5, Double.NaN});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.difference()) && Double.isNaN(none.meanA()));
        assertEquals(0.5, none.meanB(), 1e-15);

        // Every difference the same: no spread, so p is 0 for a shift and 1 for none.
        Comparison.Difference shift = Comparison.paired(Metric.DROPOUT_SHARE, new double[] {0.25, 0.5, 0.75},
                new double[] {0.5, 0.75, 1.0});
        assertEquals(0.25, shift.difference(), 1e-15);
        assertEquals(0.0, shift.p());
        assertEquals(3, shift.n());
        Comparison.Difference same = Comparison.paired(Metric.DROPOUT_SHARE, new double[] {0.25, 0.5},
                new double[] {0.25, 0.5});
        assertEquals(0.0, same.difference());
        assertEquals(1.0, same.p());
    }

    /** Differences 1, -1, 3, 1 (mean 1, sd 1.632993): t = 1.224745 on 3 df, p = 0.3081 (R: t.test(paired)). */
    @Test
    void pValueOfAPairedTTest() {
        Comparison.Difference d = Comparison.paired(Metric.ALLIANCE_FINAL, new double[] {0, 2, 0, 1},
                new double[] {1, 1, 3, 2});
        assertEquals(1.0, d.difference(), 1e-15);
        assertEquals(0.308068009250357, d.p(), 1e-9);
        assertEquals(1 - 3.182446305283708 * Math.sqrt(8.0 / 3) / 2, d.lower(), 1e-9);
    }

    private static int dropouts(ModelParameters model, long seed, int reps) {
        int[] n = {0};
        for (int r = 0; r < reps; r++) {
            Replication.run(model, RandomStreams.of(seed), r, new CourseListener() {
                @Override
                public void courseEnded(CourseRecord c) {
                    n[0] += c.endReason() == EndReason.DROPOUT ? 1 : 0;
                }
            }, false);
        }
        return n[0];
    }

    /**
     * The dropout risk of two arms of 4 x 100 families: pooled shares from the dropouts counted in the
     * course records, the ratio's interval by Katz's log method written out, the difference's the
     * paired one of the shares.
     */
    @Test
    void dropoutRiskFromTheCountedDropouts() throws Exception {
        ModelParameters a = ScenarioLoader.load("default", List.of("run.families=100")).model();
        ModelParameters b = ScenarioLoader.load("default", List.of("run.families=100", "therapists.1.repair_skill=0.1"))
                .model();
        long seed = 7;
        ExperimentResult ra = Experiment.run(ExperimentPlan.builder(a, seed).replications(4).sessionDetail(false).build());
        ExperimentResult rb = Experiment.run(ExperimentPlan.builder(b, seed).replications(4).sessionDetail(false).build());
        double ea = dropouts(a, seed, 4);
        double eb = dropouts(b, seed, 4);
        assertTrue(ea > 0 && eb > 0 && ea != eb, ea + " " + eb);
        Comparison.Risk risk = Comparison.dropout(ra, rb);
        assertEquals(ea / 400, risk.riskA(), 1e-15);
        assertEquals(eb / 400, risk.riskB(), 1e-15);
        double ratio = (eb / 400) / (ea / 400);
        double se = Math.sqrt(1 / eb - 1.0 / 400 + 1 / ea - 1.0 / 400);
        assertEquals(ratio, risk.ratio(), 1e-12);
        assertEquals(ratio * Math.exp(-1.959963984540054 * se), risk.ratioLower(), 1e-9);
        assertEquals(ratio * Math.exp(1.959963984540054 * se), risk.ratioUpper(), 1e-9);
        Comparison.Difference d = Comparison.paired(Metric.DROPOUT_SHARE, ra.values(Metric.DROPOUT_SHARE),
                rb.values(Metric.DROPOUT_SHARE));
        assertEquals((eb - ea) / 400, risk.difference(), 1e-12);
        assertEquals(d.lower(), risk.differenceLower());
        assertEquals(d.upper(), risk.differenceUpper());
        assertEquals(Metric.values().length, Comparison.paired(ra, rb).size());
        assertEquals(d, Comparison.paired(ra, rb).get(Metric.DROPOUT_SHARE.ordinal()));
    }
}
