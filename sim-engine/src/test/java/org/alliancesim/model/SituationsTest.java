package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The seven situations of LITERATURE.md, each as the direction of an effect with a 99% interval
 * of paired differences (common random numbers; see {@link Paired} for the error budget). Seeds
 * are fixed per test.
 */
class SituationsTest {

    static final int REPS = 12;
    static final int FAMILIES = 500;

    static double dropout(CourseTally t) {
        return t.dropoutShare();
    }

    static double improvementPerFamily(CourseTally t) {
        return t.courses.stream().mapToDouble(CourseRecord::improvement).average().orElse(Double.NaN);
    }

    static double rupturesPerMemberSession(CourseTally t) {
        return t.courses.stream().mapToInt(CourseRecord::ruptures).sum() / (double) t.memberSessions;
    }

    static double allianceThird(CourseTally t) {
        return t.courses.stream().mapToDouble(CourseRecord::allianceThird).filter(Double::isFinite).average()
                .orElse(Double.NaN);
    }

    /** 1. Trust: warmth, empathy, genuineness and consistency build the alliance. */
    @Test
    void warmConsistentTherapistsBuildMoreAllianceAndKeepMoreFamilies() {
        ModelParameters p = Variants.base(FAMILIES);
        ModelParameters cool = Variants.onlyTherapist(p,
                Variants.therapist(Experience.EXPERIENCED, 0.45, 0.4, 0.6, 0.85, ChallengePolicy.RESPONSIVE, 0.6));
        ModelParameters warm = Variants.onlyTherapist(p,
                Variants.therapist(Experience.EXPERIENCED, 0.9, 0.95, 0.6, 0.85, ChallengePolicy.RESPONSIVE, 0.6));
        Paired alliance = Paired.of(cool, warm, SituationsTest::allianceThird, REPS, 101);
        Paired drop = Paired.of(cool, warm, SituationsTest::dropout, REPS, 101);
        System.out.println("S1 alliance at session 3, cool -> warm: " + alliance);
        System.out.println("S1 dropout, cool -> warm: " + drop);
        assertTrue(alliance.positive(), "alliance " + alliance);
        assertTrue(drop.negative(), "dropout " + drop);
    }

    /**
     * 2. The same challenge is productive discomfort in a healthy alliance and pushes families away
     * in a fragile one.
     */
    @Test
    void sameChallengeIsProductiveInHealthyAllianceAndHarmfulInFragileOne() {
        ModelParameters p = Variants.onlyFamily(Variants.base(FAMILIES),
                Variants.family(Referral.VOLUNTARY, 0.4, false));
        TherapistType gentle = Variants.withChallenge(Variants.experienced(), ChallengePolicy.FIXED, 0.2);
        TherapistType demanding = Variants.withChallenge(Variants.experienced(), ChallengePolicy.FIXED, 0.9);
        ModelParameters healthy = Variants.withStartingAlliance(p, 1.8);
        ModelParameters fragile = Variants.withStartingAlliance(p, -0.6);

        Paired healthyGain = Paired.of(Variants.onlyTherapist(healthy, gentle),
                Variants.onlyTherapist(healthy, demanding), SituationsTest::improvementPerFamily, REPS, 202);
        Paired healthyDrop = Paired.of(Variants.onlyTherapist(healthy, gentle),
                Variants.onlyTherapist(healthy, demanding), SituationsTest::dropout, REPS, 202);
        Paired fragileDrop = Paired.of(Variants.onlyTherapist(fragile, gentle),
                Variants.onlyTherapist(fragile, demanding), SituationsTest::dropout, REPS, 202);
        Paired ruptures = Paired.of(Variants.onlyTherapist(healthy, demanding),
                Variants.onlyTherapist(fragile, demanding), SituationsTest::rupturesPerMemberSession, REPS, 202);
        System.out.println("S2 healthy: improvement, gentle -> demanding: " + healthyGain);
        System.out.println("S2 healthy: dropout, gentle -> demanding: " + healthyDrop);
        System.out.println("S2 fragile: dropout, gentle -> demanding: " + fragileDrop);
        System.out.println("S2 demanding: ruptures per member-session, healthy -> fragile: " + ruptures);
        assertTrue(healthyGain.positive(), "healthy alliance turns challenge into progress: " + healthyGain);
        assertTrue(fragileDrop.positive(), "fragile alliance: challenge raises dropout: " + fragileDrop);
        assertTrue(fragileDrop.lower > healthyDrop.upper,
                "challenge costs fragile families more than healthy ones: " + fragileDrop + " vs " + healthyDrop);
        assertTrue(ruptures.positive(), "fragile alliances rupture more under the same challenge: " + ruptures);
    }

