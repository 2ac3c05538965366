package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliableChangeTest {

    /**
     * By hand: SD 0.7, r_xx .85: SE_diff = 1.414214 * 0.7 * 0.387298 = 0.383406; a fall from 3.0 to
     * 2.0 is RCI = -1 / 0.383406 = -2.608203, reliable improvement; a fall to 2.5 is -1.304101, not.
     */
    @Test
    void handComputedCase() {
        assertEquals(0.383406, ReliableChange.seDiff(0.7, 0.85), 1e-6);
        assertEquals(-2.608203, ReliableChange.index(3.0, 2.0, 0.7, 0.85), 1e-6);
        assertTrue(ReliableChange.improved(ReliableChange.index(3.0, 2.0, 0.7, 0.85)));
        assertEquals(-1.304101, ReliableChange.index(3.0, 2.5, 0.7, 0.85), 1e-6);
        assertFalse(ReliableChange.improved(ReliableChange.index(3.0, 2.5, 0.7, 0.85)));
        assertFalse(ReliableChange.improved(ReliableChange.index(2.0, 3.0, 0.7, 0.85)), "a rise is deterioration");
        assertTrue(Double.isNaN(ReliableChange.index(3.0, Double.NaN, 0.7, 0.85)));
        assertEquals(0.383406, OutcomeMeasure.defaults().seDiff(), 1e-6);
    }

    /** The default's points per unit of improvement is the instrument's reliable change threshold. */
    @Test
    void theModelsReliableChangeIsAReliableChangeOnTheDefaultInstrument() {
        OutcomeMeasure d = OutcomeMeasure.defaults();
        assertEquals(ReliableChange.CRITICAL * d.seDiff(), d.pointsPerImprovement(), 0.01);
    }
}
