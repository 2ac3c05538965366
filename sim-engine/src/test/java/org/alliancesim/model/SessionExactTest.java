package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * One session of {@link Session#run} against a reference written out here from docs/model.md's submodels, step by
 * step for a two-member family, with every random term switched off (a perfectly consistent therapist of the type's
 * own qualities, no discomfort noise, a repair skill of 0 or tolerances no session exceeds), so every state the
 * session leaves is an exact number. Each case fails if one term of a formula has its sign, factor or branch wrong
 * (support, tilt, novelty and its distraction, the identified patient's blame, the novice's amplification and
 * penalty, the three trust updates, the rupture's losses, contagion, shared purpose, progress, conflict resolution).
 */
class SessionExactTest {

    private static final double TOL = 1e-12;

    /** The inputs of one member before the session. */
    private record In(Role role, boolean ip, double tolerance, double weight, double sensitivity, double e, double c,
            double s) {
        Member member(int id) {
            return new Member(id, role, ip, tolerance, weight, sensitivity, e, c, s);
        }
    }

    private static ModelParameters params(boolean observed) {
        ModelParameters p = Variants.set(ModelParameters.defaults(), "dynamics.climate.discomfortSd", 0.0);
        return observed ? Variants.observed(p, false) : p;
    }

    private static double clamp(double v) {
        return Math.max(-3, Math.min(3, v));
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double relax(Rules.TrustUpdate tr, double current, double experience) {
        double g = experience > current ? tr.gainUp() : tr.gainDown();
        return clamp(current + g * (experience - current));
    }

    /**
     * Runs session {@code t} with the given therapist on a family of {@code a} and {@code b} and compares everything
     * it leaves with the reference.
     */
    private static void check(boolean observed, boolean novice, boolean involuntary, int t, double quality,
            double balance, double challenge, In a, In b, double conflict, double purpose, double responsiveness) {
        ModelParameters p = params(observed);
        Dynamics d = p.dynamics();
        Dynamics.Climate cl = d.climate();
        Dynamics.Trust tr = d.trust();
        Rules.TrustUpdate gains = p.rules().trustUpdate();
        Dynamics.Rupture ru = d.rupture();
        Dynamics.Outcome oc = d.outcome();
        Dynamics.Contagion co = d.contagion();
        TherapistType type = Variants.therapist(novice ? Experience.NOVICE : Experience.EXPERIENCED, quality, 1.0,
                0.0, balance, ChallengePolicy.FIXED, challenge);
        RandomStreams rs = RandomStreams.of(11);
        Member[] ms = {a.member(0), b.member(1)};
        Family f = new Family(0, Variants.family(involuntary ? Referral.INVOLUNTARY : Referral.VOLUNTARY, 0.5, false),
                ms, conflict, false, purpose, 100, responsiveness, 0, 0, rs.stream(0, 0, "session"),
                rs.stream(0, 0, "attendance"));
        f.therapist = Therapist.typical(0, type, d);
        Session session = new Session(p);
        session.run(f, t);
        SessionRecord rec = session.record(0, f, t, 3.0);

        // ---- the reference ----
        // Support: the type's quality (warmth = empathy = genuineness), a novice's lowered by the conflict.
        double support = quality;
        if (novice) {
            support *= 1 - tr.noviceConflictPenalty() * conflict;
        }
        support = clamp01(support);
        double novelty = observed
                ? (cl.noveltyReflectingTeam() + cl.noveltyMirror() + cl.noveltyCameras())
                        * Math.exp(-(t - 1) / cl.habituationSessions())
                : 0;
        double conflictDisc = cl.conflictWeight() * conflict * (novice ? 1 + cl.noviceConflictAmplification() : 1);
        In[] ins = {a, b};
        double[] e = new double[2];
        double[] c = new double[2];
        double[] s = new double[2];
        double[] disc = new double[2];
        double[] cap = new double[2];
        boolean[] ruptured = new boolean[2];
        double[] before = new double[2];
        double workSum = 0;
        double weightSum = 0;
        int ruptures = 0;
        for (int i = 0; i < 2; i++) {
            In m = ins[i];
            before[i] = (clamp(m.e) + clamp(m.c) + clamp(m.s)) / 3;
            double me = clamp(m.e);
            double mc = clamp(m.c);
            double mss = clamp(m.s);
            double memberChallenge = challenge * m.sensitivity;
            double dsc = Math.max(0, memberChallenge + conflictDisc * (m.ip ? 1 + cl.identifiedPatientBlame() : 1)
                    + novelty);
            double holding = ru.holdSafetyShare() * mss + (1 - ru.holdSafetyShare()) * (mc + me) / 2;
            double cp = m.tolerance + ru.holdPerAlliance() * holding;
            double productive = Math.max(0, dsc - novelty);
            double side = m.role.isAdult() ? 1 : -1;
            double memberSupport = clamp01(support * (1 + (1 - balance) * tr.imbalance() * side));
            double bond = tr.bondPerSupport() * (memberSupport - 0.5);
            double hc = relax(gains, mc, bond);
            double hs = relax(gains, mss, bond - tr.discomfortSafetyCost() * dsc);
            double he = relax(gains, me, bond + tr.workEngagementGain() * productive
                    - tr.noveltyEngagementCost() * novelty - (involuntary ? d.start().involuntaryEngagementPenalty() : 0));
            double work;
            if (dsc > cp) {
                // Ruptured, never repaired (repair skill 0): the lower of before and held, less the losses.
                ruptures++;
                work = 0;
                e[i] = clamp(Math.min(me, he) - ru.lossEngagement());
                c[i] = clamp(Math.min(mc, hc) - ru.lossConnection());
                s[i] = clamp(Math.min(mss, hs) - ru.lossSafety());
                ruptured[i] = true;
            } else {
                work = productive;
                e[i] = he;
                c[i] = hc;
                s[i] = hs;
            }
            double w = 1 + (m.ip ? oc.identifiedPatientWeight() : 0);
            workSum += w * work;
            weightSum += w;
            disc[i] = dsc;
            cap[i] = cp;
        }
        // Contagion, two members: each moves toward the other by the rate.
        double[] e2 = {clamp(e[0] + co.rate() * (e[1] - e[0])), clamp(e[1] + co.rate() * (e[0] - e[1]))};
        double[] c2 = {clamp(c[0] + co.rate() * (c[1] - c[0])), clamp(c[1] + co.rate() * (c[0] - c[1]))};
        double[] s2 = {clamp(s[0] + co.rate() * (s[1] - s[0])), clamp(s[1] + co.rate() * (s[0] - s[1]))};
        double comp0 = (e2[0] + c2[0] + s2[0]) / 3;
        double comp1 = (e2[1] + c2[1] + s2[1]) / 3;
        double alliance = (comp0 + comp1) / 2;
        double split = Math.abs(comp0 - comp1);
        double purpose0 = clamp(purpose);
        double purpose1 = clamp(purpose0 + co.purposeRate() * (alliance - co.purposeSplit() * split - purpose0));
        double familyWork = workSum / weightSum;
        double progress = responsiveness * (oc.workEfficiency() * familyWork * (1 + oc.purposeGain() * purpose1 / 3)
                * Math.exp(-cl.distraction() * novelty) + oc.supportProgress() * support);
        double conflictAfter = conflict * Math.exp(-cl.conflictResolution() * familyWork);

        String at = "case novice=" + novice + " involuntary=" + involuntary + " t=" + t + " observed=" + observed;
        assertEquals(challenge, rec.challenge(), TOL, at);
        assertEquals(novelty, rec.novelty(), TOL, at);
        assertEquals(support, rec.support(), TOL, at);
        for (int i = 0; i < 2; i++) {
            MemberSession m = rec.members().get(i);
            assertEquals(before[i], m.allianceBefore(), TOL, at + " member " + i + " before");
            assertEquals(disc[i], m.discomfort(), TOL, at + " member " + i + " discomfort");
            assertEquals(cap[i], m.capacity(), TOL, at + " member " + i + " capacity");
            assertEquals(ruptured[i], m.rupture(), at + " member " + i + " rupture");
            assertEquals(false, m.repaired(), at);
        }
        assertEquals(e2[0], ms[0].engagement, TOL, at + " engagement 0");
        assertEquals(c2[0], ms[0].connection, TOL, at + " connection 0");
        assertEquals(s2[0], ms[0].safety, TOL, at + " safety 0");
        assertEquals(e2[1], ms[1].engagement, TOL, at + " engagement 1");
        assertEquals(c2[1], ms[1].connection, TOL, at + " connection 1");
        assertEquals(s2[1], ms[1].safety, TOL, at + " safety 1");
        assertEquals(ruptures, f.ruptures, at);
        assertEquals(0, f.repairs, at);
        assertEquals(alliance, f.alliance, TOL, at + " alliance");
        assertEquals(split, f.split, TOL, at + " split");
        assertEquals(purpose1, rec.sharedPurpose(), TOL, at + " purpose");
        assertEquals(Math.max(0, progress), rec.improvement(), TOL, at + " improvement");
        assertEquals(conflictAfter, rec.conflict(), TOL, at + " conflict");
        // The member carries challengeScale 1: no repair, nothing learned.
        assertEquals(1.0, ms[0].challengeScale);
        assertEquals(1.0, ms[1].challengeScale);
    }

    private static final In PARENT = new In(Role.PARENT, false, 100, 1, 1.0, 0.5, 1.0, -0.5);
    private static final In TEEN = new In(Role.ADOLESCENT, true, 100, 0.3, 1.1, -1, 0, 0.2);

    @Test
    void aHeldSessionInAPlainRoomWithAnExperiencedTherapist() {
        check(false, false, false, 1, 0.7, 0.6, 0.5, PARENT, TEEN, 0.5, 0.3, 1.2);
    }

    @Test
    void aHeldSessionBehindTheMirrorWithANoviceAndAnInvoluntaryFamily() {
        // Novelty (session 3: habituated twice), the novice's amplification and penalty, the involuntary penalty.
        check(true, true, true, 3, 0.8, 0.3, 0.4, PARENT, TEEN, 0.7, -0.4, 0.9);
    }

    @Test
    void anUnrepairedRuptureCostsTrustAndDoesNoWork() {
        // The adolescent holds nothing (tolerance 0 at a low alliance) and ruptures; the therapist cannot repair
        // (skill 0); the parent holds. Work comes from the parent alone, weighted 1 of 1 + 2.
        In brittle = new In(Role.ADOLESCENT, true, 0, 0.3, 1.1, -1, -0.5, -1.5);
        check(true, false, false, 1, 0.6, 0.9, 0.8, PARENT, brittle, 0.6, 0.1, 1.0);
    }

    @Test
    void aHighQualityTherapistsSupportIsClampedAndAYoungMemberGetsLessOfIt() {
        // Quality 0.99 with balance 0: the adult's support 0.99 (1 + 0.25) is clamped to 1, the young member's
        // 0.99 (1 - 0.25); two adults to compare would share the clamp.
        In child = new In(Role.CHILD, false, 100, 0.1, 0.9, 2.5, 2.8, 3.5);
        check(false, false, false, 2, 0.99, 0.0, 0.2, PARENT, child, 0.2, 2.0, 1.5);
    }
}