    /** 3. Split alliance: an unbalanced therapist splits the family; the identified patient lags. */
    @Test
    void unbalancedTherapistSplitsTheFamilyAroundTheIdentifiedPatient() {
        ModelParameters p = Variants.onlyFamily(Variants.base(FAMILIES),
                Variants.family(Referral.VOLUNTARY, 0.5, false));
        ModelParameters balanced = Variants.onlyTherapist(p, Variants.withBalance(Variants.experienced(), 1.0));
        ModelParameters unbalanced = Variants.onlyTherapist(p, Variants.withBalance(Variants.experienced(), 0.1));
        Paired split = Paired.of(balanced, unbalanced,
                t -> t.courses.stream().mapToDouble(CourseRecord::splitMax).average().orElse(0), REPS, 303);
        Paired gap = Paired.of(balanced, unbalanced,
                t -> t.courses.stream().mapToDouble(CourseRecord::gapMax).filter(Double::isFinite).average()
                        .orElse(0), REPS, 303);
        System.out.println("S3 largest split, balanced -> unbalanced: " + split);
        System.out.println("S3 parent-minus-adolescent gap, balanced -> unbalanced: " + gap);
        assertTrue(split.positive(), "split " + split);
        assertTrue(gap.positive(), "gap " + gap);

        // Within families: the identified patient's alliance is below the other members' at session 3.
        CourseTally t = CourseTally.run(balanced, 304, 4, true);
        double ip = t.sessions.stream().filter(s -> s.session() == 3).flatMap(s -> s.members().stream())
                .filter(MemberSession::identifiedPatient).mapToDouble(MemberSession::alliance).average().orElseThrow();
        double others = t.sessions.stream().filter(s -> s.session() == 3).flatMap(s -> s.members().stream())
                .filter(m -> !m.identifiedPatient()).mapToDouble(MemberSession::alliance).average().orElseThrow();
        System.out.printf("S3 alliance at session 3: identified patient %.3f, others %.3f%n", ip, others);
        assertTrue(ip < others - 0.2, "identified patient " + ip + " vs others " + others);
    }

    /** 4. A novice facing a noisy, high-conflict family loses more families than an experienced therapist. */
    @Test
    void noviceLosesMoreHighConflictFamiliesThanAnExperiencedTherapist() {
        TherapistType experienced = Variants.experienced();
        TherapistType novice = Variants.withExperience(experienced, Experience.NOVICE);
        ModelParameters noisy = Variants.onlyFamily(Variants.base(FAMILIES),
                Variants.family(Referral.VOLUNTARY, 0.9, false));
        ModelParameters calm = Variants.onlyFamily(Variants.base(FAMILIES),
                Variants.family(Referral.VOLUNTARY, 0.15, false));
        Paired noisyGap = Paired.of(Variants.onlyTherapist(noisy, experienced), Variants.onlyTherapist(noisy, novice),
                SituationsTest::dropout, REPS, 404);
        Paired calmGap = Paired.of(Variants.onlyTherapist(calm, experienced), Variants.onlyTherapist(calm, novice),
                SituationsTest::dropout, REPS, 404);
        System.out.println("S4 high conflict: dropout, experienced -> novice: " + noisyGap);
        System.out.println("S4 low conflict: dropout, experienced -> novice: " + calmGap);
        assertTrue(noisyGap.positive(), "novice with a noisy family " + noisyGap);
        assertTrue(noisyGap.lower > calmGap.upper, "the novice's disadvantage grows with conflict: " + noisyGap
                + " vs " + calmGap);
    }

    /** 5. Involuntary referral: more dropout, concentrated in the first sessions. */
    @Test
    void involuntaryFamiliesDropOutMoreAndEarlier() {
        ModelParameters p = Variants.base(FAMILIES);
        ModelParameters voluntary = Variants.onlyFamily(p, Variants.family(Referral.VOLUNTARY, 0.5, false));
        ModelParameters involuntary = Variants.onlyFamily(p, Variants.family(Referral.INVOLUNTARY, 0.5, false));
        Paired drop = Paired.of(voluntary, involuntary, SituationsTest::dropout, REPS, 505);
        Paired early = Paired.of(voluntary, involuntary, t -> CourseTally.share(t.courses,
                c -> c.endReason() == EndReason.DROPOUT && c.sessionsAttended() <= 2), REPS, 505);
        Paired late = Paired.of(voluntary, involuntary, t -> CourseTally.share(t.courses,
                c -> c.endReason() == EndReason.DROPOUT && c.sessionsAttended() > 2), REPS, 505);
        System.out.println("S5 dropout, voluntary -> involuntary: " + drop);
        System.out.println("S5 dropout after 1-2 sessions: " + early);
        System.out.println("S5 dropout after 3+ sessions: " + late);
        assertTrue(drop.positive(), "dropout " + drop);
        assertTrue(early.positive(), "early dropout " + early);
        assertTrue(early.lower > late.upper, "the excess is concentrated early: " + early + " vs " + late);
    }

