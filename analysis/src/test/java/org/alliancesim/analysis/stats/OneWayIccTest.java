package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneWayIccTest {

    /** Groups {2, 4} and {6, 8}: MSB = 16, MSW = 2, n0 = 2, so ICC = (16 - 2) / (16 + 2) = 7/9. */
    @Test
    void matchesTheAnovaByHand() {
        assertEquals(7.0 / 9, OneWayIcc.of(new int[] {2, 2}, new double[] {6, 14}, new double[] {20, 100}), 1e-12);
    }

    /**
     * Unbalanced: {1, 1, 1} and {0}: SSB = 3 - 9/4 = 0.75, SSW = 0, n0 = (4 - 10/4) / 1 = 1.5, ICC = 1.
     * Empty groups are ignored.
     */
    @Test
    void allVarianceBetweenGroupsIsOneAndEmptyGroupsDoNotCount() {
        assertEquals(1.0, OneWayIcc.of(new int[] {3, 0, 1}, new double[] {3, 0, 0}, new double[] {3, 0, 0}), 1e-12);
    }

    /** Groups with equal means: MSB = 0, so ICC = -MSW / ((n0 - 1) MSW) = -1/(n0 - 1) = -1 for pairs. */
    @Test
    void equalGroupMeansGiveTheNegativeFloor() {
        assertEquals(-1.0, OneWayIcc.of(new int[] {2, 2}, new double[] {1, 1}, new double[] {1, 1}), 1e-12);
    }

    @Test
    void undefinedWithOneGroupOrNoVariance() {
        assertTrue(Double.isNaN(OneWayIcc.of(new int[] {5}, new double[] {2}, new double[] {2})));
        assertTrue(Double.isNaN(OneWayIcc.of(new int[] {2, 2}, new double[] {2, 2}, new double[] {2, 2})));
    }
}
