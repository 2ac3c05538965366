package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.measurement.FamilyTruth;
import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.StudySpec;
import org.junit.jupiter.api.Test;

/** A family's study row from its measures and truth; the sample's design edits and keyed seeds. */
class VirtualStudyTest {

    private static Measure softaO(int member, int session, String scale, int rater, double score) {
        return new Measure(0, 7, 2, member, Role.PARENT, session, Instrument.SOFTA_O, scale, rater, score);
    }

    private static Measure outcome(String scale, double score) {
        return new Measure(0, 7, 2, Measure.NONE, null, 0, Instrument.OUTCOME, scale, Measure.NONE, score);
    }

    private static MemberSession member(int id, double alliance) {
        return new MemberSession(id, Role.PARENT, false, alliance, alliance, alliance, alliance, alliance, 0, 1, false,
                false);
    }

    /**
     * Observed early alliance is the mean over members of each member's consensus composite
     * (engagement, connection, safety) at the early session; split is the largest minus the smallest;
     * rater rows, other sessions and shared purpose do not enter. Latent values come from the early
     * session's record.
     */
    @Test
    void aRowAveragesTheConsensusCompositesOfTheEarlySession() {
        List<Measure> m = new ArrayList<>();
        double[][] consensus = {{1, 2, 0}, {3, 3, 3}};
        String[] dims = {"engagement", "connection", "safety"};
        for (int member = 0; member < 2; member++) {
            for (int d = 0; d < 3; d++) {
                m.add(softaO(member, 3, dims[d], 1, -3)); // a rater's own rating: not the consensus
                m.add(softaO(member, 3, dims[d], Measure.NONE, consensus[member][d]));
                m.add(softaO(member, 1, dims[d], Measure.NONE, -2)); // another session
            }
        }
        m.add(softaO(Measure.NONE, 3, "shared_purpose", Measure.NONE, -3));
        m.add(outcome("baseline", 3.5));
        m.add(outcome("end", 2.5));
        m.add(outcome("rci", -1.2));
        FamilyTruth t = new FamilyTruth(0, 7, 2, EndReason.GOALS_MET, 8, 0.1, 0.2, 1.1, 3.4, 2.6);
        SessionRecord early = new SessionRecord(0, 7, 3, 14, 0.5, 0, 0.5, 0.3, 0.4, 1.25, 0, 0.3,
                List.of(member(0, 0.5), member(1, 1.5)));
        StudyFamily f = VirtualStudy.row(t, m, early, 3);
        assertEquals(2.0, f.allianceObserved(), 1e-15);
        assertEquals(2.0, f.splitObserved(), 1e-15);
        assertEquals(1.0, f.allianceLatent(), 1e-15);
        assertEquals(1.25, f.splitLatent());
        assertEquals(3.5, f.outcomeBaseline());
        assertEquals(2.5, f.outcomeEnd());
        assertEquals(-1.2, f.rci());
        assertEquals(3.4, f.outcomeBaselineLatent());
        assertEquals(2.6, f.outcomeEndLatent());
        assertTrue(f.completed() && f.inDropoutAnalyses());
        StudyFamily notReached = VirtualStudy.row(t, m, null, 5);
        assertTrue(Double.isNaN(notReached.allianceObserved()) && Double.isNaN(notReached.allianceLatent()));
    }

    /**
     * The members' composites are averaged in the order the measures first name the members, as the
     * rows always were: composites 1e16, -1e16 and 1 (members 5, 3, 0) sum to 1 in that order but to 0
     * in member order (1 - 1e16 + 1e16), so a row that averaged by member number (a hash map's or a
     * sorted map's order) would fail; split is the largest minus the smallest whatever the order.
     */
    @Test
    void aRowAveragesTheCompositesInTheOrderTheMembersComeIn() {
        List<Measure> m = new ArrayList<>();
        int[] members = {5, 3, 0};
        double[] composite = {1e16, -1e16, 1};
        String[] dims = {"engagement", "connection", "safety"};
        for (int k = 0; k < 3; k++) {
            for (String d : dims) {
                m.add(softaO(members[k], 1, d, Measure.NONE, composite[k]));
            }
        }
        m.add(softaO(0, 1, "safety", Measure.NONE, 1)); // a member named again adds to its own composite
        FamilyTruth t = new FamilyTruth(0, 7, 2, EndReason.DROPOUT, 3, 0.1, 0.2, 0.3, 3.4, 3.1);
        StudyFamily f = VirtualStudy.row(t, m, null, 1);
        assertEquals(1 / 3.0, f.allianceObserved());
        assertEquals(2e16, f.splitObserved());
        assertTrue(Double.isNaN(f.outcomeBaseline()) && Double.isNaN(f.allianceLatent()));
        List<Measure> many = new ArrayList<>(); // more members than the row's first guess (six)
        for (int k = 0; k < 9; k++) {
            many.add(softaO(k, 1, "engagement", Measure.NONE, k));
        }
        assertEquals(4.0, VirtualStudy.row(t, many, null, 1).allianceObserved());
        assertEquals(8.0, VirtualStudy.row(t, many, null, 1).splitObserved());
    }

