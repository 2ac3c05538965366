package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancesim.analysis.stats.RandomInterceptLogistic;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Replication;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Metric} of {@link Experiment#run}, replication by replication, against the same
 * metric counted here from the course records the model streams ({@link Replication#run} on the
 * same seed and replication numbers), following docs/outputs.md's definitions; and the summaries
 * ({@link ExperimentResult#summaries}) against a mean, sd and Student-t interval written out here.
 * Only the public behaviour is read (the run's result, the metric values), so the test holds
 * whatever the result keeps inside. A metric counted over the wrong families (a dropout share over
 * the dropouts, early dropout at 3 sessions, the voluntary share over everyone), a sum with a sign
 * changed, a median of the wrong middle or a NaN value let into a mean changes a figure here.
 * Two scenarios: the default cohort (involuntary and voluntary families) and the clinic with a
 * waitlist and a horizon (waitlist dropouts and censored courses), small enough to run in seconds.
 */
class ExperimentMetricsByHandTest {

    private static ModelParameters model(String which) throws Exception {
        return which.equals("clinic")
                ? ScenarioLoader.load("clinic-waitlist", List.of("run.families=160", "run.horizon_days=120")).model()
                : ScenarioLoader.load("default", List.of("run.families=120")).model();
    }

    private static List<CourseRecord> courses(ModelParameters model, long seed, int replication) {
        List<CourseRecord> out = new ArrayList<>();
        Replication.run(model, RandomStreams.of(seed), replication, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                out.add(c);
            }
        }, false);
        return out;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static double meanOf(List<CourseRecord> cs, java.util.function.ToDoubleFunction<CourseRecord> f) {
        double[] v = cs.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).toArray();
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    /** The metrics of one replication, from its course records. */
    static Map<Metric, Double> byHand(List<CourseRecord> cs) {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        int n = cs.size();
        long dropouts = cs.stream().filter(c -> c.endReason() == EndReason.DROPOUT).count();
        m.put(Metric.DROPOUT_SHARE, share(dropouts, n));
        m.put(Metric.EARLY_DROPOUT_SHARE, share(cs.stream().filter(c -> c.endReason() == EndReason.DROPOUT
                && (c.sessionsAttended() == 1 || c.sessionsAttended() == 2 || c.sessionsAttended() == 0)).count(), dropouts));
        int[] att = cs.stream().mapToInt(CourseRecord::sessionsAttended).sorted().toArray();
        m.put(Metric.MEDIAN_SESSIONS, n % 2 == 1 ? att[(n - 1) / 2] : 0.5 * (att[n / 2 - 1] + att[n / 2]));
        m.put(Metric.MEAN_SESSIONS, meanOf(cs, CourseRecord::sessionsAttended));
        m.put(Metric.COMPLETION_SHARE, share(cs.stream().filter(c -> c.endReason() == EndReason.GOALS_MET
                || c.endReason() == EndReason.SESSION_LIMIT).count(), n));
        m.put(Metric.GOALS_MET_SHARE, share(cs.stream().filter(c -> c.endReason() == EndReason.GOALS_MET).count(), n));
        m.put(Metric.MEAN_IMPROVEMENT, meanOf(cs, CourseRecord::improvement));
        m.put(Metric.RELIABLE_IMPROVEMENT_SHARE, share(cs.stream().filter(CourseRecord::reliableImprovement).count(), n));
        List<CourseRecord> at8 = cs.stream().filter(c -> c.sessionsAttended() >= 8
                || (c.reliableImprovement() && c.reliableSession() <= 8)).toList();
        m.put(Metric.IMPROVED_BY_SESSION_8, share(at8.stream().filter(c -> c.reliableImprovement()
                && c.reliableSession() <= 8).count(), at8.size()));
        m.put(Metric.ALLIANCE_SESSION_1, meanOf(cs, CourseRecord::allianceFirst));
        m.put(Metric.ALLIANCE_SESSION_3, meanOf(cs, CourseRecord::allianceThird));
        m.put(Metric.ALLIANCE_FINAL, meanOf(cs, CourseRecord::allianceLast));
        long ruptures = cs.stream().mapToLong(CourseRecord::ruptures).sum();
        m.put(Metric.RUPTURES_PER_FAMILY, share(ruptures, n));
        m.put(Metric.REPAIRED_SHARE, share(cs.stream().mapToLong(CourseRecord::repairs).sum(), ruptures));
        m.put(Metric.SPLIT_MAX, meanOf(cs, CourseRecord::splitMax));
        m.put(Metric.WAITLIST_DROPOUT_SHARE, share(cs.stream().filter(c -> c.endReason() == EndReason.WAITLIST_DROPOUT)
                .count(), n));
        m.put(Metric.CENSORED_SHARE, share(cs.stream().filter(c -> c.endReason() == EndReason.CENSORED).count(), n));
        List<CourseRecord> inv = cs.stream().filter(c -> c.referral() == Referral.INVOLUNTARY).toList();
        List<CourseRecord> vol = cs.stream().filter(c -> c.referral() == Referral.VOLUNTARY).toList();
        m.put(Metric.DROPOUT_SHARE_INVOLUNTARY, share(inv.stream().filter(c -> c.endReason() == EndReason.DROPOUT).count(),
                inv.size()));
        m.put(Metric.DROPOUT_SHARE_VOLUNTARY, share(vol.stream().filter(c -> c.endReason() == EndReason.DROPOUT).count(),
                vol.size()));
        // The therapists' share of dropout: lme4's model (tested against glmer in the stats tests) on the
        // families each therapist saw, therapists numbered 0 up to the highest seen.
        Map<Integer, int[]> byTherapist = new TreeMap<>();
        for (CourseRecord c : cs) {
            if (c.therapistId() >= 0) {
                int[] t = byTherapist.computeIfAbsent(c.therapistId(), k -> new int[2]);
                t[0]++;
                t[1] += c.endReason() == EndReason.DROPOUT ? 1 : 0;
            }
        }
        int k = byTherapist.isEmpty() ? 0 : ((TreeMap<Integer, int[]>) byTherapist).lastKey() + 1;
        int[] fam = new int[k];
        int[] drop = new int[k];
        byTherapist.forEach((t, v) -> {
            fam[t] = v[0];
            drop[t] = v[1];
        });
        double icc;
        try {
            icc = RandomInterceptLogistic.iccEstimate(fam, drop, 1);
        } catch (IllegalArgumentException e) {
            icc = Double.NaN;
        }
        m.put(Metric.THERAPIST_DROPOUT_ICC, icc);
        assertEquals(Metric.values().length, m.size());
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "clinic"})
    void everyMetricOfEveryReplicationIsTheCountOfItsCourses(String scenario) throws Exception {
        ModelParameters model = model(scenario);
        long seed = 20261207;
        int reps = 3;
        ExperimentResult r = Experiment.run(ExperimentPlan.builder(model, seed).replications(reps).threads(2).build());
        assertEquals(reps, r.replications());
        long families = 0;
        Map<Metric, double[]> expected = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            expected.put(m, new double[reps]);
        }
        for (int rep = 0; rep < reps; rep++) {
            List<CourseRecord> cs = courses(model, seed, rep);
            families += cs.size();
            Map<Metric, Double> hand = byHand(cs);
            for (Metric m : Metric.values()) {
                expected.get(m)[rep] = hand.get(m);
            }
        }
        assertEquals(families, r.families());
        for (Metric m : Metric.values()) {
            assertArrayEquals(expected.get(m), r.values(m), m.key());
        }
        // The figures differ between metrics and replications (a test on all-zero values would prove little).
        assertTrue(expected.get(Metric.DROPOUT_SHARE)[0] > 0 && expected.get(Metric.DROPOUT_SHARE)[0] < 1);
        if (scenario.equals("clinic")) {
            assertTrue(Arrays.stream(expected.get(Metric.WAITLIST_DROPOUT_SHARE)).anyMatch(v -> v > 0), "waitlist");
            assertTrue(Arrays.stream(expected.get(Metric.CENSORED_SHARE)).anyMatch(v -> v > 0), "censored");
        } else {
            assertTrue(Arrays.stream(expected.get(Metric.DROPOUT_SHARE_INVOLUNTARY)).noneMatch(Double::isNaN));
            assertTrue(Arrays.stream(expected.get(Metric.EARLY_DROPOUT_SHARE)).allMatch(v -> v > 0 && v < 1));
        }

        // Summaries: mean, sd (n - 1), mean +- t(.975, n - 1) sd / sqrt(n), over the defined values.
        double t2 = 4.302652729749464; // qt(0.975, 2), R
        for (Map.Entry<Metric, ExperimentResult.MetricSummary> e : r.summaries().entrySet()) {
            double[] v = Arrays.stream(expected.get(e.getKey())).filter(x -> !Double.isNaN(x)).toArray();
            ExperimentResult.MetricSummary s = e.getValue();
            assertEquals(v.length, s.n(), e.getKey().key());
            if (v.length == 3) {
                double mean = (v[0] + v[1] + v[2]) / 3;
                double sd = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean)
                        + (v[2] - mean) * (v[2] - mean)) / 2);
                assertEquals(mean, s.mean(), 1e-12, e.getKey().key());
                assertEquals(sd, s.sd(), 1e-12, e.getKey().key());
                assertEquals(mean - t2 * sd / Math.sqrt(3), s.lower(), 1e-9, e.getKey().key());
                assertEquals(mean + t2 * sd / Math.sqrt(3), s.upper(), 1e-9, e.getKey().key());
            }
        }
        // The metrics-only run gives the same values.
        ExperimentResult fast = Experiment.metrics(ExperimentPlan.builder(model, seed).replications(reps).sessionDetail(false).build());
        for (Metric m : Metric.values()) {
            assertArrayEquals(expected.get(m), fast.values(m), "metrics only: " + m.key());
        }
    }

    private static void assertArrayEquals(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(actual[i]), what + " replication " + i + ": " + actual[i]);
            } else {
                assertEquals(expected[i], actual[i], 1e-12, what + " replication " + i);
            }
        }
    }

    /** A summary of no defined value is NaN with n 0; NaN values are left out of the others. */
    @Test
    void aSummaryLeavesNaNValuesOut() {
        ExperimentResult.MetricSummary none = ExperimentResult.MetricSummary.of(new double[] {Double.NaN, Double.NaN});
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.mean()) && Double.isNaN(none.sd()) && Double.isNaN(none.lower())
                && Double.isNaN(none.upper()));
        ExperimentResult.MetricSummary two = ExperimentResult.MetricSummary.of(new double[] {1, Double.NaN, 3});
        assertEquals(2, two.n());
        assertEquals(2.0, two.mean(), 1e-15);
        assertEquals(Math.sqrt(2), two.sd(), 1e-15);
        // qt(0.975, 1) = 12.7062047361747 (R): 2 +- 12.7062 x sqrt(2) / sqrt(2)
        assertEquals(2 - 12.706204736174707, two.lower(), 1e-9);
        assertEquals(2 + 12.706204736174707, two.upper(), 1e-9);
    }

    /** Keys, labels and bounds: what summary.json, sweeps and targets files rely on. */
    @Test
    void metricKeysBoundsAndLookups() {
        for (Metric m : Metric.values()) {
            assertSame(m, Metric.byKey(m.key()));
            assertEquals(m.name().toLowerCase(java.util.Locale.ROOT), m.key());
            assertTrue(!m.label().isEmpty() && !m.definition().isEmpty(), m.key());
        }
        assertNull(Metric.byKey("no_such_metric"));
        assertEquals(Metric.values().length, Metric.KEYS.size());
        assertEquals("alliance_final", Metric.KEYS.first());
        assertEquals("dropout share", Metric.DROPOUT_SHARE.label());
        for (Metric m : List.of(Metric.ALLIANCE_SESSION_1, Metric.ALLIANCE_SESSION_3, Metric.ALLIANCE_FINAL)) {
            assertEquals(Double.NEGATIVE_INFINITY, m.min(), m.key());
            assertEquals(Double.POSITIVE_INFINITY, m.max(), m.key());
        }
        for (Metric m : List.of(Metric.DROPOUT_SHARE, Metric.DROPOUT_SHARE_VOLUNTARY, Metric.DROPOUT_SHARE_INVOLUNTARY,
                Metric.IMPROVED_BY_SESSION_8, Metric.REPAIRED_SHARE, Metric.CENSORED_SHARE)) {
            assertEquals(0.0, m.min(), m.key());
            assertEquals(1.0, m.max(), m.key());
        }
        for (Metric m : List.of(Metric.MEDIAN_SESSIONS, Metric.MEAN_IMPROVEMENT, Metric.RUPTURES_PER_FAMILY,
                Metric.SPLIT_MAX, Metric.THERAPIST_DROPOUT_ICC)) {
            assertEquals(0.0, m.min(), m.key());
            assertEquals(Double.POSITIVE_INFINITY, m.max(), m.key());
        }
    }
}
