package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CohensDTest {

    static final double[] A = {5.1, 4.8, 6.2, 5.9, 5.5, 6.8, 4.9, 5.7};
    static final double[] B = {4.2, 5.0, 4.6, 3.9, 5.3, 4.4, 4.8, 4.1, 4.7, 5.2};

    /**
     * R 4.2.2, by the class comment's formulas: {@code sp <- sqrt(((n1-1)*var(a) + (n2-1)*var(b)) / m);
     * d <- (mean(a) - mean(b)) / sp; se <- sqrt((n1+n2)/(n1*n2) + d^2/(2*(n1+n2))); d +- qnorm(.975)*se;
     * J <- exp(lgamma(m/2) - lgamma((m-1)/2)) / sqrt(m/2); t.test(a, b, var.equal = TRUE)}. An SE with
     * 2(n1 + n2 - 2), a pooled variance over n1 + n2 instead of n1 + n2 - 2, or Welch's p-value (off by
     * .0023) each miss by more than 1e-3.
     */
    @Test
    void matchesR() {
        CohensD c = CohensD.of(A, B);
        assertEquals(1.72694411220995381, c.d().value(), 1e-12);
        assertEquals(0.63948610212452617, c.d().lower(), 1e-12);
        assertEquals(2.81440212229538123, c.d().upper(), 1e-12);
        assertEquals(1.64448915334472701, c.g().value(), 1e-12);
        assertEquals(3.64071785760056743, c.t(), 1e-12);
        assertEquals(0.00220146250257453, c.pValue(), 1e-12);
        assertEquals(8, c.na());
        assertEquals(10, c.nb());
    }

    @Test
    void swappingTheGroupsFlipsTheSignAndMissingScoresAreDropped() {
        double[] withMissing = {4.2, 5.0, Double.NaN, 4.6, 3.9, 5.3, 4.4, 4.8, 4.1, 4.7, 5.2};
        CohensD c = CohensD.of(withMissing, A);
        assertEquals(-1.72694411220995381, c.d().value(), 1e-12);
        assertEquals(-2.81440212229538123, c.d().lower(), 1e-12);
    }

    @Test
    void tooFewValuesOrNoVarianceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CohensD.of(new double[] {1}, B));
        assertThrows(IllegalArgumentException.class, () -> CohensD.of(new double[] {1, 1}, new double[] {2, 2}));
    }

    /**
     * Hedges' g and its interval, which the other tests never read. R 4.2.2 on a = 5.1 6.3 4.8 7.2 5.9,
     * b = 4.2 5.0 3.9 4.8 5.5 4.1 with the class comment's formulas and J = gamma(m/2) / (sqrt(m/2)
     * gamma((m-1)/2)), m = 9: d 1.618422, J 0.9138749, g 1.479035, interval J (d -+ qnorm(.975) se).
     */
    @Test
    void hedgesGIsTheSmallSampleCorrectedDAndItsInterval() {
        CohensD r = CohensD.of(new double[] {5.1, 6.3, 4.8, 7.2, 5.9}, new double[] {4.2, 5.0, 3.9, 4.8, 5.5, 4.1});
        assertEquals(1.618422231193555, r.d().value(), 1e-9);
        assertEquals(0.252444983841835, r.d().lower(), 1e-9);
        assertEquals(2.984399478545274, r.d().upper(), 1e-9);
        assertEquals(1.479035441406671, r.g().value(), 1e-9);
        assertEquals(0.230703132292030, r.g().lower(), 1e-9);
        assertEquals(2.727367750521312, r.g().upper(), 1e-9);
        // Hedges' approximation J = 1 - 3 / (4m - 1) = 0.914286 is within 5e-4 of the exact factor used.
        assertEquals(1 - 3.0 / (4 * 9 - 1), r.g().value() / r.d().value(), 5e-4);
    }

    @Test
    void twoValuesPerGroupAreEnough() {
        // Wrong code: refusing n = 2 (`n < 2` turned into `n <= 2`). a = (1, 3), b = (0, 2): means 2 and 1, both
        // variances 2, pooled sd sqrt(2): d = 1 / sqrt(2) by hand.
        assertEquals(1 / Math.sqrt(2), CohensD.of(new double[] {1, 3}, new double[] {0, 2}).d().value(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CohensD.of(new double[] {1}, new double[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> CohensD.of(new double[] {1, 3}, new double[] {0, Double.NaN}));
    }
}
