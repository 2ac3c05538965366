package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

class SobolIndicesTest {

    /** Outputs of {@code f} on a Saltelli design of N base rows over [0, 1]^d, laid out as SobolIndices reads them. */
    static double[] saltelli(int n, int d, ToDoubleFunction<double[]> f) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        sobol.skipTo(1);
        double[] out = new double[n * (d + 2)];
        int k = 0;
        for (int j = 0; j < n; j++) {
            double[] v = sobol.nextVector();
            double[] a = Arrays.copyOfRange(v, 0, d);
            double[] b = Arrays.copyOfRange(v, d, 2 * d);
            out[k++] = f.applyAsDouble(a);
            out[k++] = f.applyAsDouble(b);
            for (int i = 0; i < d; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                out[k++] = f.applyAsDouble(ab);
            }
        }
        return out;
    }

    static List<SobolIndex> estimate(List<String> names, double[] f) {
        return SobolIndices.estimate(names, f, RandomStreams.of(7).stream(0, 0, "sobol-bootstrap"));
    }

    /** f = 2 x1 + x2 (x uniform): additive, so first order = total = 0.8 and 0.2. Error budget 0.05 (N = 2048). */
    @Test
    void anAdditiveFunctionHasFirstOrderEqualToTotal() {
        List<SobolIndex> si = estimate(List.of("x1", "x2"), saltelli(2048, 2, x -> 2 * x[0] + x[1]));
        assertEquals("x1", si.get(0).parameter());
        assertEquals(0.8, si.get(0).first(), 0.05);
        assertEquals(0.2, si.get(1).first(), 0.05);
        assertEquals(0.8, si.get(0).total(), 0.05);
        assertEquals(0.2, si.get(1).total(), 0.05);
        for (SobolIndex s : si) {
            assertTrue(s.firstLow() <= s.first() && s.first() <= s.firstHigh(), s.toString());
            assertTrue(s.totalLow() <= s.total() && s.total() <= s.totalHigh(), s.toString());
        }
    }

    /**
     * f = x1 x2: the interaction is a seventh of the variance, so each first-order index is 3/7 and
     * each total 4/7 (Var f = 7/144, Var E[f|x1] = 3/144, E Var(f|x2) = 4/144). Error budget 0.05.
     */
    @Test
    void anInteractionSeparatesFirstOrderFromTotal() {
        List<SobolIndex> si = estimate(List.of("x1", "x2"), saltelli(2048, 2, x -> x[0] * x[1]));
        for (SobolIndex s : si) {
            assertEquals(3.0 / 7, s.first(), 0.05, s.toString());
            assertEquals(4.0 / 7, s.total(), 0.05, s.toString());
        }
    }

    /** The bootstrap draws from the generator it is given: the same stream, the same intervals. */
    @Test
    void theSameStreamGivesTheSameIntervals() {
        double[] f = saltelli(64, 3, x -> x[0] + x[1] * x[2]);
        List<String> names = List.of("a", "b", "c");
        assertEquals(estimate(names, f), estimate(names, f));
    }

    @Test
    void outputsThatAreNotBlocksOfDPlusTwoAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimate(List.of("a", "b"), new double[7]));
        assertEquals("Sobol indices of 2 parameters need N (d + 2) = N x 4 outputs, N >= 1; got 7", e.getMessage());
    }
}
