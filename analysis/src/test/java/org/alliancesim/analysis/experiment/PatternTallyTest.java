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

    /**
     * Two replications' tallies merged count what one tally of all their families counts: the same
     * V-shaped share and gain, and the same correlations (their sums moved to one reference pair, so
     * equal but for rounding). Catches a merge that drops a count or a sum, or shifts a correlation's
     * sums wrongly.
     */
    @Test
    void mergedReplicationsCountAsAllTheirFamilies() {
        PatternTally all = new PatternTally();
        PatternTally first = new PatternTally();
        PatternTally second = new PatternTally();
        double[][] trajectories = {{1.0, 0.8, 0.5, 1.1}, {1.0, 0.7, 0.4, 0.3}, {1.0, 0.8, 1.0}, {1.0, 1.0, 0.2},
            {2.0, 0.2, 1.0}, {-1.0, -2.0, -0.5, 0.5}};
        EndReason[] ends = {EndReason.GOALS_MET, EndReason.SESSION_LIMIT, EndReason.GOALS_MET, EndReason.GOALS_MET,
            EndReason.GOALS_MET, EndReason.SESSION_LIMIT};
        double[] improvement = {2.0, 0.5, 1.0, 1.5, 0.25, 3.0};
        int[] ruptures = {2, 1, 3, 0, 4, 2};
        int[] repairs = {1, 0, 3, 0, 1, 2};
        for (int f = 0; f < trajectories.length; f++) {
            // Families 0-2 are the first replication's 0-2, families 3-5 the second's 0-2.
            PatternTally own = f < 3 ? first : second;
            int id = f % 3;
            trajectory(all, f, trajectories[f]);
            trajectory(own, id, trajectories[f]);
            all.courseEnded(course(f, 0, ends[f], trajectories[f].length, improvement[f], ruptures[f], repairs[f]));
            own.courseEnded(course(id, 0, ends[f], trajectories[f].length, improvement[f], ruptures[f], repairs[f]));
        }
        first.merge(second);
        PatternTally.Patterns merged = first.snapshot();
        PatternTally.Patterns whole = all.snapshot();
        assertEquals(whole.vShapedShare(), merged.vShapedShare(), 0);
        assertEquals(whole.vShapedGain(), merged.vShapedGain(), 1e-12);
        assertEquals(whole.repairOutcomeR(), merged.repairOutcomeR(), 1e-12);
        assertEquals(whole.rateByLengthR(), merged.rateByLengthR(), 1e-12);
        assertTrue(Double.isFinite(merged.repairOutcomeR()) && Double.isFinite(merged.rateByLengthR())
                && Double.isFinite(merged.vShapedGain()), "every figure is defined here: " + merged);
        assertEquals(3.0 / 6, merged.vShapedShare(), 1e-12, "families 0, 4 and 5 dip at least 0.25 below both ends");
    }
}
