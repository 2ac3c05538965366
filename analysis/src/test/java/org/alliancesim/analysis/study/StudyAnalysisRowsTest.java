package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.measurement.FamilyTruth;
import org.alliancesim.measurement.FollowUp;
import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.measurement.ObserverRatings;
import org.alliancesim.measurement.OutcomeMeasure;
import org.alliancesim.measurement.Schedule;
import org.alliancesim.measurement.SelfReport;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link StudyAnalysis} on a hand-made sample of 36 families: which families enter which analysis,
 * which column each statistic reads, and the rows it writes when a statistic cannot be computed.
 *
 * <p>The expected values are R's (4.x, lme4), computed once from the same 36 rows written to a CSV
 * (columns as in {@link #FAMILIES}) with the dropout set {@code (completed | dropout) & !is.na(ao)} and
 * the outcome set {@code completed & !is.na(ao)}:
 * {@code t.test(a, b, var.equal = TRUE)} and the pooled-SD d for {@code d_dropout};
 * {@code glm(dropout ~ x, binomial)} with {@code exp(b sd(x))} for the odds ratios;
 * {@code cor.test(resid(lm(post ~ pre)), x)} on complete cases for the residualised gains;
 * {@code glmer(dropout ~ 1 + (1 | ther), binomial, nAGQ = 1)} and {@code lmer(end - base ~ 1 + (1 | ther))}
 * (REML) for the therapists' shares; the rater ICC(2,1) and Cronbach's alpha from their textbook formulas.
 * None of them is computed here with the code under test. A family read into the wrong set (a censored
 * or waitlist family counted, a family without an observed early alliance kept), the observed and latent
 * columns swapped, the split and composite swapped, or a row's n taken from the wrong list moves
 * at least one of these figures.
 */
class StudyAnalysisRowsTest {

    /** id, therapist, end reason, alliance observed / latent, split observed / latent, outcome base, end, latent base, latent end. */
    private static final String FAMILIES = """
            0 0 DROPOUT -0.03 -0.38 0.98 0.81 3.07 NaN 2.89 2.86
            1 1 DROPOUT -0.89 -0.96 0.1 0.11 2.85 NaN 2.7 3.73
            2 2 GOALS_MET NaN 1.33 NaN 0.82 3.95 3.36 4.09 3.28
            3 3 SESSION_LIMIT -0.57 -0.95 0.46 0.61 2.36 3.26 2.42 3.21
            4 4 GOALS_MET 0.64 0.2 0.09 0.13 3.36 3.85 3.29 3.88
            5 5 CENSORED 0.36 0.16 1.19 1.16 2.49 3.5 2.5 3.65
            6 0 DROPOUT 1.19 0.98 1.47 1.21 2.84 NaN 2.7 2.89
            7 1 SESSION_LIMIT -0.88 -0.71 1.15 1.09 3.75 3.92 3.83 3.96
            8 2 GOALS_MET 0.74 0.7 1.26 1.29 NaN 3.39 2.77 3.47
            9 3 SESSION_LIMIT 0.94 1.43 1.23 1.07 2.77 3.36 2.58 3.34
            10 4 GOALS_MET -0.5 -0.88 0.09 0.3 2.26 2.81 2.22 2.96
            11 5 WAITLIST_DROPOUT -0.76 -0.81 0.82 0.92 3.64 5.45 3.55 5.42
            12 0 DROPOUT 0.08 0.46 1.44 1.2 2.35 NaN 2.24 1.89
            13 1 DROPOUT 0.77 0.53 0.01 0.13 2.74 NaN 2.92 2.9
            14 2 GOALS_MET 0.55 0.67 1.01 0.82 3.8 NaN 3.95 4.6
            15 3 DROPOUT 0.18 0.08 0.16 0.32 2.12 NaN 2.0 1.83
            16 4 GOALS_MET 0.02 -0.43 0.0 0.05 2.2 2.78 2.01 2.93
            17 5 SESSION_LIMIT NaN 0.49 NaN 0.41 2.73 2.87 2.87 3.07
            18 0 DROPOUT 0.4 0.38 0.13 0.13 2.69 NaN 2.82 2.05
            19 1 SESSION_LIMIT -0.93 -0.48 0.79 0.68 3.09 2.81 3.1 3.0
            20 2 GOALS_MET 1.59 1.79 0.39 0.42 2.33 2.69 2.34 2.8
            21 3 SESSION_LIMIT -0.01 -0.29 1.22 1.27 3.71 4.8 3.84 4.9
            22 4 DROPOUT -0.32 -0.3 0.53 0.43 2.06 NaN 1.96 2.68
            23 5 SESSION_LIMIT 1.87 1.82 1.41 1.42 3.91 4.13 3.8 4.02
            24 0 DROPOUT -0.41 -0.71 0.94 1.02 3.68 NaN 3.74 3.89
            25 1 DROPOUT -0.75 -0.59 1.36 1.32 3.5 NaN 3.37 4.01
            26 2 GOALS_MET 0.0 0.3 1.46 1.29 2.8 3.91 2.89 3.78
            27 3 SESSION_LIMIT -0.62 -0.97 1.36 1.33 2.29 3.6 2.48 3.66
            28 4 GOALS_MET 0.05 0.1 0.2 0.16 3.94 4.96 3.95 5.13
            29 5 SESSION_LIMIT 0.3 0.67 1.24 1.06 2.5 3.08 2.4 3.11
            30 0 DROPOUT -0.22 -0.3 0.2 0.43 2.71 NaN 2.74 2.87
            31 1 SESSION_LIMIT 0.26 0.68 0.75 0.76 3.05 2.4 3.03 2.27
            32 2 GOALS_MET -0.99 -0.69 0.26 0.35 3.45 4.24 3.38 4.25
            33 3 SESSION_LIMIT 0.67 0.95 0.16 0.3 2.5 2.54 2.61 2.54
            34 4 GOALS_MET 0.69 0.95 1.37 1.23 3.23 3.83 3.23 3.91
            35 5 SESSION_LIMIT 0.36 0.39 0.72 0.86 3.4 4.89 3.58 4.79
            """;

    static List<StudyFamily> families() {
        List<StudyFamily> out = new ArrayList<>();
        for (String line : FAMILIES.strip().split("\n")) {
            String[] c = line.strip().split(" +");
            double[] v = new double[8];
            for (int i = 0; i < 8; i++) {
                v[i] = Double.parseDouble(c[3 + i]);
            }
            out.add(new StudyFamily(1, Integer.parseInt(c[0]), Integer.parseInt(c[1]), EndReason.valueOf(c[2]), 6,
                    v[0], v[1], v[2], v[3], v[4], v[5], Double.NaN, v[6], v[7]));
        }
        return out;
    }

    private static StudyStatistic row(List<StudyStatistic> rows, String name) {
        return rows.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static MeasurementSpec measurement(int raters, List<Integer> softaSSessions) {
        return new MeasurementSpec(true, new ObserverRatings(raters, 0.89, 0.88, 0.74, 0.95, 0),
                new SelfReport(0.81, 0.82, 0.83, 0.84), OutcomeMeasure.defaults(),
                new Schedule(List.of(1, 3), softaSSessions, 4), 0.02, FollowUp.defaults());
    }

    @Test
    void eachStatisticReadsItsFamiliesAndColumnsAsRDoes() {
        List<StudyStatistic> rows = StudyAnalysis.of(new VirtualStudy.Sample(families(), List.of()), name -> true);
        assertEquals(List.of("d_dropout", "or_dropout", "r_outcome", "or_split_dropout", "r_split_outcome",
                "icc_therapist_dropout", "icc_therapist_outcome"), rows.stream().map(StudyStatistic::name).toList());

        // 32 families in the dropout analyses: 21 completers, 11 dropouts (the censored, the waitlist dropout
        // and the two completers without an observed early alliance are left out).
        StudyStatistic d = row(rows, "d_dropout");
        assertEquals(0.272451784916705, d.observed().value(), 1e-12);
        assertEquals(0.469839099424931, d.pValue(), 1e-10);
        assertEquals(0.407357283368766, d.latent(), 1e-12);
        assertEquals(32, d.n());
        assertEquals(StudyStatistic.Test.P_VALUE, d.test());

        StudyStatistic or = row(rows, "or_dropout");
        assertEquals(0.74601225602996, or.observed().value(), 1e-9);
        assertEquals(0.344548558768913, or.observed().lower(), 1e-9);
        assertEquals(1.61525646235594, or.observed().upper(), 1e-9);
        assertEquals(0.457228796997809, or.pValue(), 1e-9);
        assertEquals(0.641434279046682, or.latent(), 1e-9);
        assertEquals(32, or.n());

        StudyStatistic split = row(rows, "or_split_dropout");
        assertEquals(0.78366261621303, split.observed().value(), 1e-9);
        assertEquals(0.523145496435335, split.pValue(), 1e-9);
        assertEquals(0.728762977582348, split.latent(), 1e-9);
        assertEquals(32, split.n());

        // The outcome set: 21 completers with an observed early alliance; the observed gain uses the 19
        // with both scores, the latent one all 21.
        StudyStatistic r = row(rows, "r_outcome");
        assertEquals(-0.136291764220494, r.observed().value(), 1e-12);
        assertEquals(0.577966521183652, r.pValue(), 1e-10);
        assertEquals(-0.273612599767168, r.latent(), 1e-12);
        assertEquals(19, r.n());

        StudyStatistic rs = row(rows, "r_split_outcome");
        assertEquals(0.12648362678261, rs.observed().value(), 1e-12);
        assertEquals(0.605868066664195, rs.pValue(), 1e-10);
        assertEquals(0.042558329932848, rs.latent(), 1e-12);
        assertEquals(19, rs.n());

        // Therapists' shares: glmer's Laplace fit on the dropout set (its latent column is the same fit), lmer's
        // REML on the 19 completers with a change score (observed; latent on the same 19).
        StudyStatistic iccDrop = row(rows, "icc_therapist_dropout");
        assertEquals(0.600293760564974, iccDrop.observed().value(), 1e-4);
        assertEquals(iccDrop.observed().value(), iccDrop.latent());
        assertTrue(Double.isNaN(iccDrop.pValue()));
        assertEquals(32, iccDrop.n());
        assertEquals(StudyStatistic.Test.INTERVAL, iccDrop.test());

        StudyStatistic iccOut = row(rows, "icc_therapist_outcome");
        assertEquals(0.405291649659403, iccOut.observed().value(), 1e-6);
        assertEquals(0.476571721804042, iccOut.latent(), 1e-6);
        assertTrue(Double.isNaN(iccOut.pValue()));
        assertEquals(19, iccOut.n());
        assertEquals(StudyStatistic.Test.INTERVAL, iccOut.test());
    }

    @Test
    void onlyTheWantedStatisticsAreComputedInTheirOrder() {
        VirtualStudy.Sample s = new VirtualStudy.Sample(families(), List.of());
        assertEquals(List.of("or_split_dropout", "icc_therapist_outcome"), StudyAnalysis.of(s,
                n -> n.equals("icc_therapist_outcome") || n.equals("or_split_dropout")).stream()
                .map(StudyStatistic::name).toList());
        assertEquals(List.of(), StudyAnalysis.of(s, n -> false));
        // Without reliabilities the seven effects alone, whatever the measurement says.
        assertEquals(7, StudyAnalysis.of(s, measurement(2, List.of(1, 3)), 3, false).size());
    }

    /**
     * Without a dropout no dropout statistic can be computed: each row is blank (NaN estimate and
     * p-value) and counts the families it would have used; the outcome rows still stand.
     */
    @Test
    void statisticsTheSampleDoesNotAllowAreBlankRowsWithTheirCounts() {
        List<StudyFamily> completers = families().stream().filter(StudyFamily::completed).toList();
        List<StudyStatistic> rows = StudyAnalysis.of(new VirtualStudy.Sample(completers, List.of()), n -> true);
        for (String name : List.of("d_dropout", "or_dropout", "or_split_dropout", "icc_therapist_dropout")) {
            StudyStatistic s = row(rows, name);
            assertTrue(Double.isNaN(s.observed().value()) && Double.isNaN(s.observed().lower())
                    && Double.isNaN(s.observed().upper()), name);
            assertTrue(Double.isNaN(s.pValue()) && Double.isNaN(s.latent()), name);
            assertEquals(21, s.n(), name + " counts the 21 completers with an observed early alliance");
            assertTrue(!s.detected(1.0), name);
        }
        assertEquals(-0.136291764220494, row(rows, "r_outcome").observed().value(), 1e-12);

        // Two families with every observed score (under the 3 the label calls enough): the observed r is
        // blank and says why; the latent r of the same families (all with latent scores) still stands.
        List<StudyFamily> scored = completers.stream().filter(f -> !Double.isNaN(f.allianceObserved())
                && !Double.isNaN(f.outcomeBaseline()) && !Double.isNaN(f.outcomeEnd())).toList();
        List<StudyFamily> few = new ArrayList<>();
        for (StudyFamily f : scored.subList(0, 6)) {
            boolean keep = few.size() < 2;
            few.add(new StudyFamily(f.replication(), f.familyId(), f.therapistId(), f.endReason(),
                    f.sessionsAttended(), f.allianceObserved(), f.allianceLatent(), f.splitObserved(), f.splitLatent(),
                    f.outcomeBaseline(), keep ? f.outcomeEnd() : Double.NaN, f.rci(), f.outcomeBaselineLatent(),
                    f.outcomeEndLatent()));
        }
        StudyStatistic r = row(StudyAnalysis.of(new VirtualStudy.Sample(few, List.of()), n -> true), "r_outcome");
        assertTrue(Double.isNaN(r.observed().value()) && Double.isNaN(r.pValue()));
        assertEquals(2, r.n());
        assertTrue(r.label().endsWith("; not computed: too few complete cases (2 of 6 families have every observed"
                + " score)"), r.label());
        assertTrue(r.label().startsWith("r of residualised outcome gain with early alliance (completers)"), r.label());
        assertTrue(Double.isFinite(r.latent()), "the latent r of the six families: " + r.latent());
    }

    private static Measure rating(int family, int member, int session, String scale, int rater, double score) {
        return new Measure(1, family, 0, member, member == Measure.NONE ? null : Role.PARENT, session,
                Instrument.SOFTA_O, scale, rater, score);
    }

    private static Measure item(int family, int member, int session, String scale, double score) {
        return new Measure(1, family, 0, member, Role.PARENT, session, Instrument.SOFTA_S, scale, Measure.NONE, score);
    }

    /** Engagement: 5 targets (family-members) x 2 raters at the early session 3; ICC(2,1) = 0.789473684210526 (R). */
    private static List<Measure> ratings() {
        List<Measure> m = new ArrayList<>();
        int[][] who = {{1, 0}, {1, 1}, {2, 0}, {3, 0}, {4, 0}};
        double[][] eng = {{3, 2}, {1, 1}, {0, 1}, {2, 3}, {-1, 0}};
        for (int t = 0; t < who.length; t++) {
            for (int r = 0; r < 2; r++) {
                m.add(rating(who[t][0], who[t][1], 3, "engagement", r + 1, eng[t][r]));
            }
            m.add(rating(who[t][0], who[t][1], 1, "engagement", 1, 3 - eng[t][0])); // another session
            m.add(rating(who[t][0], who[t][1], 3, "engagement", Measure.NONE, -3)); // the consensus, not a rater
        }
        m.add(rating(1, 0, 3, "connection", 1, 1)); // connection: one target only
        m.add(rating(1, 0, 3, "connection", 2, 2));
        // Shared purpose is the family's (member NONE): 3 targets, ICC(2,1) = 0.9 (R).
        double[][] sp = {{2, 2}, {1, 0}, {3, 3}};
        for (int f = 0; f < 3; f++) {
            for (int r = 0; r < 2; r++) {
                m.add(rating(f + 1, Measure.NONE, 3, "shared_purpose", r + 1, sp[f][r]));
            }
        }
        return m;
    }

    /** SOFTA-s items at {@code session}: engagement 4 complete respondents (alpha 0.91324200913242, R), others short. */
    private static List<Measure> items(int session) {
        List<Measure> m = new ArrayList<>();
        int[][] who = {{1, 0}, {1, 1}, {2, 0}, {3, 2}};
        double[][] eng = {{4, 5, 4, 3}, {2, 2, 3, 2}, {3, 4, 3, 3}, {5, 4, 5, 5}};
        for (int r = 0; r < who.length; r++) {
            for (int i = 0; i < 4; i++) {
                m.add(item(who[r][0], who[r][1], session, "engagement_" + (i + 1), eng[r][i]));
                m.add(item(who[r][0], who[r][1], session + 1, "engagement_" + (i + 1), 1)); // another session
            }
        }
        // Connection: 2 complete respondents and one with a missing item.
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 4; i++) {
                m.add(item(r + 1, 0, session, "connection_" + (i + 1), r == 2 && i == 1 ? Double.NaN : 2 + r + i % 2));
            }
        }
        // Safety: 3 complete respondents, all with the same sum score (alpha undefined).
        double[][] flat = {{1, 2, 3, 4}, {4, 3, 2, 1}, {2, 3, 2, 3}};
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 4; i++) {
                m.add(item(r + 1, 0, session, "safety_" + (i + 1), flat[r][i]));
            }
        }
        return m;
    }

    @Test
    void raterIccsPerDimensionAtTheEarlySession() {
        List<Measure> m = new ArrayList<>(ratings());
        m.addAll(items(3));
        List<StudyStatistic> rows = StudyAnalysis.of(new VirtualStudy.Sample(families(), m),
                measurement(2, List.of(1, 3)), 3, true);
        assertEquals(15, rows.size(), "7 effects, 4 rater ICCs, 4 alphas");
        StudyStatistic eng = row(rows, "icc_raters_engagement");
        assertEquals(0.789473684210526, eng.observed().value(), 1e-12);
        assertEquals(0.89, eng.latent(), "the configured reliability");
        assertEquals(5, eng.n());
        assertEquals(StudyStatistic.Test.NONE, eng.test());
        assertEquals("SOFTA-o inter-rater ICC(2,1), engagement (latent: configured)", eng.label());

        StudyStatistic con = row(rows, "icc_raters_connection");
        assertTrue(Double.isNaN(con.observed().value()));
        assertEquals(0.88, con.latent());
        assertEquals(1, con.n(), "one target: not computed, its count kept");
        StudyStatistic safety = row(rows, "icc_raters_safety");
        assertTrue(Double.isNaN(safety.observed().value()));
        assertEquals(0.74, safety.latent());
        assertEquals(0, safety.n());

        StudyStatistic sp = row(rows, "icc_raters_shared_purpose");
        assertEquals(0.9, sp.observed().value(), 1e-12);
        assertEquals(0.95, sp.latent());
        assertEquals(3, sp.n());
        assertEquals("SOFTA-o inter-rater ICC(2,1), shared purpose (latent: configured)", sp.label());

        // One rater: no rater rows at all (and the alphas still come).
        List<StudyStatistic> one = StudyAnalysis.of(new VirtualStudy.Sample(families(), m),
                measurement(1, List.of(1, 3)), 3, true);
        assertEquals(11, one.size());
        assertTrue(one.stream().noneMatch(s -> s.name().startsWith("icc_raters_")));
    }

    @Test
    void alphasPerSubscaleAtTheEarlySessionOrTheFirstSoftaSSession() {
        List<StudyStatistic> rows = StudyAnalysis.of(new VirtualStudy.Sample(families(), items(3)),
                measurement(2, List.of(1, 3)), 3, true);
        StudyStatistic eng = row(rows, "alpha_engagement");
        assertEquals(0.91324200913242, eng.observed().value(), 1e-12);
        assertEquals(0.81, eng.latent(), "the configured alpha");
        assertEquals(4, eng.n());
        assertEquals(StudyStatistic.Test.NONE, eng.test());
        assertEquals("SOFTA-s Cronbach's alpha, engagement, session 3 (latent: configured)", eng.label());

        StudyStatistic con = row(rows, "alpha_connection");
        assertTrue(Double.isNaN(con.observed().value()));
        assertEquals(0.82, con.latent());
        assertEquals(2, con.n(), "respondents with every item, not the 3 who answered one");
        assertEquals("SOFTA-s Cronbach's alpha, connection, session 3 (latent: configured); not computed: too few"
                + " complete cases (2 of 3 respondents answered every item)", con.label());

        StudyStatistic safety = row(rows, "alpha_safety");
        assertTrue(Double.isNaN(safety.observed().value()));
        assertEquals(0.83, safety.latent());
        assertEquals(3, safety.n());
        assertEquals("SOFTA-s Cronbach's alpha, safety, session 3 (latent: configured); not computed: Cronbach's"
                + " alpha is undefined: the sum score does not vary", safety.label());

        StudyStatistic sp = row(rows, "alpha_shared_purpose");
        assertEquals(0, sp.n());
        assertEquals(0.84, sp.latent());
        assertTrue(sp.label().endsWith("too few complete cases (0 of 0 respondents answered every item)"), sp.label());

        // The early session 3 is not a SOFTA-s session: the first one (2) is used.
        List<StudyStatistic> other = StudyAnalysis.of(new VirtualStudy.Sample(families(), items(2)),
                measurement(2, List.of(2, 4)), 3, true);
        StudyStatistic at2 = row(other, "alpha_engagement");
        assertEquals(0.91324200913242, at2.observed().value(), 1e-12);
        assertTrue(at2.label().contains(", session 2 "), at2.label());

        // No SOFTA-s session: no alpha rows.
        assertTrue(StudyAnalysis.of(new VirtualStudy.Sample(families(), items(3)), measurement(2, List.of()), 3, true)
                .stream().noneMatch(s -> s.name().startsWith("alpha_")));
    }

    /**
     * A family seen at the early session but without a consensus rating there has no observed
     * composite or split (NaN, not 0 or an infinite spread), keeps its latent ones, and is not in the
     * dropout analyses; which families are is decided by the end reason and the observed composite.
     */
    @Test
    void aFamilyWithoutEarlyConsensusRatingsHasNoObservedAllianceAndEndReasonsSortTheSets() {
        MemberSession a = new MemberSession(0, Role.PARENT, false, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 1, false, false);
        MemberSession b = new MemberSession(1, Role.CHILD, false, 1.5, 1.5, 1.5, 1.5, 1.5, 0, 1, false, false);
        SessionRecord early = new SessionRecord(0, 7, 3, 14, 0.5, 0, 0.5, 0.3, 0.4, 1.25, 0, 0.3, List.of(a, b));
        List<Measure> onlyOutcome = List.of(new Measure(0, 7, 2, Measure.NONE, null, 0, Instrument.OUTCOME, "baseline",
                Measure.NONE, 3.5), rating(7, 0, 3, "engagement", 1, 2.0)); // a rater's rating is not the consensus
        FamilyTruth t = new FamilyTruth(0, 7, 2, EndReason.DROPOUT, 3, 0.1, 0.2, 1.1, 3.4, 2.6);
        StudyFamily f = VirtualStudy.row(t, onlyOutcome, early, 3);
        assertTrue(Double.isNaN(f.allianceObserved()), "no composite: " + f.allianceObserved());
        assertTrue(Double.isNaN(f.splitObserved()), "no spread: " + f.splitObserved());
        assertEquals(1.0, f.allianceLatent(), 1e-15);
        assertEquals(1.25, f.splitLatent());
        assertEquals(3.5, f.outcomeBaseline());
        assertTrue(f.dropout() && !f.completed() && !f.inDropoutAnalyses());

        for (EndReason r : EndReason.values()) {
            StudyFamily g = new StudyFamily(0, 1, 0, r, 2, 0.3, 0.3, 0, 0, 3, 3, 0, 3, 3);
            assertEquals(r == EndReason.DROPOUT, g.dropout(), r.name());
            assertEquals(r == EndReason.GOALS_MET || r == EndReason.SESSION_LIMIT, g.completed(), r.name());
            assertEquals(r != EndReason.CENSORED && r != EndReason.WAITLIST_DROPOUT, g.inDropoutAnalyses(), r.name());
        }
    }
}
