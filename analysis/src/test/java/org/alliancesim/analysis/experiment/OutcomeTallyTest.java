package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.Experience;
import org.alliancesim.model.Referral;
import org.junit.jupiter.api.Test;

/**
 * {@link OutcomeTally}: two replications' families merged into the run's tally give the moments and the
 * distributions worked out by hand here from the five families (sample variances, n - 1). Fails if the
 * merge drops or repeats a family (the loop's bound), a value of any of the three moments or of the
 * histogram by end reason, counts a family without an alliance (NaN after no session) in the alliance's
 * moments, or miscounts the families.
 */
class OutcomeTallyTest {

    static CourseRecord family(int id, EndReason end, int attended, double improvement, double allianceLast) {
        return new CourseRecord(0, id, "f", 2, Referral.VOLUNTARY, 0.3, true, 1, "t", Experience.NOVICE, attended, 0,
                end, attended, 7.0 * attended, 0, improvement, false, 0, 0, 0, allianceLast, allianceLast, allianceLast,
                0, Double.NaN, 0);
    }

    @Test
    void twoReplicationsMergedGiveTheMomentsWorkedOutByHand() {
        OutcomeTally first = OutcomeTally.KIND.create(10);
        first.courseEnded(family(1, EndReason.DROPOUT, 2, 0.5, 0.4));
        first.courseEnded(family(2, EndReason.GOALS_MET, 8, 3.0, 0.9));
        OutcomeTally second = OutcomeTally.KIND.create(10);
        second.courseEnded(family(3, EndReason.DROPOUT, 1, 0.25, 0.7));
        second.courseEnded(family(4, EndReason.WAITLIST_DROPOUT, 0, 0.0, Double.NaN));
        second.courseEnded(family(5, EndReason.GOALS_MET, 6, 2.0, 0.7));
        OutcomeTally run = OutcomeTally.KIND.create(10);
        run.merge(first);
        run.merge(second);
        OutcomeTally.Values v = run.snapshot();

        assertEquals(5, v.families());
        // improvement 0.5, 3, 0.25, 0, 2: mean 5.75 / 5; squared deviations 0.4225 + 3.4225 + 0.81 + 1.3225 + 0.7225 = 6.7
        assertEquals(1.15, v.improvement().mean(), 1e-12);
        assertEquals(6.7 / 4, v.improvement().variance(), 1e-12);
        assertEquals(5, v.improvement().n());
        // sessions 2, 8, 1, 0, 6: mean 3.4; squared deviations 1.96 + 21.16 + 5.76 + 11.56 + 6.76 = 47.2
        assertEquals(3.4, v.sessions().mean(), 1e-12);
        assertEquals(47.2 / 4, v.sessions().variance(), 1e-12);
        // alliance 0.4, 0.9, 0.7, 0.7 (the waitlist family has none): mean 0.675;
        // squared deviations 0.075625 + 0.050625 + 0.000625 + 0.000625 = 0.1275
        assertEquals(0.675, v.alliance().mean(), 1e-12);
        assertEquals(0.1275 / 3, v.alliance().variance(), 1e-12);
        assertEquals(4, v.alliance().n());
        // by end reason: only the reasons that occurred
        assertEquals(Set.of(EndReason.DROPOUT, EndReason.GOALS_MET, EndReason.WAITLIST_DROPOUT),
                v.improvementByEnd().keySet());
        assertEquals(2, v.improvementByEnd().get(EndReason.DROPOUT).count());
        assertEquals(0.375, v.improvementByEnd().get(EndReason.DROPOUT).mean(), 1e-12);
        assertEquals(2, v.improvementByEnd().get(EndReason.GOALS_MET).count());
        assertEquals(2.5, v.improvementByEnd().get(EndReason.GOALS_MET).mean(), 1e-12);
        assertEquals(1, v.improvementByEnd().get(EndReason.WAITLIST_DROPOUT).count());
        assertEquals(0.0, v.improvementByEnd().get(EndReason.WAITLIST_DROPOUT).max(), 0);
    }
}
