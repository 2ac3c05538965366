package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Edges of the model's small parts, each against a value worked out by hand: the bounds of a
 * therapist's choice, the trust weights, the trust rules at their thresholds, a therapist's support
 * and qualities, the trend rule before any session, the gap's tie, resilience in a session, and the
 * bounds table read from a record's annotations.
 */
class ModelEdgesTest {

    @Test
    void aSessionChoiceAcceptsItsClosedBoundsAndRefusesBeyondThem() {
        new SessionChoice(0, SessionChoice.NO_FOCUS, 0, true);
        new SessionChoice(SessionChoice.MAX_CHALLENGE, 0, 1, false);
        assertEquals("challenge: expected a number in [0, 2], found -1.0E-9",
                assertThrows(IllegalArgumentException.class, () -> new SessionChoice(-1e-9, -1, 0.5, true)).getMessage());
        assertEquals("challenge: expected a number in [0, 2], found 2.000000001",
                assertThrows(IllegalArgumentException.class, () -> new SessionChoice(2.000000001, -1, 0.5, true))
                        .getMessage());
        assertEquals("support: expected a number in [0, 1], found -0.001",
                assertThrows(IllegalArgumentException.class, () -> new SessionChoice(1, -1, -0.001, true)).getMessage());
        assertEquals("focus: expected a member number or -1 (none), found -2",
                assertThrows(IllegalArgumentException.class, () -> new SessionChoice(1, -2, 0.5, true)).getMessage());
    }

    @Test
    void theTrustWeightsMayNotAllBeZero() {
        Dynamics.Trust t = Dynamics.defaults().trust();
        Dynamics.Trust zero = Variants.with(Variants.with(t, "empathyWeight", 0.0), "genuinenessWeight", 0.0);
        Throwable e = assertThrows(IllegalStateException.class, () -> Variants.with(zero, "warmthWeight", 0.0));
        while (!(e instanceof ParameterException) && e.getCause() != null) {
            e = e.getCause(); // Variants.with calls the constructor by reflection
        }
        ParameterException pe = (ParameterException) e;
        assertEquals("warmthWeight", pe.field());
        assertEquals("> 0 when empathyWeight and genuinenessWeight are 0", pe.allowed());
        assertEquals(1e-9, Variants.with(zero, "warmthWeight", 1e-9).warmthWeight());
    }

    @Test
    void endReasonsThatAreCompletions() {
        for (EndReason r : EndReason.values()) {
            assertEquals(r == EndReason.GOALS_MET || r == EndReason.SESSION_LIMIT, r.isCompletion(), r.name());
        }
    }

    /** Discomfort exactly at the limit is not a breach: only above it does trust collapse. */
    @Test
    void theBetrayalThresholdIsStrictlyAboveItsLimit() {
        Rules.TrustUpdate r = Variants.with(Variants.with(Variants.with(Rules.TrustUpdate.defaults(), "rule",
                Rules.TrustUpdate.Rule.BETRAYAL_THRESHOLD), "limit", 2.0), "collapse", 0.5);
        TrustRule rule = TrustRule.of(r);
        Member m = new Member(0, Role.PARENT, false, 1, 1, 1, 1, 1, 1);
        // Experience 2 above current 1: relaxation up, 1 + gainUp (2 - 1).
        double relaxed = 1 + r.gainUp() * (2 - 1);
        assertEquals(relaxed, rule.held(m, 1.0, 2.0, 2.0), 1e-15, "at the limit");
        // Above it: at most 1 - 0.5 (1 - (-3)) = -1.
        assertEquals(-1.0, rule.held(m, 1.0, 2.0, 2.0 + 1e-9), 1e-15, "above the limit");
    }

