package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/** Mechanisms of the session submodel, one at a time. */
class SessionTest {

    private static Family family(ModelParameters p, TherapistType type, double alliance) {
        return family(p, type, new Member(0, Role.PARENT, false, 1.5, 1, 1, alliance, alliance, alliance),
                new Member(1, Role.ADOLESCENT, true, 1.3, 0.3, 1, alliance, alliance, alliance));
    }

    private static Family family(ModelParameters p, TherapistType type, Member... ms) {
        RandomStreams s = RandomStreams.of(1);
        Family f = new Family(0, Variants.family(Referral.VOLUNTARY, 0.5, false), ms, 0.5, false, 0, 1.3, 1, 0, 0,
                s.stream(0, 0, "session"), s.stream(0, 0, "attendance"));
        f.therapist = Therapist.typical(0, type, p.dynamics());
        return f;
    }

    @Test
    void fixedPolicyKeepsTheChallenge() {
        ModelParameters p = ModelParameters.defaults();
        TherapistType t = Variants.withChallenge(Variants.experienced(), ChallengePolicy.FIXED, 0.7);
        Session s = new Session(p);
        Family f = family(p, t, 0);
        assertEquals(0.7, s.challenge(t, f, 1));
        assertEquals(0.7, s.challenge(t, f, 9));
    }

    @Test
    void escalatingPolicyRisesToItsCeiling() {
        ModelParameters p = ModelParameters.defaults();
        TherapistType t = Variants.withChallenge(Variants.experienced(), ChallengePolicy.ESCALATING, 0.5);
        Session s = new Session(p);
        Family f = family(p, t, 0);
        double step = p.dynamics().climate().escalationPerSession();
        assertEquals(0.5, s.challenge(t, f, 1), 1e-12);
        assertEquals(0.5 + 3 * step, s.challenge(t, f, 4), 1e-12);
        assertEquals(p.dynamics().climate().maxChallenge(), s.challenge(t, f, 200), 1e-12);
    }

    @Test
    void responsivePolicyEasesOffWhenAllianceIsLow() {
        ModelParameters p = ModelParameters.defaults();
        TherapistType t = Variants.withChallenge(Variants.experienced(), ChallengePolicy.RESPONSIVE, 1.0);
        Session s = new Session(p);
        double strong = s.challenge(t, family(p, t, 2.0), 1);
        double weak = s.challenge(t, family(p, t, -2.5), 1);
        assertEquals(1.0, strong, 1e-12);
        assertEquals(1.0 - p.dynamics().climate().responsiveEase(), weak, 1e-12);
    }

    @Test
    void noveltyHabituatesAndPreparationReducesIt() {
        ModelParameters p = Variants.observed(ModelParameters.defaults(), false);
        Session s = new Session(p);
        Family unprepared = family(p, Variants.experienced(), 0);
        double first = s.novelty(unprepared, 1);
        double third = s.novelty(unprepared, 3);
        Dynamics.Climate c = p.dynamics().climate();
        assertEquals(c.noveltyReflectingTeam() + c.noveltyMirror() + c.noveltyCameras(), first, 1e-12);
        assertEquals(first * Math.exp(-2 / c.habituationSessions()), third, 1e-12);
        RandomStreams r = RandomStreams.of(1);
        Family prepared = new Family(1, Variants.family(Referral.VOLUNTARY, 0.5, true), unprepared.members, 0.5,
                true, 0, 1, 1, 0, 0, r.stream(0, 1, "session"), r.stream(0, 1, "attendance"));
        assertEquals(first * (1 - c.preparationEffect()), s.novelty(prepared, 1), 1e-12);
        assertEquals(0.0, new Session(ModelParameters.defaults()).novelty(unprepared, 1), "plain room");
    }

    /**
     * The change in connection of a member starting at {@code alliance} on every dimension after
     * one session with therapist {@code type}. Two identical members (contagion leaves their equal
     * connection alone) with a tolerance no session exceeds (no rupture).
     */
    private static double connectionChange(ModelParameters p, TherapistType type, double alliance) {
        Member[] ms = {
            new Member(0, Role.PARENT, false, 100, 1, 1, alliance, alliance, alliance),
            new Member(1, Role.PARENT, false, 100, 1, 1, alliance, alliance, alliance)
        };
        Family f = family(p, type, ms);
        new Session(p).run(f, 1);
        assertEquals(0, f.ruptures, "no rupture");
        assertEquals(ms[0].connection, ms[1].connection, "members alike");
        return ms[0].connection - alliance;
    }

