package org.alliancesim.analysis.experiment;

import static org.alliancesim.analysis.experiment.Courses.course;
import static org.alliancesim.analysis.experiment.Courses.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.model.EndReason;
import org.junit.jupiter.api.Test;

class PatternTallyTest {

    private static void trajectory(PatternTally p, int family, double... alliance) {
        for (int i = 0; i < alliance.length; i++) {
            p.sessionAttended(session(family, i + 1, alliance[i]));
        }
    }

    /**
     * Family 0 dips 0.5 between two high ends (V); family 1 only declines; family 2 dips 0.2 (too shallow);
     * family 3 dips at its last session (not interior); family 4 is V-shaped but dropped out (not a completer).
     */
    @Test
    void countsHighLowHighCompletersOnly() {
        PatternTally p = new PatternTally();
        trajectory(p, 0, 1.0, 0.8, 0.5, 1.1);
        trajectory(p, 1, 1.0, 0.7, 0.4, 0.3);
        trajectory(p, 2, 1.0, 0.8, 1.0);
        trajectory(p, 3, 1.0, 1.0, 0.2);
        trajectory(p, 4, 1.0, 0.2, 1.0);
        p.courseEnded(course(0, 0, EndReason.GOALS_MET, 4, 2.0, 0, 0));
        p.courseEnded(course(1, 0, EndReason.SESSION_LIMIT, 4, 0.5, 0, 0));
        p.courseEnded(course(2, 0, EndReason.GOALS_MET, 3, 1.0, 0, 0));
        p.courseEnded(course(3, 0, EndReason.GOALS_MET, 3, 1.5, 0, 0));
        p.courseEnded(course(4, 0, EndReason.DROPOUT, 3, 9.0, 0, 0));
        assertEquals(0.25, p.vShapedShare(), 1e-12);
        assertEquals(2.0 - (0.5 + 1.0 + 1.5) / 3, p.vShapedGain(), 1e-12);
    }

    @Test
    void correlatesRepairWithImprovementOverFamiliesWithRuptures() {
        PatternTally p = new PatternTally();
        p.courseEnded(course(0, 0, EndReason.DROPOUT, 2, 0.1, 2, 0));
        p.courseEnded(course(1, 0, EndReason.DROPOUT, 2, 0.3, 2, 1));
        p.courseEnded(course(2, 0, EndReason.DROPOUT, 2, 0.5, 2, 2));
        p.courseEnded(course(3, 0, EndReason.DROPOUT, 2, 5.0, 0, 0));
        assertEquals(1.0, p.repairOutcomeR(), 1e-12, "the family without ruptures is left out");
    }

    /** Completers who improve by the same amount in fewer sessions improve faster per session: r < 0. */
    @Test
    void goodEnoughRateFallsWithLength() {
        PatternTally p = new PatternTally();
        p.courseEnded(course(0, 0, EndReason.GOALS_MET, 4, 1.2, 0, 0));
        p.courseEnded(course(1, 0, EndReason.GOALS_MET, 8, 1.2, 0, 0));
        p.courseEnded(course(2, 0, EndReason.SESSION_LIMIT, 20, 1.2, 0, 0));
        p.courseEnded(course(3, 0, EndReason.DROPOUT, 1, 0.0, 0, 0));
        assertTrue(p.rateByLengthR() < -0.8, "r " + p.rateByLengthR());
        assertTrue(Double.isNaN(p.vShapedShare()), "no trajectories were seen");
    }
}
