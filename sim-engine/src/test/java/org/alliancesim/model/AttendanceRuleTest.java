package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The attendance rules: the trend rules read the slope of the deciding alliance over the last
 * sessions, and move dropout in the direction that implies, against the level rule on the same
 * families (common random numbers). Error budget: {@link Paired} (99% intervals); seeds fixed.
 */
class AttendanceRuleTest {

    private static final long SEED = 5120411L;

    static ModelParameters withAttendance(ModelParameters p, Rules.Attendance.Rule rule) {
        return p.withRules(p.rules().withAttendance(Variants.with(p.rules().attendance(), "rule", rule)));
    }

    private static Family family(double alliance) {
        RandomStreams s = RandomStreams.of(1);
        Member[] ms = {new Member(0, Role.PARENT, false, 1.5, 1, 1, alliance, alliance, alliance)};
        return new Family(0, Variants.family(Referral.VOLUNTARY, 0.5, false), ms, 0.5, false, 0, 1.3, 1, 0, 0,
                s.stream(0, 0, "session"), s.stream(0, 0, "attendance"));
    }

    /** Sets the only member's alliance and counts a session, as {@link Replication} does. */
    private static void attend(AttendanceRule rule, Family f, double alliance) {
        Member m = f.members[0];
        m.engagement = alliance;
        m.connection = alliance;
        m.safety = alliance;
        f.attended++;
        rule.sessionAttended(f);
    }

    @Test
    void eachNameSelectsItsOwnRule() {
        Rules.Attendance d = Rules.Attendance.defaults();
        assertInstanceOf(AttendanceRule.Level.class, AttendanceRule.of(d));
        assertInstanceOf(AttendanceRule.Trend.class, AttendanceRule.of(Variants.with(d, "rule", Rules.Attendance.Rule.TREND)));
        assertInstanceOf(AttendanceRule.Trend.class,
                AttendanceRule.of(Variants.with(d, "rule", Rules.Attendance.Rule.LEVEL_AND_TREND)));
    }

    @Test
    void theTrendIsTheSlopeOverTheLastSessionsAndTheLevelRuleKeepsNoHistory() {
        Rules.Attendance a = Rules.Attendance.defaults();
        Rules.Attendance r = new Rules.Attendance(Rules.Attendance.Rule.LEVEL_AND_TREND, a.alliance(), 3, 2.0);
        AttendanceRule both = AttendanceRule.of(r);
        AttendanceRule trend = AttendanceRule.of(Variants.with(r, "rule", Rules.Attendance.Rule.TREND));
        Family f = family(1.0);
        both.courseStarted(f);
        attend(both, f, 0.8);
        // One session: the slope over it.
        assertEquals(2.0 * -0.2, trend.allianceTerm(f, 0.8), 1e-12);
        attend(both, f, 0.5);
        attend(both, f, 0.2);
        attend(both, f, 0.4);
        // Four sessions, window 3: from 0.8 (after session 1) to 0.4.
        assertEquals(2.0 * (0.4 - 0.8) / 3, trend.allianceTerm(f, 0.4), 1e-12);
        assertEquals(a.alliance() * 0.4 + 2.0 * (0.4 - 0.8) / 3, both.allianceTerm(f, 0.4), 1e-12);
        attend(both, f, 1.1);
        assertEquals(2.0 * (1.1 - 0.5) / 3, trend.allianceTerm(f, 1.1), 1e-12);

        Family g = family(1.0);
        AttendanceRule level = AttendanceRule.of(Rules.Attendance.defaults());
        level.courseStarted(g);
        attend(level, g, 0.5);
        assertNull(g.allianceHistory, "the level rule remembers nothing");
        assertEquals(a.alliance() * 0.5, level.allianceTerm(g, 0.5), 1e-15);
    }

    @Test
    void underTheTrendRuleALowerStartingAllianceCostsFewerFamilies() {
        // Involuntary families start lower on every dimension. The level rule reads that level; the
        // trend rule reads only where the alliance goes, so the involuntary excess of dropout shrinks.
        ModelParameters a = Variants.base(600);
        ModelParameters b = withAttendance(a, Rules.Attendance.Rule.TREND);
        Paired gap = Paired.of(a, b, AttendanceRuleTest::involuntaryExcess, 8, SEED);
        System.out.println("trend, involuntary minus voluntary dropout: " + gap);
        assertTrue(gap.meanA > 0.1, "the level rule's involuntary excess: " + gap);
        assertTrue(gap.negative(), "smaller under the trend rule: " + gap);
    }

    private static double involuntaryExcess(CourseTally t) {
        return CourseTally.share(t.where(c -> c.referral() == Referral.INVOLUNTARY), c -> c.endReason() == EndReason.DROPOUT)
                - CourseTally.share(t.where(c -> c.referral() == Referral.VOLUNTARY), c -> c.endReason() == EndReason.DROPOUT);
    }

