package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PowerTest {

    /**
     * R 4.2.2: {@code binom.test(x, 50)$conf.int} for x = 0, 37, 50. A Wald or Wilson interval misses
     * these by more than 1e-3.
     */
    @Test
    void clopperPearsonMatchesBinomTest() {
        Estimate none = Power.of(0, 50);
        assertEquals(0, none.lower(), 0);
        assertEquals(0.0711217364641976, none.upper(), 1e-12);
        Estimate some = Power.of(37, 50);
        assertEquals(0.74, some.value(), 1e-15);
        assertEquals(0.596552321271934, some.lower(), 1e-12);
        assertEquals(0.853699415603446, some.upper(), 1e-12);
        Estimate all = Power.of(50, 50);
        assertEquals(0.928878263535802, all.lower(), 1e-12);
        assertEquals(1, all.upper(), 0);
    }

    @Test
    void countsPValuesStrictlyBelowAlphaAndIntervalsExcludingTheNull() {
        assertEquals(0.5, Power.ofPValues(new double[] {0.01, 0.05, 0.2, 0.049}, 0.05).value(), 0);
        List<Estimate> intervals = List.of(new Estimate(2, 1.1, 3), new Estimate(1.5, 0.9, 2.5),
                new Estimate(0.5, 0.3, 0.8), new Estimate(1, Double.NaN, Double.NaN));
        assertEquals(0.5, Power.ofIntervals(intervals, 1).value(), 0);
    }

    @Test
    void badCountsAndPValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Power.of(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Power.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Power.ofPValues(new double[] {Double.NaN}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Power.ofPValues(new double[] {0.1}, 1));
    }

    @Test
    void ofPValuesCountsOnlyThoseStrictlyBelowAlpha() {
        // 1 of 4 below 0.05 (0.05 itself is not): power 0.25, not 0.75 (the complement) nor 0.5 (counting
        // 0.05). Interval: R 4.2.2 binom.test(1, 4)$conf.int = 0.006309463, 0.805879550.
        Estimate e = Power.ofPValues(new double[] {0.01, 0.2, 0.05, 0.5}, 0.05);
        assertEquals(0.25, e.value(), 1e-15);
        assertEquals(0.00630946320970987, e.lower(), 1e-9);
        assertEquals(0.80587955031675662, e.upper(), 1e-9);
    }

    @Test
    void theEdgesOfTheAllowedRangesAreAllowed() {
        // 0 of 1 and 1 of 1 (Clopper-Pearson: [0, 0.975] and [0.025, 1]); p-values 0 and 1 themselves.
        assertEquals(0.975, Power.of(0, 1).upper(), 1e-12);
        assertEquals(0.025, Power.of(1, 1).lower(), 1e-12);
        assertEquals(0.5, Power.ofPValues(new double[] {0.0, 1.0}, 0.5).value(), 1e-15);
        // Refused by Power itself (its message), not later by the Beta distribution.
        assertEquals("power needs 0 <= detections <= replications and at least one replication, had 0 of 0",
                assertThrows(IllegalArgumentException.class, () -> Power.of(0, 0)).getMessage());
        assertEquals("power needs 0 <= detections <= replications and at least one replication, had -1 of 5",
                assertThrows(IllegalArgumentException.class, () -> Power.of(-1, 5)).getMessage());
        assertEquals("power needs 0 <= detections <= replications and at least one replication, had 6 of 5",
                assertThrows(IllegalArgumentException.class, () -> Power.of(6, 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Power.ofPValues(new double[] {0.5}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Power.ofPValues(new double[] {0.5}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Power.ofPValues(new double[] {-0.01}, 0.05));
        assertThrows(IllegalArgumentException.class, () -> Power.ofPValues(new double[] {1.01}, 0.05));
    }
}