    /**
     * A sample drawn without its measures has the same rows, every column to the bit, as one drawn
     * with them (the full study: later ratings, SOFTA-s, the outcome in treatment): drawn so, its
     * families are measured without the raters' own rows ({@code Measurement.withoutRaterRows}), which
     * the rows never read. Would fail if that mode moved a draw or lost a consensus or outcome row
     * (an observed alliance, split, baseline, end or change index would be NaN or differ).
     */
    @Test
    void rowsWithoutTheMeasuresAreTheRowsWithThem() throws Exception {
        var scenario = ScenarioLoader.load("default");
        VirtualStudy full = VirtualStudy.of(scenario, new StudySpec(300, 3, 3, 0.05, 11));
        var model = scenario.with("run.mode", "cohort").with("run.families", 300).model();
        VirtualStudy.Sample with = full.draw(model, 20261207, 2, true);
        VirtualStudy.Sample without = full.draw(model, 20261207, 2, false);
        assertEquals(with.families(), without.families());
        assertEquals(List.of(), without.measures());
        assertTrue(with.measures().stream().anyMatch(x -> x.rater() == 2));
        assertTrue(with.families().stream().filter(f -> Double.isFinite(f.allianceObserved())
                && Double.isFinite(f.outcomeEnd()) && Double.isFinite(f.rci())).count() > 50);
    }

    /** The design spreads the families over its therapists and rates the early session; seeds are keyed by size. */
    @Test
    void theDesignSetsCaseloadsAndSchedule() throws Exception {
        VirtualStudy s = VirtualStudy.of(ScenarioLoader.load("default"), new StudySpec(200, 20, 5, 0.05, 1));
        s.model(200).therapists().forEach(t -> assertEquals(10, t.caseload()));
        assertEquals(List.of(1, 3, 5), s.measurement().schedule().softaOSessions());
        assertTrue(s.measurement().enabled());
        assertNotEquals(s.powerSeed(40), s.powerSeed(80));
        assertEquals(s.powerSeed(40), VirtualStudy.of(ScenarioLoader.load("default"), new StudySpec(80, 20, 1, 0.05, 1))
                .powerSeed(40));
    }

    /**
     * The early ratings alone give the same early-alliance columns of every row, to the bit, and so the
     * same dropout statistics: each instrument draws from its own stream per family and session 1's
     * SOFTA-o draws come first, so dropping SOFTA-s, the later ratings, the outcome in treatment and the
     * records of later sessions changes no early composite, split or end reason (a schedule that
     * dropped session 1, ratings drawn from a shared stream, or a run that stopped recording before
     * session 1 would fail this); and the dropped instruments leave no rows.
     */
    @Test
    void earlyRatingsOnlyGiveTheSameRows() throws Exception {
        var scenario = ScenarioLoader.load("default");
        VirtualStudy full = VirtualStudy.of(scenario, new StudySpec(300, 3, 1, 0.05, 11));
        VirtualStudy early = full.earlyRatingsOnly();
        assertEquals(List.of(1), early.measurement().schedule().softaOSessions());
        assertEquals(List.of(), early.measurement().schedule().softaSSessions());
        assertEquals(0, early.measurement().schedule().outcomeEvery());
        var model = scenario.with("run.mode", "cohort").with("run.families", 300).model();
        VirtualStudy.Sample a = full.draw(model, 20261207, 1);
        VirtualStudy.Sample b = early.draw(model, 20261207, 1);
        assertEquals(earlyColumns(a), earlyColumns(b));
        assertTrue(a.families().size() > 250);
        java.util.Set<String> dropout = java.util.Set.of("d_dropout", "or_dropout", "or_split_dropout",
                "icc_therapist_dropout");
        assertEquals(StudyAnalysis.of(a, dropout::contains), StudyAnalysis.of(b, dropout::contains));
        assertTrue(a.measures().stream().anyMatch(x -> x.instrument() == Instrument.SOFTA_S));
        assertTrue(b.measures().stream().noneMatch(x -> x.instrument() == Instrument.SOFTA_S || x.session() > 1
                && x.instrument() == Instrument.SOFTA_O));
        assertEquals(List.of(), early.draw(model, 20261207, 1, false).measures());
        assertEquals(b.families(), early.draw(model, 20261207, 1, false).families());
    }

    /** What the dropout analyses read of each row: who, how it ended, the early alliance and split. */
    private static List<List<Object>> earlyColumns(VirtualStudy.Sample s) {
        return s.families().stream().map(f -> List.<Object>of(f.familyId(), f.therapistId(), f.endReason(),
                f.sessionsAttended(), f.allianceObserved(), f.allianceLatent(), f.splitObserved(), f.splitLatent()))
                .toList();
    }
}