    /** 6. Observation devices unsettle unprepared families; preparation and habituation reduce it. */
    @Test
    void preparedFamiliesAreLessUnsettledByObservation() {
        ModelParameters p = Variants.base(FAMILIES);
        ModelParameters unprepared = Variants.onlyFamily(Variants.observed(p, false),
                Variants.family(Referral.VOLUNTARY, 0.5, false));
        ModelParameters prepared = Variants.onlyFamily(Variants.observed(p, false),
                Variants.family(Referral.VOLUNTARY, 0.5, true));
        ModelParameters plain = Variants.onlyFamily(p, Variants.family(Referral.VOLUNTARY, 0.5, false));
        Paired discomfort = Paired.of(prepared, unprepared, SituationsTest::firstSessionDiscomfort, REPS, 606, true);
        Paired drop = Paired.of(prepared, unprepared, SituationsTest::dropout, REPS, 606);
        Paired roomCost = Paired.of(plain, unprepared, SituationsTest::dropout, REPS, 606);
        System.out.println("S6 session-1 discomfort, prepared -> unprepared: " + discomfort);
        System.out.println("S6 dropout, prepared -> unprepared: " + drop);
        System.out.println("S6 dropout, plain room -> observed unprepared: " + roomCost);
        assertTrue(discomfort.positive(), "discomfort " + discomfort);
        assertTrue(drop.positive(), "dropout " + drop);
        assertTrue(roomCost.positive(), "observation costs unprepared families: " + roomCost);

        // Habituation: novelty fades over sessions.
        CourseTally t = CourseTally.run(unprepared, 607, 2, true);
        double first = t.sessions.stream().filter(s -> s.session() == 1).mapToDouble(SessionRecord::novelty)
                .average().orElseThrow();
        double fifth = t.sessions.stream().filter(s -> s.session() == 5).mapToDouble(SessionRecord::novelty)
                .average().orElseThrow();
        assertTrue(fifth < first / 4, "novelty session 1 " + first + ", session 5 " + fifth);
    }

    static double firstSessionDiscomfort(CourseTally t) {
        return t.sessions.stream().filter(s -> s.session() == 1).flatMap(s -> s.members().stream())
                .mapToDouble(MemberSession::discomfort).average().orElse(Double.NaN);
    }

    /** 7. Rupture and repair: resistance turned into information strengthens the work. */
    @Test
    void repairedRupturesImproveOutcomes() {
        ModelParameters p = Variants.base(FAMILIES);
        ModelParameters poor = Variants.onlyTherapist(p, Variants.withRepair(Variants.experienced(), 0.1));
        ModelParameters skilled = Variants.onlyTherapist(p, Variants.withRepair(Variants.experienced(), 0.95));
        Paired drop = Paired.of(poor, skilled, SituationsTest::dropout, REPS, 707);
        Paired gain = Paired.of(poor, skilled, SituationsTest::improvementPerFamily, REPS, 707);
        System.out.println("S7 dropout, poor -> skilled repair: " + drop);
        System.out.println("S7 improvement, poor -> skilled repair: " + gain);
        assertTrue(drop.negative(), "dropout " + drop);
        assertTrue(gain.positive(), "improvement " + gain);

        // Mechanism: without contagion, a repaired member ends the session above where they began.
        CourseTally t = CourseTally.run(Variants.withContagion(skilled, 0), 708, 2, true);
        long repaired = 0;
        long above = 0;
        for (SessionRecord s : t.sessions) {
            for (MemberSession m : s.members()) {
                if (m.repaired()) {
                    repaired++;
                    if (m.alliance() > m.allianceBefore()) {
                        above++;
                    }
                }
            }
        }
        assertTrue(repaired > 100, "repairs observed: " + repaired);
        assertTrue(above == repaired, above + " of " + repaired + " repaired members ended above where they began");
    }
}