    /**
     * The Bayesian rule forgets its prior too: with forgetting 0.5 and a prior worth 2 sessions, the
     * first session moves trust 1 / (0.5 x 2 + 1) of the way; the prior then weighs 0.5 and the
     * evidence 1, so the second moves it 1 / (0.5 (2 x 0.5 + 1) + 1) = 1/2 of the way.
     */
    @Test
    void theBayesianRulesPriorWeighsLessAsItIsForgotten() {
        Rules.TrustUpdate r = Variants.with(Variants.with(Variants.with(Rules.TrustUpdate.defaults(), "rule",
                Rules.TrustUpdate.Rule.BAYESIAN), "priorStrength", 2.0), "forgetting", 0.5);
        TrustRule rule = TrustRule.of(r);
        Member m = new Member(0, Role.PARENT, false, 1, 1, 1, 0, 0, 0);
        double x = rule.held(m, 0, 3.0, 0);
        assertEquals(3.0 / 2, x, 1e-15);
        rule.sessionEnded(m);
        double y = rule.held(m, x, 3.0, 0);
        assertEquals(x + (3.0 - x) / 2, y, 1e-15);
        rule.sessionEnded(m);
        // Third: prior 2 x 0.25, evidence 0.5 x 1 + 1 = 1.5: step 1 / (0.5 x 2 + 1) = 1/2 again.
        assertEquals(y + (3.0 - y) / 2, rule.held(m, y, 3.0, 0), 1e-15);
    }

    /**
     * Support is the weighted mean of warmth, empathy and genuineness: with weights 1, 1, 0 (summing to 2)
     * and a typical therapist of warmth 0.8, empathy 0.4, it is 0.6.
     */
    @Test
    void supportIsTheWeightedMeanOfTheQualities() {
        ModelParameters p = Variants.set(ModelParameters.defaults(), "dynamics.trust.warmthWeight", 1.0,
                "dynamics.trust.empathyWeight", 1.0, "dynamics.trust.genuinenessWeight", 0.0);
        TherapistType type = Variants.with(Variants.with(Variants.experienced(), "warmth", 0.8), "empathy", 0.4);
        Therapist th = Therapist.typical(0, type, p.dynamics());
        assertEquals(0.6, th.support, 1e-15);
        assertEquals(type.repairSkill(), th.repairProbability, 0.0, "experienced: the skill itself");
        Therapist novice = Therapist.typical(1, Variants.withExperience(type, Experience.NOVICE), p.dynamics());
        assertEquals(type.repairSkill() * p.dynamics().rupture().noviceRepairFactor(), novice.repairProbability, 1e-15);
    }

    /** Without spread or skill a therapist's quality is the type's, to the bit (no round trip through the logit). */
    @Test
    void aQualityWithoutSpreadOrSkillIsTheTypesExactly() {
        for (double q : new double[] {0.1, 0.3, 0.35, 0.7, 0.85, 0.9, 0.95, 0.99}) {
            assertEquals(q, Therapist.individual(q, 0, 1.7, 0), 0.0, "q " + q);
        }
        // With a skill but no spread the logit moves: logit(0.5) + 0.25 / 0.25 = 1.
        assertEquals(1 / (1 + Math.exp(-1)), Therapist.individual(0.5, 0, 1.7, 0.25), 1e-15);
        assertEquals(1 / (1 + Math.exp(-1.7)), Therapist.individual(0.5, 0.25, 1.7, 0), 1e-15);
    }

    /** Before any session the trend is 0 (not 0 / 0): nothing has moved yet. */
    @Test
    void theTrendIsZeroBeforeTheFirstSession() {
        Rules.Attendance r = Variants.with(Rules.Attendance.defaults(), "rule", Rules.Attendance.Rule.TREND);
        AttendanceRule rule = AttendanceRule.of(r);
        RandomStreams s = RandomStreams.of(3);
        Family f = new Family(0, Variants.family(Referral.VOLUNTARY, 0.5, false),
                new Member[] {new Member(0, Role.PARENT, false, 1, 1, 1, 1, 1, 1)}, 0.5, false, 0, 1.3, 1, 0, 0,
                s.stream(0, 0, "session"), s.stream(0, 0, "attendance"));
        rule.courseStarted(f);
        assertEquals(0.0, rule.allianceTerm(f, 1.0), 0.0);
    }

    /** A gap as large as the largest so far, of the other sign, does not replace it: the first is kept. */
    @Test
    void aTieOfTheGapKeepsTheFirst() {
        RandomStreams s = RandomStreams.of(3);
        Member parent = new Member(0, Role.PARENT, false, 1.5, 1, 1, 1, 1, 1);
        Member teen = new Member(1, Role.ADOLESCENT, false, 1.5, 1, 1, 0, 0, 0);
        Family f = new Family(0, Variants.family(Referral.VOLUNTARY, 0.5, false), new Member[] {parent, teen}, 0.5,
                false, 0, 1.3, 1, 0, 0, s.stream(0, 0, "session"), s.stream(0, 0, "attendance"));
        f.trackSplit();
        assertEquals(1.0, f.gapMax, 0.0);
        teen.engagement = teen.connection = teen.safety = 2;
        f.trackSplit();
        assertEquals(-1.0, f.gap, 0.0);
        assertEquals(1.0, f.gapMax, 0.0, "a tie in size keeps the first gap");
    }

