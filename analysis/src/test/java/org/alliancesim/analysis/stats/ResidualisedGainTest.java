package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResidualisedGainTest {

    static final double[] PRE = {10, 12, 9, 15, 11, 14, 8, 13, 12, 10, 16, 9};
    static final double[] POST = {12, 15, 9, 18, 14, 15, 10, 17, 13, 11, 20, 12};
    static final double[] ALLIANCE = {1.1, 2.0, -0.5, 1.5, 1.8, 0.2, 0.4, 2.2, 0.1, -0.3, 1.9, 1.0};

    /**
     * R 4.2.2: {@code coef(lm(post ~ pre))[2]; cor.test(resid(lm(post ~ pre)), alliance)}. Correlating the
     * raw gain post - pre instead gives r = 0.94, not 0.81.
     */
    @Test
    void matchesR() {
        ResidualisedGain g = ResidualisedGain.of(PRE, POST, ALLIANCE);
        assertEquals(1.22914218566392464, g.slope(), 1e-12);
        assertEquals(0.80863812846218752, g.r().value(), 1e-12);
        assertEquals(0.43800558845617160, g.r().lower(), 1e-12);
        assertEquals(0.94430696766168831, g.r().upper(), 1e-12);
        assertEquals(0.00145126249490132, g.pValue(), 1e-14);
        assertEquals(12, g.n());
    }

    @Test
    void incompleteCasesAreDropped() {
        double[] pre = append(PRE, 11);
        double[] post = append(POST, Double.NaN);
        double[] alliance = append(ALLIANCE, 3);
        ResidualisedGain g = ResidualisedGain.of(pre, post, alliance);
        assertEquals(12, g.n());
        assertEquals(0.80863812846218752, g.r().value(), 1e-12);
    }

    @Test
    void aConstantBaselineOrTooFewCasesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ResidualisedGain.of(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> ResidualisedGain.of(new double[] {1, 2, 3}, new double[] {1, 2, 4}, new double[] {4, 3, 2}));
    }

    private static double[] append(double[] values, double last) {
        double[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    @Test
    void fourCompleteCasesAreEnoughAndEveryLengthMustMatch() {
        // post = pre exactly plus a residual that is the predictor: gains (0.5, -0.5, 0.5, -0.5) around the fit.
        double[] pre = {1, 2, 3, 4};
        double[] post = {1.5, 1.5, 3.5, 3.5};
        double[] predictor = {1, -1, 1, -1};
        ResidualisedGain g = ResidualisedGain.of(pre, post, predictor);
        assertEquals(4, g.n());
        assertThrows(IllegalArgumentException.class, () -> ResidualisedGain.of(pre, post, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> ResidualisedGain.of(pre, new double[] {1, 2, 3}, predictor));
    }
}
