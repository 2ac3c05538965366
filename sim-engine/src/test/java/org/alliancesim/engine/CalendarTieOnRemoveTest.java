package org.alliancesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cancelling an event fills its place in the 4-ary heap with the last entry, which must be compared
 * with the hole's true parent, sequence number included: events at the same time fire in the order
 * they were (re)scheduled.
 */
class CalendarTieOnRemoveTest {

    /**
     * Inserted in this order each time is at least its parent's, so the heap is the insertion order:
     * index 1 holds time 5, index 2 time 1, index 7 time 8 (a child of 1), index 9 time 5 (a child of 2).
     * Rescheduling index 1's event to its own time gives it the newest sequence number. Cancelling index
     * 7's event moves index 9's (time 5, older) into the hole, under index 1 (time 5, newer): it must
     * rise above it. Wrong code that compares with index (7 + 1) / 4 = 2 (time 1) leaves it below, and
     * the newer event at time 5 fires first.
     */
    @Test
    void aTieOnTimeWithTheHolesParentIsBrokenBySequence() {
        Simulation sim = new Simulation();
        List<Integer> fired = new ArrayList<>();
        Event log = (s, k) -> fired.add(k);
        double[] times = {0, 5, 1, 2, 3, 6, 7, 8, 9, 5};
        long[] h = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            h[i] = sim.scheduleAt(times[i], log, i);
        }
        assertTrue(sim.reschedule(h[1], 5.0));
        assertTrue(sim.cancel(h[7]));
        sim.run();
        assertEquals(List.of(0, 2, 3, 4, 9, 1, 5, 6, 8), fired, "at time 5: 9 (scheduled before 1's reschedule), then 1");
    }
}
