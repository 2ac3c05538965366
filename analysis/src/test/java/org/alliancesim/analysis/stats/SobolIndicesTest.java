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

    /**
     * By hand, d = 1, N = 2, rows (f(A), f(B), f(AB)) = (1, 3, 2) and (4, 0, 5): mean 2, variance
     * (1 + 1 + 4 + 4) / 3 = 10/3; first order ((3-2)(2-1) + (0-2)(5-4)) / 2 / (10/3) = -0.15; total
     * ((1-2)^2 + (4-5)^2) / 4 / (10/3) = 0.15.
     */
    @Test
    void pointEstimatesByHand() {
        List<SobolIndex> s = SobolIndices.estimate(List.of("a"), new double[] {1, 3, 2, 4, 0, 5},
                RandomStreams.of(1).stream(0, 0, "boot"));
        assertEquals(-0.15, s.get(0).first(), 1e-12);
        assertEquals(0.15, s.get(0).total(), 1e-12);
        // Constant outputs: no variance, indices 0 (not 0/0).
        List<SobolIndex> flat = SobolIndices.estimate(List.of("a", "b"), new double[] {2, 2, 2, 2, 2, 2, 2, 2},
                RandomStreams.of(1).stream(0, 0, "boot"));
        assertEquals(0.0, flat.get(1).first());
        assertEquals(0.0, flat.get(1).totalHigh());
    }

    /** The estimators written out on a matrix (row j: f(A), f(B), f(AB_1) ... f(AB_d)), as the reference. */
    private static double[][] referenceIndices(double[][] rows, int d) {
        int n = rows.length;
        double mean = 0;
        for (double[] r : rows) {
            mean += (r[0] + r[1]) / (2.0 * n);
        }
        double var = 0;
        for (double[] r : rows) {
            var += ((r[0] - mean) * (r[0] - mean) + (r[1] - mean) * (r[1] - mean)) / (2.0 * n - 1);
        }
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double s1 = 0;
            double st = 0;
            for (double[] r : rows) {
                s1 += (r[1] - mean) * (r[2 + i] - r[0]) / n;
                st += (r[0] - r[2 + i]) * (r[0] - r[2 + i]) / (2.0 * n);
            }
            out[0][i] = s1 / var;
            out[1][i] = st / var;
        }
        return out;
    }

    @Test
    void estimatesAndBootstrapPercentilesMatchTheMatrixReference() {
        // Three parameters, N = 7 rows of arbitrary outputs; the bootstrap draws row indices from a copy of the
        // same stream, and the 95% percentile interval is the 25th and 975th of the 1000 sorted resamples.
        int d = 3;
        int n = 7;
        var rng = RandomStreams.of(5).stream(0, 0, "outputs");
        double[] f = new double[n * (d + 2)];
        double[][] rows = new double[n][d + 2];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < d + 2; c++) {
                rows[j][c] = f[j * (d + 2) + c] = Math.floor(rng.nextDouble() * 100) / 10;
            }
        }
        List<SobolIndex> got = SobolIndices.estimate(List.of("a", "b", "c"), f, RandomStreams.of(9).stream(0, 0, "boot"));
        double[][] est = referenceIndices(rows, d);
        var boot = RandomStreams.of(9).stream(0, 0, "boot");
        double[][][] resampled = new double[2][d][SobolIndices.RESAMPLES];
        for (int r = 0; r < SobolIndices.RESAMPLES; r++) {
            double[][] pick = new double[n][];
            for (int j = 0; j < n; j++) {
                pick[j] = rows[boot.nextInt(n)];
            }
            double[][] e = referenceIndices(pick, d);
            for (int i = 0; i < d; i++) {
                resampled[0][i][r] = e[0][i];
                resampled[1][i][r] = e[1][i];
            }
        }
        for (int i = 0; i < d; i++) {
            Arrays.sort(resampled[0][i]);
            Arrays.sort(resampled[1][i]);
            SobolIndex s = got.get(i);
            assertEquals(est[0][i], s.first(), 1e-9, "first order " + i);
            assertEquals(est[1][i], s.total(), 1e-9, "total " + i);
            assertEquals(resampled[0][i][25], s.firstLow(), 1e-9);
            assertEquals(resampled[0][i][974], s.firstHigh(), 1e-9);
            assertEquals(resampled[1][i][25], s.totalLow(), 1e-9);
            assertEquals(resampled[1][i][974], s.totalHigh(), 1e-9);
        }
    }
}