    /**
     * Resilience (the tested-trust rule's) shields a member from an unrepaired rupture: with resilience
     * 0.5 the losses are half the rule's, and the safety cost of discomfort in the held safety is half too.
     * One member (no contagion), no noise, a therapist who cannot repair, a member who holds nothing.
     */
    @Test
    void resilienceHalvesTheLossesOfAnUnrepairedRupture() {
        ModelParameters p = Variants.set(ModelParameters.defaults(), "dynamics.climate.discomfortSd", 0.0);
        TherapistType type = Variants.therapist(Experience.EXPERIENCED, 0.7, 1.0, 0.0, 1.0, ChallengePolicy.FIXED, 1.0);
        double[][] after = new double[2][];
        double[] disc = new double[2];
        for (int k = 0; k < 2; k++) {
            RandomStreams rs = RandomStreams.of(11);
            Member m = new Member(0, Role.PARENT, false, -5, 1, 1, 1, 1, 1); // holds nothing
            m.resilience = k == 0 ? 0 : 0.5;
            Family f = new Family(0, Variants.family(Referral.VOLUNTARY, 0.5, false), new Member[] {m}, 0.5, false, 0,
                    100, 1, 0, 0, rs.stream(0, 0, "session"), rs.stream(0, 0, "attendance"));
            f.therapist = Therapist.typical(0, type, p.dynamics());
            Session session = new Session(p);
            session.run(f, 2);
            SessionRecord rec = session.record(0, f, 2, 7.0);
            assertTrue(rec.members().get(0).rupture() && !rec.members().get(0).repaired());
            disc[k] = rec.members().get(0).discomfort();
            after[k] = new double[] {m.engagement, m.connection, m.safety};
        }
        assertEquals(disc[0], disc[1], 0.0);
        Dynamics.Rupture ru = p.dynamics().rupture();
        Dynamics.Trust tr = p.dynamics().trust();
        assertEquals(0.5 * ru.lossEngagement(), after[1][0] - after[0][0], 1e-12, "engagement");
        assertEquals(0.5 * ru.lossConnection(), after[1][1] - after[0][1], 1e-12, "connection");
        // Safety, by hand for each resilience r: the held safety relaxes toward bond - cost disc (1 - r), from 1
        // (support 0.7, no tilt at balance 1: bond = bondPerSupport (0.7 - 0.5)); it ends at the lower of 1 and
        // that, less lossSafety (1 - r). With the defaults the r = 0.5 session's experience is above 1 (relaxes up,
        // so 1 is kept), r = 0's below it.
        for (int k = 0; k < 2; k++) {
            double r = k == 0 ? 0 : 0.5;
            double bond = tr.bondPerSupport() * (0.7 - 0.5);
            double experience = bond - tr.discomfortSafetyCost() * disc[k] * (1 - r);
            double g = experience > 1 ? p.rules().trustUpdate().gainUp() : p.rules().trustUpdate().gainDown();
            double held = Math.max(-3, Math.min(3, 1 + g * (experience - 1)));
            double expected = Math.max(-3, Math.min(3, Math.min(1, held) - ru.lossSafety() * (1 - r)));
            assertEquals(expected, after[k][2], 1e-12, "safety at resilience " + r);
        }
        assertTrue(after[0][2] > -3 && after[1][0] < 3, "no clamp in play: " + java.util.Arrays.toString(after[0]));
    }

    /** A documented record component is checked by its annotation; a record without one is a programming error. */
    record Documented(@Doc(value = "a share", min = 0, max = 1, exclusiveMax = true) double share) {}

    record Undocumented(double share) {}

    @Test
    void boundsAreReadFromTheRecordsAnnotations() {
        assertEquals(0.5, Bounds.check(Documented.class, "share", 0.5));
        assertEquals(0.0, Bounds.check(Documented.class, "share", 0.0));
        ParameterException e = assertThrows(ParameterException.class, () -> Bounds.check(Documented.class, "share", 1.0));
        assertEquals("in [0.0, 1.0)", e.allowed());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> Bounds.check(Undocumented.class, "share", 0.5));
        assertEquals("Undocumented.share has no @Doc with its bounds", none.getMessage());
    }
}
