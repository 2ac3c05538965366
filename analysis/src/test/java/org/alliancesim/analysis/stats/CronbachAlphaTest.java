package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CronbachAlphaTest {

    /** 9 respondents x 4 items; the last misses item 2 and is dropped. */
    static final double[][] SCORES = {{3, 4, 3, 5}, {2, 2, 3, 2}, {4, 5, 4, 4}, {1, 2, 1, 2}, {3, 3, 4, 3}, {5, 4, 5, 5},
        {2, 3, 2, 3}, {4, 4, 3, 4}, {3, Double.NaN, 2, 1}};

    /**
     * R 4.2.2: {@code Xc <- X[complete.cases(X), ]; alpha <- k/(k-1) * (1 - sum(apply(Xc, 2, var)) /
     * var(rowSums(Xc))); 1 - (1 - alpha) * qf(c(.975, .025), n - 1, (n - 1) * (k - 1))}. Feldt's
     * interval on n(k - 1) instead of (n - 1)(k - 1) denominator degrees of freedom moves the lower bound
     * by .0068;
     * keeping the incomplete respondent (pairwise) changes alpha.
     */
    @Test
    void matchesRWithListwiseDeletion() {
        CronbachAlpha a = CronbachAlpha.of(SCORES);
        assertEquals(0.927860696517413, a.alpha().value(), 1e-12);
        assertEquals(0.785845075335049, a.alpha().lower(), 1e-12);
        assertEquals(0.983796357572967, a.alpha().upper(), 1e-12);
        assertEquals(8, a.n());
        assertEquals(4, a.items());
    }

    @Test
    void tooFewItemsOrRespondentsIsRefused() {
        assertEquals("Cronbach's alpha needs at least 2 items, had 1",
                assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1}, {2}, {3}}))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1, 2}, {2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1, 2}, {2, 3, 4}}));
    }

    /**
     * Two items, three respondents (the smallest allowed): items (1, 2, 3) and (2, 2, 4), variances 1 and 4/3,
     * sum scores (3, 4, 7) with variance 13/3; alpha = 2 (1 - (7/3) / (13/3)) = 12/13 by hand.
     */
    @Test
    void twoItemsAndThreeRespondentsByHand() {
        CronbachAlpha a = CronbachAlpha.of(new double[][] {{1, 2}, {2, 2}, {3, 4}, {Double.NaN, 1}});
        assertEquals(12.0 / 13, a.alpha().value(), 1e-12);
        assertEquals(3, a.n());
        assertEquals(2, a.items());
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[0][]));
        assertEquals("Cronbach's alpha needs at least 2 items, had 1",
                assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1}, {2}, {3}}))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1, 2}, {2, 3, 4}, {3, 4}}));
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1, 2}, {2, 3}}));
        // The sum score does not vary (1+3 = 2+2 = 3+1): undefined.
        assertThrows(IllegalArgumentException.class, () -> CronbachAlpha.of(new double[][] {{1, 3}, {2, 2}, {3, 1}}));
    }
}
