package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    @Test
    void matchesAHandComputedInterval() {
        // 1..5: mean 3, sd sqrt(2.5) = 1.58114; t(0.975, 4) = 2.776445 (tables); half = 1.963243.
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertEquals(3.0, ci.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), ci.sd(), 1e-12);
        assertEquals(5, ci.n());
        assertEquals(1.963243, ci.halfWidth(), 1e-6);
        assertTrue(ci.contains(4.9));
        assertFalse(ci.contains(5.0));
    }

    @Test
    void ninetyNinePercentIsWider() {
        double[] v = {2.1, 1.9, 2.4, 2.0, 1.7, 2.2};
        assertTrue(ConfidenceInterval.of(v, 0.99).halfWidth() > ConfidenceInterval.of(v, 0.95).halfWidth());
    }

    @Test
    void singleValueHasNoInterval() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {7}, 0.95);
        assertEquals(7, ci.mean());
        assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()) && Double.isNaN(ci.sd()));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[0], 0.95));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[] {1, 2}, 1.0));
    }

    @Test
    void theBoundsThemselvesAreInsideAndTheLevelMustBeOpen() {
        // 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.302653 (R qt): half-width 4.302653 / sqrt(3) = 2.484138.
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {1, 2, 3}, 0.95);
        assertEquals(2 - 2.484138, ci.lower(), 1e-6);
        assertTrue(ci.contains(ci.lower()), "closed at the lower bound");
        assertTrue(ci.contains(ci.upper()), "closed at the upper bound");
        assertFalse(ci.contains(Math.nextUp(ci.upper())));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[] {1, 2}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[] {1, 2}, 1.0));
        var e = assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[0], 0.95));
        assertEquals("need at least one value for a confidence interval", e.getMessage());
    }
}