    @Test
    void trustIsLostFasterThanItIsGained() {
        // A therapist of quality 0.5, perfectly consistent and balanced, offers a bond of
        // 6 * 0.5 - 3 = 0 every session. A member one point below it has a supportive session, a
        // member one point above it an uncomfortable one of the same size: the connection lost
        // must exceed the connection gained, by the ratio of the two relaxation rates.
        ModelParameters p = ModelParameters.defaults();
        TherapistType t = Variants.therapist(Experience.EXPERIENCED, 0.5, 1.0, 0.6, 1.0, ChallengePolicy.FIXED, 0.0);
        double gained = connectionChange(p, t, -1.0);
        double lost = -connectionChange(p, t, 1.0);
        Rules.TrustUpdate trust = p.rules().trustUpdate();
        assertEquals(trust.gainUp(), gained, 1e-12, "gained");
        assertEquals(trust.gainDown(), lost, 1e-12, "lost");
        assertTrue(lost > 1.5 * gained, "lost " + lost + " vs gained " + gained);
        // Diminishing returns: a member already near the offered bond gains little.
        assertEquals(trust.gainUp() * 0.1, connectionChange(p, t, -0.1), 1e-12);
    }

    @Test
    void involuntaryEngagementLagsWhileConnectionAndSafetyCatchUp() {
        // Same families, voluntary and involuntary: after 8 sessions the involuntary ones' gap in
        // engagement is larger than their gap in connection, which closes.
        ModelParameters p = Variants.base(400);
        CourseTally vol = CourseTally.run(Variants.onlyFamily(p, Variants.family(Referral.VOLUNTARY, 0.5, false)),
                77, 3, true);
        CourseTally inv = CourseTally.run(Variants.onlyFamily(p, Variants.family(Referral.INVOLUNTARY, 0.5, false)),
                77, 3, true);
        double[] v1 = dims(vol.sessions, 1);
        double[] i1 = dims(inv.sessions, 1);
        double[] v8 = dims(vol.sessions, 8);
        double[] i8 = dims(inv.sessions, 8);
        double gapConnection1 = v1[1] - i1[1];
        double gapConnection8 = v8[1] - i8[1];
        double gapEngagement8 = v8[0] - i8[0];
        System.out.printf("involuntary gap: connection s1 %.3f s8 %.3f; engagement s1 %.3f s8 %.3f%n",
                gapConnection1, gapConnection8, v1[0] - i1[0], gapEngagement8);
        assertTrue(gapConnection1 > 0.3, "involuntary families start lower");
        assertTrue(gapConnection8 < gapConnection1 / 2, "connection catches up");
        assertTrue(gapEngagement8 > gapConnection8 + 0.2, "engagement does not");
    }

    /** Mean engagement, connection and safety over members at session {@code s}. */
    private static double[] dims(List<SessionRecord> sessions, int s) {
        double[] out = new double[3];
        int n = 0;
        for (SessionRecord r : sessions) {
            if (r.session() == s) {
                for (MemberSession m : r.members()) {
                    out[0] += m.engagement();
                    out[1] += m.connection();
                    out[2] += m.safety();
                    n++;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            out[i] /= n;
        }
        return out;
    }

    @Test
    void anOrientationVisitStartsHabituationOneSessionEarlier() {
        // With the orientation visit, session 1 is the second exposure: N exp(-1/h), session 3 N exp(-3/h).
        // Wrong code: the offset subtracted (exp(+1/h): more novelty after an orientation, not less).
        ModelParameters p = Variants.observed(ModelParameters.defaults(), true);
        Session s = new Session(p);
        Family f = family(p, Variants.experienced(), 0);
        Dynamics.Climate c = p.dynamics().climate();
        double n = c.noveltyReflectingTeam() + c.noveltyMirror() + c.noveltyCameras();
        assertEquals(n * Math.exp(-1 / c.habituationSessions()), s.novelty(f, 1), 1e-12);
        assertEquals(n * Math.exp(-3 / c.habituationSessions()), s.novelty(f, 3), 1e-12);
    }
}
