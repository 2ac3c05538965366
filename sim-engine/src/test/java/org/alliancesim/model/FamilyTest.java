package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/** Family's bookkeeping, by hand: waiting time and the parent-young gap. */
class FamilyTest {

    private static Family family(double referralDay, Member... ms) {
        RandomStreams s = RandomStreams.of(3);
        return new Family(0, Variants.family(Referral.VOLUNTARY, 0.5, false), ms, 0.5, false, 0, 1.3, 1, 0, referralDay,
                s.stream(0, 0, "session"), s.stream(0, 0, "attendance"));
    }

    private static Member member(int id, Role role, double alliance) {
        return new Member(id, role, false, 1.5, 1, 1, alliance, alliance, alliance);
    }

    @Test
    void waitIsTheTimeSinceReferralUntilTheCourseStarts() {
        Family f = family(10, member(0, Role.PARENT, 0));
        assertEquals(15.0, f.waitDaysAt(25), 1e-12, "still waiting on day 25");
        assertEquals(0.0, f.waitDaysAt(10), 1e-12);
        assertEquals(0.0, f.waitDaysAt(4), 1e-12, "never negative");
        assertEquals(0.0, f.waitDays(), "not started: no wait counted yet");
        f.startDay = 18;
        assertEquals(8.0, f.waitDaysAt(100), 1e-12, "started on day 18: the wait is fixed");
        assertEquals(8.0, f.waitDays(), 1e-12);
    }

    @Test
    void theParentYoungGapNeedsBothSidesAndKeepsTheLargestInSize() {
        // Composite alliance = the member's three dimensions (all equal here).
        Family adultsOnly = family(0, member(0, Role.PARENT, 2), member(1, Role.OTHER_ADULT, -1));
        adultsOnly.trackSplit();
        assertEquals(Double.NaN, adultsOnly.gap, "no young member: no gap");
        assertEquals(Double.NaN, adultsOnly.gapMax);
        assertEquals(0.5, adultsOnly.alliance, 1e-12);
        assertEquals(3.0, adultsOnly.split, 1e-12);
        Family youngOnly = family(0, member(0, Role.ADOLESCENT, 1), member(1, Role.CHILD, 0));
        youngOnly.trackSplit();
        assertEquals(Double.NaN, youngOnly.gap, "no adult: no gap");

        Member parent = member(0, Role.PARENT, 2);
        Member other = member(1, Role.OTHER_ADULT, 1);
        Member teen = member(2, Role.ADOLESCENT, -1);
        Family f = family(0, parent, other, teen);
        f.trackSplit();
        assertEquals(1.5 - (-1), f.gap, 1e-12); // adult mean 1.5, young mean -1
        assertEquals(2.5, f.gapMax, 1e-12);
        assertEquals(3.0, f.splitMax, 1e-12);
        // The gap narrows to 1 - 0.5 ...
        teen.engagement = teen.connection = teen.safety = 0.5;
        parent.engagement = parent.connection = parent.safety = 1;
        f.trackSplit();
        assertEquals(1.0 - 0.5, f.gap, 1e-12);
        assertEquals(2.5, f.gapMax, 1e-12, "the largest gap so far is kept");
        // ... and reverses beyond it: -3 in size beats 2.5.
        teen.engagement = teen.connection = teen.safety = 3;
        parent.engagement = parent.connection = parent.safety = -1;
        other.engagement = other.connection = other.safety = 1;
        f.trackSplit();
        assertEquals(0.0 - 3, f.gap, 1e-12);
        assertEquals(-3.0, f.gapMax, 1e-12);
        assertEquals(4.0, f.splitMax, 1e-12); // 3 - (-1)
        assertEquals(1.0, f.alliance, 1e-12);
    }

    @Test
    void theDecidingAllianceWeighsMembersByTheirSayAndFallsBackToTheMeanWithoutOne() {
        // Weights 3 and 1 on composites 2 and -2: (3 * 2 + 1 * (-2)) / 4 = 1; the plain mean is 0.
        Member a = new Member(0, Role.PARENT, false, 1.5, 3, 1, 2, 2, 2);
        Member b = new Member(1, Role.ADOLESCENT, false, 1.5, 1, 1, -2, -2, -2);
        Family f = family(0, a, b);
        assertEquals(1.0, f.decidingAlliance(), 1e-12);
        assertEquals(0.0, f.familyAlliance(), 1e-12);
        // Nobody decides (all weights 0): the family's plain mean, 1/3 of (1 + 0 + 0), not 0 / 0.
        Family none = family(0, new Member(0, Role.PARENT, false, 1.5, 0, 1, 1, 1, 1),
                new Member(1, Role.CHILD, false, 1.5, 0, 1, 0, 0, 0), new Member(2, Role.CHILD, false, 1.5, 0, 1, 0, 0, 0));
        assertEquals(1.0 / 3, none.decidingAlliance(), 1e-12);
    }

    @Test
    void aMemberIsClampedToTheScaleAndHoldsWithSafetyFirst() {
        Member m = new Member(0, Role.PARENT, false, 1.5, 1, 1, 4, -3.5, 1);
        assertEquals(3.0, m.engagement);
        assertEquals(-3.0, m.connection);
        assertEquals(1.0, m.safety);
        assertEquals(1.0 / 3, m.composite(), 1e-12);
        // Safety share 0.6: 0.6 * 1 + 0.4 * (3 + (-3)) / 2 = 0.6.
        assertEquals(0.6, m.holding(0.6), 1e-12);
        Member n = new Member(1, Role.CHILD, false, 1.5, 1, 1, 2, 1, -1);
        assertEquals(0.5 * -1 + 0.5 * 0.5 * (2 + 1), n.holding(0.5), 1e-12); // safety -1, connection 1, engagement 2
        assertEquals(1.0, m.side);
        assertEquals(-1.0, n.side);
    }

    @Test
    void theTherapistsEngagementWorkComesOffTheFamilysBarrierAndPurposeIsClamped() {
        RandomStreams s = RandomStreams.of(3);
        Family f = new Family(0, Variants.family(Referral.INVOLUNTARY, 0.5, false),
                new Member[] {member(0, Role.PARENT, 0), member(1, Role.CHILD, 0)}, 0.5, false, 5, 1.3, 1, 0.8, 0,
                s.stream(0, 0, "session"), s.stream(0, 0, "attendance"));
        assertEquals(3.0, f.purpose, "purpose starts on the -3..3 scale");
        assertEquals(true, f.involuntary);
        assertEquals(0.8, f.practicalBarrier);
        Dynamics d = ModelParameters.defaults().dynamics();
        Therapist th = new Therapist(0, Variants.experienced(), d, () -> 1.0);
        org.junit.jupiter.api.Assertions.assertNotEquals(0.0, th.engagement, "the default skills give engagement work");
        f.assign(th);
        assertEquals(0.8 - th.engagement, f.practicalBarrier, 1e-12);
        assertEquals(0.8, f.barrier);
        org.junit.jupiter.api.Assertions.assertSame(th, f.therapist);
    }
}
