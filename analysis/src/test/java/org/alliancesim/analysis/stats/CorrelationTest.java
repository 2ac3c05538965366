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

    /**
     * R 4.2.2: {@code cor.test(c(1.2,2.3,3.1,4.8,5.0,6.7,7.1,8.4,9.9,10.2), c(2.0,1.8,3.9,4.1,6.2,5.5,7.9,7.2,9.1,12.0))}:
     * estimate, conf.int (Fisher z with se 1/sqrt(n - 3)) and p.value (t on n - 2 df). An se of
     * 1/sqrt(n - 2) or a t on n - 1 df misses by more than 1e-3.
     */
    @Test
    void fisherIntervalAndPValueMatchCorTest() {
        double[] x = {1.2, 2.3, 3.1, 4.8, 5.0, 6.7, 7.1, 8.4, 9.9, 10.2};
        double[] y = {2.0, 1.8, 3.9, 4.1, 6.2, 5.5, 7.9, 7.2, 9.1, 12.0};
        Correlation c = new Correlation();
        for (int i = 0; i < x.length; i++) {
            c.add(x[i], y[i]);
        }
        Estimate e = c.estimate();
        assertEquals(9.40673499943842e-01, e.value(), 1e-12);
        assertEquals(7.62880624530364e-01, e.lower(), 1e-12);
        assertEquals(9.86200244300517e-01, e.upper(), 1e-12);
        assertEquals(5.04329219470401e-05, c.pValue(), 1e-15);
    }

    @Test
    void fewerThanFourPairsHaveNoInterval() {
        Correlation c = new Correlation();
        c.add(1, 1);
        c.add(2, 2);
        c.add(3, 4);
        assertTrue(Double.isNaN(c.estimate().lower()));
        assertTrue(c.pValue() > 0 && c.pValue() < 1);
    }

    /**
     * R 4.2.2 cor.test: x = 1..4, y = 2 1 4 3: r 0.6, 95% Fisher-z interval (-0.8529326, 0.9901277), p 0.4;
     * x = 1..5, y = 2 1 4 3 5: r 0.8, interval (-0.2796400, 0.9861962), p 0.1040880. Missing pairs are dropped.
     */
    @Test
    void smallSamplesMatchCorTest() {
        Correlation c = new Correlation();
        double[] x = {1, 2, 3, 4};
        double[] y = {2, 1, 4, 3};
        for (int i = 0; i < 4; i++) {
            c.add(x[i], y[i]);
        }
        c.add(5, Double.NaN);
        c.add(Double.NaN, 5);
        assertEquals(4, c.n());
        assertEquals(0.6, c.r(), 1e-12);
        assertEquals(-0.852932564694718, c.estimate().lower(), 1e-9, "n = 4 has an interval (n - 3 = 1)");
        assertEquals(0.990127710799694, c.estimate().upper(), 1e-9);
        assertEquals(0.4, c.pValue(), 1e-9);
        c.add(5, 5);
        assertEquals(0.8, c.r(), 1e-12);
        assertEquals(-0.279640041969355, c.estimate().lower(), 1e-9);
        assertEquals(0.986196193301271, c.estimate().upper(), 1e-9);
        assertEquals(0.104088038661828, c.pValue(), 1e-9);
    }

    @Test
    void tooFewPairsGiveNaN() {
        Correlation c = new Correlation();
        c.add(1, 1);
        c.add(2, 3);
        assertEquals(Double.NaN, c.r());
        assertEquals(Double.NaN, c.pValue());
        c.add(3, 2);
        assertEquals(0.5, c.r(), 1e-12); // by hand: sxy = 1, sxx = 2, syy = 2
        assertEquals(Double.NaN, c.estimate().lower(), "n = 3 has no Fisher-z interval");
        assertEquals(Double.NaN, c.estimate().upper());
    }

    /**
     * Merging two halves (each with its own reference pair, far apart) equals adding every pair to
     * one: the same n, r, interval and p (but for rounding); merging an empty one changes nothing, and
     * merging into an empty one copies. Catches a wrong shift of the sums to the other reference pair.
     */
    @Test
    void mergingEqualsAddingEveryPair() {
        Correlation whole = new Correlation();
        Correlation a = new Correlation();
        Correlation b = new Correlation();
        for (int i = 0; i < 40; i++) {
            double x = 1e4 + i * 0.37 + Math.sin(i);
            double y = -2e3 + 2.5 * x + 7 * Math.cos(3 * i);
            whole.add(x, y);
            (i < 15 ? a : b).add(x, y);
        }
        Correlation empty = new Correlation();
        a.merge(empty);
        a.merge(b);
        assertEquals(whole.n(), a.n());
        assertEquals(whole.r(), a.r(), 1e-12);
        assertEquals(whole.estimate().lower(), a.estimate().lower(), 1e-12);
        assertEquals(whole.pValue(), a.pValue(), 1e-12);
        Correlation copy = new Correlation();
        copy.merge(whole);
        assertEquals(whole.r(), copy.r(), 0);
        assertTrue(whole.r() > 0.5 && whole.r() < 1, "a strong but not perfect correlation: " + whole.r());
    }
}
