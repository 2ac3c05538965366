package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    /** (1,1), (2,2), (3,4): Sxy = 3, Sxx = 2, Syy = 42/9, r = 3 / sqrt(2 * 42/9). */
    @Test
    void matchesTheFormulaByHand() {
        Correlation c = new Correlation();
        c.add(1, 1);
        c.add(2, 2);
        c.add(3, 4);
        assertEquals(3 / Math.sqrt(2 * 42.0 / 9), c.r(), 1e-12);
        assertEquals(3, c.n());
    }

    /** A large common offset cancels nothing (the sums are taken around the first pair). */
    @Test
    void largeOffsetsKeepPrecisionAndNaNIsSkipped() {
        Correlation c = new Correlation();
        c.add(1e9 + 1, 1);
        c.add(Double.NaN, 5);
        c.add(1e9 + 2, 2);
        c.add(1e9 + 3, 4);
        assertEquals(3 / Math.sqrt(2 * 42.0 / 9), c.r(), 1e-9);
    }

    @Test
    void undefinedForAConstantOrTooFewPairs() {
        Correlation c = new Correlation();
        c.add(1, 1);
        c.add(2, 1);
        assertTrue(Double.isNaN(c.r()));
        c.add(3, 1);
        assertTrue(Double.isNaN(c.r()));
    }
}
