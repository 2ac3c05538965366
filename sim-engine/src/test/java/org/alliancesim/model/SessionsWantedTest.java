package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * A listener that wants only sessions 1 to k ({@link CourseListener#sessionsWanted}) is told exactly
 * those of each family's attended sessions: 1 to min(k, sessions attended), the count taken from the
 * family's course record of the same run. Session k itself is told (a bound off by one would drop it).
 */
class SessionsWantedTest {

    @Test
    void aListenerWantingTwoSessionsIsToldSessionsOneAndTwoOfEachFamily() {
        Map<Integer, TreeSet<Integer>> told = new TreeMap<>();
        List<CourseRecord> courses = new ArrayList<>();
        Replication.run(Variants.base(60), RandomStreams.of(20261207L), 0, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                courses.add(c);
            }

            @Override
            public void sessionAttended(SessionRecord s) {
                told.computeIfAbsent(s.familyId(), f -> new TreeSet<>()).add(s.session());
            }

            @Override
            public int sessionsWanted() {
                return 2;
            }
        }, true);
        assertEquals(60, courses.size());
        int withTwo = 0;
        for (CourseRecord c : courses) {
            int expected = Math.min(2, c.sessionsAttended());
            TreeSet<Integer> sessions = told.getOrDefault(c.familyId(), new TreeSet<>());
            assertEquals(expected, sessions.size(), "family " + c.familyId() + ": " + sessions);
            if (expected > 0) {
                assertEquals(1, sessions.first());
                assertEquals(expected, sessions.last());
            }
            withTwo += expected == 2 ? 1 : 0;
        }
        assertTrue(withTwo > 0, "some family attends a second session");
    }
}
