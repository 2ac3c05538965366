package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Ruptures and repair in {@link Session}: repair restores and never rewards; its chance depends on
 * the member's state; the therapist learns from it.
 */
class SessionRepairTest {

    /** No contagion (a member's state is their own) and a repair chance independent of overshoot. */
    private static final ModelParameters P = Variants.set(ModelParameters.defaults(),
            "dynamics.contagion.rate", 0.0, "rules.repair.repairOvershoot", 0.0);

    /**
     * A family of two: a parent who holds every session, then the member under test, with the given
     * SOFTA dimensions and tolerance, seen by a typical therapist of {@code type}. Both families
     * built with the same {@code key} draw the same session numbers.
     */
    private static Family family(int key, double e, double c, double s, double tolerance, TherapistType type,
            boolean involuntary) {
        RandomStreams streams = RandomStreams.of(4321);
        Member[] ms = {
            new Member(0, Role.PARENT, false, 100, 1, 1, 0.5, 0.5, 0.5),
            new Member(1, Role.ADOLESCENT, true, tolerance, 0.3, 1.1, e, c, s)
        };
        FamilyType ft = Variants.family(involuntary ? Referral.INVOLUNTARY : Referral.VOLUNTARY, 0.5, false);
        Family f = new Family(key, ft, ms, 0.5, false, 0, 10, 1, 0, 0, streams.stream(0, key, "session"),
                streams.stream(0, key, "attendance"));
        f.therapist = Therapist.typical(0, type, P.dynamics());
        return f;
    }

    /**
     * The same member state and the same session (same draws), once held (a tolerance no session
     * exceeds) and once ruptured (a tolerance no session stays within) and surely repaired: after
     * the session, no SOFTA dimension of the repaired member is above where the held session left
     * it, and some are below. 400 random states, challenges and referrals.
     */
    @Test
    void aRepairedRuptureNeverLeavesTheMemberBetterOffThanTheSameSessionHeld() {
        UniformRandomProvider states = RandomStreams.of(77).stream(0, 0, "states");
        Session session = new Session(P);
        int below = 0;
        for (int k = 0; k < 400; k++) {
            double e = -3 + 6 * states.nextDouble();
            double c = -3 + 6 * states.nextDouble();
            double s = -3 + 6 * states.nextDouble();
            boolean involuntary = states.nextDouble() < 0.5;
            TherapistType type = Variants.with(Variants.withChallenge(Variants.experienced(), ChallengePolicy.FIXED,
                    2 * states.nextDouble()), "repairSkill", 1.0);
            Family held = family(k, e, c, s, 100, type, involuntary);
            Family repaired = family(k, e, c, s, -100, type, involuntary);
            int t = 1 + (int) (states.nextDouble() * 8);
            session.run(held, t);
            session.run(repaired, t);
            assertTrue(repaired.repairs == 1 && held.ruptures == 0, "one repaired rupture, one held session");
            Member h = held.members[1];
            Member r = repaired.members[1];
            String state = String.format("state (%.2f, %.2f, %.2f), session %d: held (%.3f, %.3f, %.3f),"
                    + " repaired (%.3f, %.3f, %.3f)", e, c, s, t, h.engagement, h.connection, h.safety, r.engagement,
                    r.connection, r.safety);
            assertTrue(r.engagement <= h.engagement + 1e-12, "engagement: " + state);
            assertTrue(r.connection <= h.connection + 1e-12, "connection: " + state);
            assertTrue(r.safety <= h.safety + 1e-12, "safety: " + state);
            assertTrue(repaired.improvement <= held.improvement + 1e-12, "no extra progress: " + state);
            if (r.composite() < h.composite() - 1e-9) {
                below++;
            }
        }
        assertTrue(below > 100, "a rupture usually costs the trust a held session would have built: " + below);
    }

    /** Repair restores more than no repair: an unrepaired rupture leaves the member lower still. */
    @Test
    void anUnrepairedRuptureCostsMoreThanARepairedOne() {
        Session session = new Session(P);
        TherapistType sure = Variants.withRepair(Variants.experienced(), 1.0);
        TherapistType never = Variants.withRepair(Variants.experienced(), 0.0);
        Family repaired = family(1, 0.5, 0.5, 0.5, -100, sure, false);
        Family unrepaired = family(1, 0.5, 0.5, 0.5, -100, never, false);
        session.run(repaired, 2);
        session.run(unrepaired, 2);
        assertTrue(repaired.repairs == 1 && unrepaired.repairs == 0 && unrepaired.ruptures == 1);
        assertTrue(unrepaired.members[1].composite() < repaired.members[1].composite() - 0.5,
                unrepaired.members[1].composite() + " vs " + repaired.members[1].composite());
    }

    /**
     * The chance of repair depends on the member's state: among the default model's ruptures, those
     * that went far beyond what the member's alliance could hold (overshoot above 1) are repaired
     * less often than those just beyond it (below 0.25). Error budget: thousands of ruptures in each
     * group, so the shares' standard errors are about 0.01; the expected gap, from exp(-0.5 * 1),
     * is well over 0.1.
     */
    @Test
    void ruptureFarBeyondWhatTheAllianceHoldsIsRepairedLessOften() {
        CourseTally t = CourseTally.run(Variants.base(1000), 12, 4, true);
        double[] nearFar = new double[4];
        for (SessionRecord r : t.sessions) {
            for (MemberSession m : r.members()) {
                if (m.rupture()) {
                    double overshoot = m.discomfort() - m.capacity();
                    int g = overshoot < 0.25 ? 0 : overshoot > 1 ? 2 : -1;
                    if (g >= 0) {
                        nearFar[g]++;
                        nearFar[g + 1] += m.repaired() ? 1 : 0;
                    }
                }
            }
        }
        double near = nearFar[1] / nearFar[0];
        double far = nearFar[3] / nearFar[2];
        System.out.printf("repaired share: overshoot < 0.25: %.3f of %.0f; > 1: %.3f of %.0f%n", near, nearFar[0], far,
                nearFar[2]);
        assertTrue(nearFar[0] > 1000 && nearFar[2] > 1000, List.of(nearFar[0], nearFar[2]).toString());
        assertTrue(near > far + 0.1, near + " vs " + far);
    }

    /**
     * Resistance as information: after a repaired rupture the therapist scales down the challenge
     * for that member, by the learning rate times what would have kept the session within capacity;
     * without learning, nothing changes.
     */
    @Test
    void theTherapistLearnsFromARepairedRupture() {
        TherapistType type = Variants.with(Variants.withChallenge(Variants.experienced(), ChallengePolicy.FIXED, 1.5),
                "repairSkill", 1.0);
        Session session = new Session(P);
        // Tolerance 0.8 with a neutral alliance: capacity 0.8, below a session of challenge 1.5.
        Family f = family(3, 0, 0, 0, 0.8, type, false);
        session.run(f, 1);
        assertTrue(f.repairs == 1, "repaired");
        double scale = f.members[1].challengeScale;
        assertTrue(scale < 1 && scale >= 0, "challenge for this member scaled down: " + scale);
        assertTrue(f.members[0].challengeScale == 1, "not for a member who held");

        ModelParameters noLearning = Variants.set(P, "dynamics.rupture.learning", 0.0);
        Family g = family(3, 0, 0, 0, 0.8, type, false);
        new Session(noLearning).run(g, 1);
        assertTrue(g.repairs == 1 && g.members[1].challengeScale == 1, "without learning the challenge stays");
    }
}
