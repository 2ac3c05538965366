package org.alliancesim.analysis.experiment;

import static org.alliancesim.analysis.experiment.Courses.course;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.alliancesim.model.EndReason;
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
}