    @Test
    void levelAndTrendLosesMoreFamiliesWhoseAllianceFallsAndFewerWhoseAllianceRises() {
        // Falling: fragile members under a demanding, escalating therapist. Rising: a warm,
        // consistent therapist who barely challenges. The added trend term raises the hazard
        // where the alliance falls and lowers it where it rises.
        ModelParameters falling = Variants.onlyTherapist(Variants.withStartingAlliance(Variants.base(500), 0.0),
                Variants.therapist(Experience.EXPERIENCED, 0.55, 0.5, 0.3, 0.85, ChallengePolicy.ESCALATING, 1.0));
        ModelParameters rising = Variants.onlyTherapist(Variants.withStartingAlliance(Variants.base(500), -0.5),
                Variants.therapist(Experience.EXPERIENCED, 0.9, 0.95, 0.6, 0.9, ChallengePolicy.FIXED, 0.2));
        Paired more = Paired.of(falling, withAttendance(falling, Rules.Attendance.Rule.LEVEL_AND_TREND),
                CourseTally::dropoutShare, 8, SEED);
        Paired fewer = Paired.of(rising, withAttendance(rising, Rules.Attendance.Rule.LEVEL_AND_TREND),
                CourseTally::dropoutShare, 8, SEED);
        System.out.println("level and trend, dropout where the alliance falls: " + more + "; where it rises: " + fewer);
        assertTrue(more.positive(), "falling alliance: " + more);
        assertTrue(fewer.negative(), "rising alliance: " + fewer);
    }

    /**
     * Replication feeds the trend rule the deciding alliance after every session. With a window of one session and the
     * largest trend weight allowed (20 log-odds per point), a change of more than 0.8 points in session t moves the
     * hazard before session t + 1 by more than 16 log-odds: practically certain dropout after such a fall, practically
     * none after such a rise (error budget: the other terms of the hazard are a few log-odds, so each case fails with
     * probability below e^-10; 2000 families, fixed seed: 11 rises and 96 falls). No-shows are switched off, so
     * every dropout is the hazard's. The oracle is the session records: the deciding alliance is recomputed from each
     * member's composite and the role's decision weight. Wrong code that does not record the alliance after a session
     * (Replication not calling sessionAttended) makes the rule read a stale history: checked by hand, family 290 then
     * drops out after its alliance rose by 0.81 in session 2.
     */
    @Test
    void replicationFeedsTheTrendRuleEverySession() {
        ModelParameters p = Variants.set(Variants.base(2000), "dynamics.attendance.noShowBase", 0.0,
                "dynamics.attendance.noShowLowAlliance", 0.0);
        p = p.withRules(p.rules().withAttendance(new Rules.Attendance(Rules.Attendance.Rule.TREND, Rules.Attendance.defaults().alliance(), 1, 20.0)));
        RoleValues w = p.dynamics().start().decisionWeight();
        double clear = 0.8;
        CourseTally tally = CourseTally.run(p, 2029, 1, true);
        java.util.Map<Integer, CourseRecord> course = new java.util.HashMap<>();
        for (CourseRecord c : tally.courses) {
            course.put(c.familyId(), c);
        }
        int rose = 0;
        int fell = 0;
        java.util.Map<Integer, Double> previous = new java.util.HashMap<>(); // deciding alliance after the last session
        for (SessionRecord s : tally.sessions) {
            double before = 0;
            double after = 0;
            double weights = 0;
            for (MemberSession m : s.members()) {
                before += w.of(m.role()) * m.allianceBefore();
                after += w.of(m.role()) * m.alliance();
                weights += w.of(m.role());
            }
            // Session 1 starts from the alliance at the course's start; later ones from the last session's end.
            double from = s.session() == 1 ? before / weights : previous.get(s.familyId());
            double change = after / weights - from;
            previous.put(s.familyId(), after / weights);
            CourseRecord c = course.get(s.familyId());
            boolean endedByThisSession = c.endSession() == s.session() && c.sessionsAttended() == s.session()
                    && (c.endReason() == EndReason.GOALS_MET || c.endReason() == EndReason.SESSION_LIMIT);
            if (endedByThisSession) {
                continue;
            }
            if (change > clear) {
                rose++;
                assertTrue(c.sessionsAttended() > s.session() || c.endReason() != EndReason.DROPOUT,
                        "family " + s.familyId() + " dropped out after its alliance rose by " + change + " in session "
                                + s.session());
            } else if (change < -clear) {
                fell++;
                assertEquals(s.session(), c.sessionsAttended(), "family " + s.familyId()
                        + " came back after its alliance fell by " + change + " in session " + s.session());
            }
        }
        System.out.println("trend fed by Replication: rose " + rose + ", fell " + fell);
        assertTrue(rose >= 5 && fell >= 50, "both cases must occur: rose " + rose + ", fell " + fell);
    }
}
