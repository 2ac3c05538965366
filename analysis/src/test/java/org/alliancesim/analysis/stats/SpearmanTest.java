package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {4, 2.5, 1, 2.5}, Spearman.ranks(new double[] {9, 3, 1, 3}));
    }

    /** A monotone but curved relation has rho 1 (Pearson's r would be below 1); reversed, -1. */
    @Test
    void monotoneIsOne() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 8, 27, 64, 125};
        assertEquals(1.0, Spearman.rho(x, y), 1e-12);
        assertEquals(-1.0, Spearman.rho(x, new double[] {5, 4, 3, 2, 1}), 1e-12);
    }

    /** x ranks 1..4, y ranks 2, 1, 4, 3: sum d^2 = 4, rho = 1 - 6*4 / (4*15) = 0.6. */
    @Test
    void matchesTheTextbookFormulaWithoutTies() {
        assertEquals(0.6, Spearman.rho(new double[] {10, 20, 30, 40}, new double[] {0.2, 0.1, 0.9, 0.5}), 1e-12);
    }

    @Test
    void refusesUnequalLengthsAndIsUndefinedForTooFewPairs() {
        assertThrows(IllegalArgumentException.class, () -> Spearman.rho(new double[2], new double[3]));
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1, 2}, new double[] {1, 2})));
    }
}
