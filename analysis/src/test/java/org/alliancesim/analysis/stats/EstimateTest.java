package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void containsAndExcludesTheBoundsAsATwoSidedTestWould() {
        Estimate e = new Estimate(1, 0.5, 2);
        assertTrue(e.contains(0.5) && e.contains(2));
        assertTrue(e.excludes(0.4) && e.excludes(2.1));
        assertFalse(e.excludes(0.5));
    }

    /** An undefined interval (NaN bounds) neither contains nor excludes anything: no detection. */
    @Test
    void nanBoundsDecideNothing() {
        Estimate e = new Estimate(1, Double.NaN, Double.NaN);
        assertFalse(e.contains(1));
        assertFalse(e.excludes(0));
    }

    @Test
    void boundsOutOfOrderAreRefusedAndZIsTheNormalQuantile() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, 2, 0));
        assertEquals(1.959963984540054, Estimate.Z, 1e-15);
    }

    @Test
    void aPointIntervalIsAllowedAndItsBoundsAreNotExcluded() {
        Estimate point = new Estimate(1, 1, 1); // wrong code: `lower >= upper` refused
        assertTrue(point.contains(1));
        Estimate e = new Estimate(0.5, 0, 1);
        assertFalse(e.excludes(0), "a bound is inside: not excluded");
        assertFalse(e.excludes(1));
        assertTrue(e.excludes(Math.nextUp(1.0)));
        assertTrue(e.excludes(Math.nextDown(0.0)));
    }
}
