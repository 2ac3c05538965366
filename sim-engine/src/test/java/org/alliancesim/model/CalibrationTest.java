package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defaults against LITERATURE.md's calibration targets (definitions in docs/model.md,
 * "Calibration"), on a seed the fit never saw: the defaults were fitted with seed 20261125
 * (scenarios/targets/literature.yaml) and checked by the calibration run on 20261126; this test
 * runs 20 replications of 1000 families with seed {@value #SEED}. Error budget: with 20,000
 * families the standard error of a share near 0.4 is about 0.0035, so each asserted range is
 * many standard errors wider than the sampling noise; a failure means the model moved, not chance.
 */
class CalibrationTest {

    /** Not the fitting seed (20261125) nor the fit's check seed (20261126). */
    static final long SEED = 7_300_417L;

    static CourseTally tally;

    @BeforeAll
    static void runDefaults() {
        tally = CourseTally.run(ModelParameters.defaults(), SEED, 20);
        System.out.println("Calibration of the defaults: " + tally.summary());
    }

    @Test
    void everyFamilyHasACourseRecord() {
        assertEquals(20 * 1000, tally.courses.size());
    }

    @Test
    void dropoutIsBetween33And45Percent() {
        double d = tally.dropoutShare();
        assertTrue(d >= 0.33 && d <= 0.45, "dropout " + d);
    }

    @Test
    void atLeast60PercentOfDropoutsLeaveAfterSession1Or2() {
        double e = tally.earlyDropoutShare();
        assertTrue(e >= 0.60, "early share " + e);
    }

    @Test
    void retentionCurveIsSteepestAtTheStartThenFlattens() {
        int[] drops = tally.dropoutsBySession(10);
        // Dropouts before session 2 outnumber those before any later session, and the early
        // sessions lose more than the later ones.
        for (int s = 3; s <= 10; s++) {
            assertTrue(drops[2] > drops[s], "session 2 vs " + s + ": " + java.util.Arrays.toString(drops));
        }
        assertTrue(drops[2] + drops[3] > 2 * (drops[5] + drops[6]), java.util.Arrays.toString(drops));
    }

    @Test
    void medianSessionsAttendedIsAboutFive() {
        double m = tally.medianSessions();
        assertTrue(m >= 4 && m <= 6, "median " + m);
    }

    @Test
    void aboutHalfAreImprovedBySession8() {
        double i = tally.improvedBySession8();
        assertTrue(i >= 0.40 && i <= 0.60, "improved by session 8: " + i);
    }

    @Test
    void involuntaryFamiliesDropOutClearlyMoreAndEarlier() {
        List<CourseRecord> inv = tally.where(c -> c.referral() == Referral.INVOLUNTARY);
        List<CourseRecord> vol = tally.where(c -> c.referral() == Referral.VOLUNTARY);
        double dInv = CourseTally.share(inv, c -> c.endReason() == EndReason.DROPOUT);
        double dVol = CourseTally.share(vol, c -> c.endReason() == EndReason.DROPOUT);
        System.out.printf("dropout: involuntary %.3f, voluntary %.3f%n", dInv, dVol);
        assertTrue(dInv > 1.3 * dVol, "involuntary " + dInv + " vs voluntary " + dVol);
        // The excess is concentrated in the beginning phase: more of it after 1-2 sessions than later.
        double earlyInv = CourseTally.share(inv, c -> c.endReason() == EndReason.DROPOUT && c.sessionsAttended() <= 2);
        double earlyVol = CourseTally.share(vol, c -> c.endReason() == EndReason.DROPOUT && c.sessionsAttended() <= 2);
        double lateExcess = (dInv - earlyInv) - (dVol - earlyVol);
        System.out.printf("involuntary excess: after 1-2 sessions %.3f, later %.3f%n", earlyInv - earlyVol, lateExcess);
        assertTrue(earlyInv - earlyVol > 2 * lateExcess, "early excess " + (earlyInv - earlyVol) + " vs later "
                + lateExcess);
    }

    @Test
    void completionByGoalsMetIsKeptApartFromDropout() {
        // docs/model.md reports goals met 52.1% and session limit 9.6% for this run. Error budget:
        // standard errors about 0.0035 and 0.0021 over 20,000 families; the bands are over 8 of them.
        double goals = CourseTally.share(tally.courses, c -> c.endReason() == EndReason.GOALS_MET);
        double limit = CourseTally.share(tally.courses, c -> c.endReason() == EndReason.SESSION_LIMIT);
        double censored = CourseTally.share(tally.courses, c -> c.endReason() == EndReason.CENSORED);
        assertEquals(0.521, goals, 0.03, "goals met");
        assertEquals(0.096, limit, 0.02, "session limit");
        // One end reason per family, and dropout counts only DROPOUT: the shares partition the courses.
        assertEquals(1.0, tally.dropoutShare() + goals + limit + censored, 1e-12);
        // A family that met its goal ended at that session, having improved at least the smallest goal;
        // it is never a family that failed to come back.
        double goalMin = ModelParameters.defaults().dynamics().outcome().goalMin();
        for (CourseRecord c : tally.where(c -> c.endReason() == EndReason.GOALS_MET)) {
            assertTrue(c.sessionsAttended() >= 1 && c.endSession() == c.sessionsAttended(), c.toString());
            assertTrue(c.improvement() >= goalMin, c.toString());
        }
        for (CourseRecord c : tally.where(c -> c.endReason() == EndReason.DROPOUT)) {
            assertEquals(c.sessionsAttended() + 1, c.endSession(), c.toString());
        }
        double improvedGoals = tally.where(c -> c.endReason() == EndReason.GOALS_MET).stream()
                .mapToDouble(CourseRecord::improvement).average().orElseThrow();
        double improvedDropouts = tally.where(c -> c.endReason() == EndReason.DROPOUT).stream()
                .mapToDouble(CourseRecord::improvement).average().orElseThrow();
        assertTrue(improvedGoals > 2 * improvedDropouts, "goals met " + improvedGoals + " vs dropouts " + improvedDropouts);
    }
}
