package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RaterIccTest {

    /** Shrout and Fleiss (1979), Table 2: 6 targets (rows) rated by 4 judges (columns). */
    static final double[][] SHROUT_FLEISS = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9},
        {6, 2, 4, 7}};

    /**
     * The published values of Shrout and Fleiss's (1979) worked example on their Table 2 data: ICC(2,1)
     * = .29, ICC(3,1) = .71; the intervals as psych::ICC prints them (two decimals) for the same data
     * (Revelle, psych manual, ICC example): ICC2 [.02, .76], ICC3 [.34, .95].
     */
    @Test
    void reproducesShroutAndFleissWorkedExample() {
        RaterIcc icc = RaterIcc.of(SHROUT_FLEISS);
        assertEquals(0.29, icc.agreement().value(), 0.005);
        assertEquals(0.71, icc.consistency().value(), 0.005);
        assertEquals(0.02, icc.agreement().lower(), 0.005);
        assertEquals(0.76, icc.agreement().upper(), 0.005);
        assertEquals(0.34, icc.consistency().lower(), 0.005);
        assertEquals(0.95, icc.consistency().upper(), 0.005);
    }

    /**
     * R 4.2.2: {@code anova(lm(y ~ target + judge, long))} gives MSR 11.24166666667, MSC 32.48611111111,
     * MSE 1.01944444444; the McGraw and Wong formulas of the class comment evaluated in R with qf give
     * the bounds. Swapping the F quantiles' degrees of freedom, or using the
     * consistency interval for agreement, misses by more than 1e-3.
     */
    @Test
    void meanSquaresAndIntervalsMatchR() {
        RaterIcc icc = RaterIcc.of(SHROUT_FLEISS);
        assertEquals(11.24166666667, icc.msTargets(), 1e-10);
        assertEquals(32.48611111111, icc.msRaters(), 1e-10);
        assertEquals(1.01944444444, icc.msError(), 1e-10);
        assertEquals(0.289763779527559, icc.agreement().value(), 1e-12);
        assertEquals(0.018786513374712, icc.agreement().lower(), 1e-10);
        assertEquals(0.761084369648953, icc.agreement().upper(), 1e-10);
        assertEquals(0.714840714840715, icc.consistency().value(), 1e-12);
        assertEquals(0.342464765033925, icc.consistency().lower(), 1e-10);
        assertEquals(0.945858259955360, icc.consistency().upper(), 1e-10);
    }

    /** A lenient rater (judge 1, already the most lenient, +2 on every target) leaves consistency unchanged and lowers agreement. */
    @Test
    void leniencyLowersAgreementOnly() {
        double[][] shifted = new double[SHROUT_FLEISS.length][];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = SHROUT_FLEISS[i].clone();
            shifted[i][0] += 2;
        }
        RaterIcc before = RaterIcc.of(SHROUT_FLEISS);
        RaterIcc after = RaterIcc.of(shifted);
        assertEquals(before.consistency().value(), after.consistency().value(), 1e-12);
        assertEquals(true, after.agreement().value() < before.agreement().value());
    }

    @Test
    void incompleteTargetsAreDroppedAndTooFewAreRefused() {
        double[][] withMissing = new double[SHROUT_FLEISS.length + 1][];
        System.arraycopy(SHROUT_FLEISS, 0, withMissing, 0, SHROUT_FLEISS.length);
        withMissing[SHROUT_FLEISS.length] = new double[] {1, Double.NaN, 3, 4};
        assertEquals(6, RaterIcc.of(withMissing).targets());
        assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1}, {2}}));
    }

    /**
     * Two raters, the most common case. Five targets rated (1, 2), (3, 3), (5, 6), (7, 9), (4, 4); the two-way
     * ANOVA by hand (and R 4.2.2 {@code anova(lm(y ~ target + rater))}): MS targets 12.35, MS raters 1.6, MS
     * error 0.35; consistency (12.35 - 0.35) / (12.35 + 0.35) = 12 / 12.7, agreement
     * 12 / (12.7 + 2 (1.6 - 0.35) / 5) = 12 / 13.2.
     */
    @Test
    void twoRatersAreEnoughAndMatchTheAnovaByHand() {
        RaterIcc icc = RaterIcc.of(new double[][] {{1, 2}, {3, 3}, {5, 6}, {7, 9}, {4, 4}});
        assertEquals(2, icc.raters());
        assertEquals(5, icc.targets());
        assertEquals(12.35, icc.msTargets(), 1e-12);
        assertEquals(1.6, icc.msRaters(), 1e-12);
        assertEquals(0.35, icc.msError(), 1e-12);
        assertEquals(12 / 12.7, icc.consistency().value(), 1e-12);
        assertEquals(12 / 13.2, icc.agreement().value(), 1e-12);
        // Two complete targets are enough too (wrong code: n <= 2 refused); one rater is not.
        RaterIcc two = RaterIcc.of(new double[][] {{1, 2}, {3, 5}, {Double.NaN, 1}});
        assertEquals(2, two.targets());
        assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1}, {2}, {3}}));
    }

    @Test
    void eachRefusalSaysWhatIsMissing() {
        var e = assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[0][]));
        assertEquals("an inter-rater ICC needs at least 2 raters, had 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1}, {2}, {3}}));
        assertEquals("an inter-rater ICC needs at least 2 raters, had 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1, 2}, {2, 3, 4}, {3, 5}}));
        assertEquals("every target needs 2 ratings, one had 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1, 2}, {2, Double.NaN}}));
        assertEquals("an inter-rater ICC needs at least 2 targets with every rating, had 1", e.getMessage());
        // Rater 2 = rater 1 + 1 exactly: no residual variance (MSE = 0), so no F interval.
        e = assertThrows(IllegalArgumentException.class, () -> RaterIcc.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertEquals("an inter-rater ICC is undefined without residual variance", e.getMessage());
    }
}
