package org.alliancesim.analysis.experiment;

import static org.alliancesim.analysis.experiment.Courses.course;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.TherapistProfile;
import org.junit.jupiter.api.Test;

class TherapistTallyTest {

    @Test
    void sumsCoursesPerTherapistAndWritesOneRowEach() throws Exception {
        TherapistTally t = new TherapistTally();
        t.add(course(0, 2, EndReason.DROPOUT, 1, 0.1, 0, 0));
        t.add(course(1, 2, EndReason.GOALS_MET, 6, 1.5, 0, 0));
        t.add(course(2, 2, EndReason.SESSION_LIMIT, 20, 0.5, 0, 0));
        t.add(course(3, 0, EndReason.SESSION_LIMIT, 20, 0.25, 0, 0));
        t.add(course(4, -1, EndReason.WAITLIST_DROPOUT, 0, 0, 0, 0));
        assertEquals(3, t.therapists());
        assertEquals(3, t.families(2));
        assertEquals(1, t.dropouts(2));
        assertEquals(2, t.stayers(2));
        assertEquals(1, t.stayersUnimproved(2), "the session-limit course without reliable change");
        assertEquals(0.1 * 0.1 + 1.5 * 1.5 + 0.5 * 0.5, t.improvementSquares(2), 1e-12);
        assertEquals(0, t.families(1));
        t.drawn(new org.alliancesim.model.TherapistProfile(7, 2, "t", 0.75, 0.5, 0.25, 0.125, 0.6, 0.9, -1.5, 1.25));
        t.drawn(new org.alliancesim.model.TherapistProfile(7, 40, "t", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 1));
        StringWriter w = new StringWriter();
        t.write(w, 7);
        assertEquals("7,0,t,1,0,0,0.25,,,,,,,,\n7,2,t,3,1,0.333333,0.7,0.75,0.5,0.25,0.125,0.6,0.9,-1.5,1.25\n",
                w.toString(), "therapist 1 has no family and the waitlist family no therapist: no rows; therapist 0's"
                        + " qualities were not heard (empty cells), therapist 2's as drawn; 40 (no family) has no row");
    }

    /** Ids far beyond the initial capacity grow the arrays. */
    @Test
    void growsForLargeIds() {
        TherapistTally t = new TherapistTally();
        t.add(course(0, 1000, EndReason.DROPOUT, 1, 0, 0, 0));
        assertEquals(1001, t.therapists());
        assertEquals(1, t.dropouts(1000));
    }

    /**
     * A merged tally holds the later replication's therapists after the earlier one's, each with their
     * own courses and drawn qualities, as one tally hearing the second replication's therapists
     * renumbered after the first's; the snapshot lists them all. Catches a merge that sums therapists
     * of two replications into one, forgets a field or a profile, or overwrites a therapist drawn
     * without courses.
     */
    @Test
    void mergeAppendsTheLaterReplicationsTherapists() {
        TherapistTally first = TherapistTally.KIND.create(20);
        TherapistTally second = TherapistTally.KIND.create(20);
        TherapistTally renumbered = new TherapistTally();
        TherapistProfile drawnOnly = new TherapistProfile(0, 2, "t", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 1);
        first.therapistDrawn(drawnOnly); // therapist 2 of the first replication: no course
        first.courseEnded(course(0, 0, EndReason.DROPOUT, 1, 0.1, 0, 0));
        first.courseEnded(course(1, 1, EndReason.GOALS_MET, 6, 1.5, 0, 0));
        renumbered.drawn(drawnOnly);
        renumbered.add(course(0, 0, EndReason.DROPOUT, 1, 0.1, 0, 0));
        renumbered.add(course(1, 1, EndReason.GOALS_MET, 6, 1.5, 0, 0));
        TherapistProfile p = new TherapistProfile(1, 1, "t", 0.75, 0.5, 0.25, 0.125, 0.6, 0.9, -1.5, 1.25);
        second.therapistDrawn(p);
        second.courseEnded(course(0, 1, EndReason.SESSION_LIMIT, 20, 0.5, 0, 0));
        second.courseEnded(course(1, 0, EndReason.GOALS_MET, 4, 1.25, 0, 0));
        second.courseEnded(course(2, 1, EndReason.DROPOUT, 2, -0.5, 0, 0));
        renumbered.drawn(new TherapistProfile(1, 3 + 1, "t", 0.75, 0.5, 0.25, 0.125, 0.6, 0.9, -1.5, 1.25));
        renumbered.add(course(0, 3 + 1, EndReason.SESSION_LIMIT, 20, 0.5, 0, 0));
        renumbered.add(course(1, 3, EndReason.GOALS_MET, 4, 1.25, 0, 0));
        renumbered.add(course(2, 3 + 1, EndReason.DROPOUT, 2, -0.5, 0, 0));
        first.merge(second);
        assertEquals(5, first.therapists(), "three of the first replication (one drawn only), two of the second");
        List<TherapistTally.Therapist> got = first.snapshot();
        List<TherapistTally.Therapist> want = renumbered.snapshot();
        assertEquals(want.size(), got.size());
        for (int t = 0; t < want.size(); t++) {
            TherapistTally.Therapist w = want.get(t);
            TherapistTally.Therapist g = got.get(t);
            assertEquals(List.of(w.id(), String.valueOf(w.type()), w.families(), w.dropouts(), w.stayers(),
                    w.stayersUnimproved(), w.improvementSum(), w.improvementSquares()),
                    List.of(g.id(), String.valueOf(g.type()), g.families(), g.dropouts(), g.stayers(),
                    g.stayersUnimproved(), g.improvementSum(), g.improvementSquares()), "therapist " + t);
            assertEquals(w.profile() == null ? null : w.profile().warmth(),
                    g.profile() == null ? null : g.profile().warmth(), "therapist " + t + "'s qualities");
        }
        assertEquals(drawnOnly, got.get(2).profile(), "the first replication's therapist without courses is kept");
        assertEquals(0, got.get(2).families());
        assertEquals(2, got.get(4).families());
        assertEquals(0.5 * 0.5 + 0.5 * 0.5, got.get(4).improvementSquares(), 1e-15);
    }
}
