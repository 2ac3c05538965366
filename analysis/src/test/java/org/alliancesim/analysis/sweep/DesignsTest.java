package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alliancesim.scenario.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * {@link Designs} without running a sweep: the visiting order, the grid's order, the unit-cube
 * mapping, the size (with its saturation) and the refusals, each against values written out by hand.
 */
class DesignsTest {

    private static SweepSpec.Parameter range(String path, double min, double max) {
        return new SweepSpec.Parameter(path, min, max, 1, List.of());
    }

    private static SweepSpec spec(SweepSpec.Design design, int points, long seed, List<SweepSpec.Parameter> ps) {
        return new SweepSpec("default", design, points, 1, seed, 10, List.of("dropout_share"), ps, null);
    }

    /** Bit reversal of 0..n-1 by hand: 8 -> 0 4 2 6 1 5 3 7; 5 and 3 keep the reversed values below n. */
    @Test
    void interleavedIsTheBitReversalPermutation() {
        assertArrayEquals(new int[] {0, 4, 2, 6, 1, 5, 3, 7}, Designs.interleaved(8));
        assertArrayEquals(new int[] {0, 4, 2, 1, 3}, Designs.interleaved(5));
        assertArrayEquals(new int[] {0, 2, 1}, Designs.interleaved(3));
        assertArrayEquals(new int[] {0, 1}, Designs.interleaved(2));
        assertArrayEquals(new int[] {0}, Designs.interleaved(1));
        assertArrayEquals(new int[] {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7}, Designs.interleaved(15));
    }

    /** The grid runs the last parameter fastest; one step is the minimum; listed values are used as given. */
    @Test
    void theGridIsAnOdometerOverTheAxes() {
        SweepSpec s = spec(SweepSpec.Design.GRID, 1, 1, List.of(new SweepSpec.Parameter("a", 0, 1, 2, List.of()),
                new SweepSpec.Parameter("b", 0, 0, 1, List.of(5.0, 7.0, 6.0)),
                new SweepSpec.Parameter("c", 0.25, 9, 1, List.of())));
        List<double[]> x = Designs.points(s);
        double[][] expected = {{0, 5, 0.25}, {0, 7, 0.25}, {0, 6, 0.25}, {1, 5, 0.25}, {1, 7, 0.25}, {1, 6, 0.25}};
        assertEquals(expected.length, x.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], x.get(i), 0.0, "point " + i);
        }
        assertEquals(6, Designs.size(s));
        // Three steps from -1 to 2: -1, 0.5, 2.
        List<double[]> three = Designs.points(spec(SweepSpec.Design.GRID, 1, 1,
                List.of(new SweepSpec.Parameter("a", -1, 2, 3, List.of()))));
        assertEquals(List.of(-1.0, 0.5, 2.0), three.stream().map(p -> p[0]).toList());
    }

    /**
     * A unit value u becomes min + u (max - min): the design on [0, 1] is u itself, and on [2, 4] each
     * value is 2 + 2u (exact in doubles: 2u is, and the sum is rounded once as the decimal is). Same
     * seed, same points; another seed, other points.
     */
    @Test
    void randomAndLatinHypercubeValuesMapTheUnitCubeOntoTheBounds() {
        for (SweepSpec.Design d : List.of(SweepSpec.Design.RANDOM, SweepSpec.Design.LATIN_HYPERCUBE,
                SweepSpec.Design.SOBOL)) {
            List<double[]> unit = Designs.points(spec(d, 16, 99, List.of(range("a", 0, 1), range("b", 0, 1))));
            List<double[]> moved = Designs.points(spec(d, 16, 99, List.of(range("a", 2, 4), range("b", -4, -2))));
            assertEquals(16, unit.size(), d.name());
            for (int i = 0; i < 16; i++) {
                double[] u = unit.get(i);
                assertTrue(u[0] >= 0 && u[0] < 1 && u[1] >= 0 && u[1] < 1, d + " " + i);
                assertEquals(2 + 2 * u[0], moved.get(i)[0], 0.0, d + " point " + i);
                assertEquals(-4 + 2 * u[1], moved.get(i)[1], 0.0, d + " point " + i);
            }
            assertNotEquals(unit.get(0)[0], unit.get(0)[1], d + ": the dimensions differ");
            List<double[]> again = Designs.points(spec(d, 16, 99, List.of(range("a", 0, 1), range("b", 0, 1))));
            for (int i = 0; i < 16; i++) {
                assertArrayEquals(unit.get(i), again.get(i), 0.0);
            }
        }
        // The random designs depend on the seed; the Sobol sequence does not.
        for (SweepSpec.Design d : List.of(SweepSpec.Design.RANDOM, SweepSpec.Design.LATIN_HYPERCUBE)) {
            double a = Designs.points(spec(d, 4, 1, List.of(range("a", 0, 1)))).get(0)[0];
            double b = Designs.points(spec(d, 4, 2, List.of(range("a", 0, 1)))).get(0)[0];
            assertNotEquals(a, b, d.name());
        }
        // Latin hypercube of 4 points: one point in each quarter of each axis.
        List<double[]> lhs = Designs.points(spec(SweepSpec.Design.LATIN_HYPERCUBE, 4, 5,
                List.of(range("a", 0, 1), range("b", 0, 1))));
        List<List<Integer>> orders = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<Integer> strata = new ArrayList<>();
            for (double[] p : lhs) {
                strata.add((int) (p[k] * 4));
            }
            List<Integer> sorted = new ArrayList<>(strata);
            Collections.sort(sorted);
            assertEquals(List.of(0, 1, 2, 3), sorted, "axis " + k);
            orders.add(strata);
        }
        // The strata are shuffled, not the diagonal (every axis in order): for this seed at least one axis is not.
        assertTrue(!orders.get(0).equals(List.of(0, 1, 2, 3)) || !orders.get(1).equals(List.of(0, 1, 2, 3)),
                "shuffled strata: " + orders);
    }

    /**
     * Saltelli's layout for d = 2 and N = 2: per base row A, B, A with B's first column, A with B's
     * second: N (d + 2) = 8 points, each AB row sharing all but one column with A.
     */
    @Test
    void saltelliRowsAreABThenEachColumnSwapped() {
        List<double[]> x = Designs.saltelli(2, 2);
        assertEquals(8, x.size());
        for (int j = 0; j < 2; j++) {
            double[] a = x.get(4 * j);
            double[] b = x.get(4 * j + 1);
            assertArrayEquals(new double[] {b[0], a[1]}, x.get(4 * j + 2), 0.0);
            assertArrayEquals(new double[] {a[0], b[1]}, x.get(4 * j + 3), 0.0);
        }
        assertEquals(8, Designs.points(spec(SweepSpec.Design.SALTELLI, 2, 1,
                List.of(range("a", 0, 1), range("b", 0, 1)))).size());
        assertEquals(2 * 5L, Designs.size(spec(SweepSpec.Design.SALTELLI, 2, 1,
                List.of(range("a", 0, 1), range("b", 0, 1), range("c", 0, 1)))));
        assertEquals(7, Designs.size(spec(SweepSpec.Design.SOBOL, 7, 1, List.of(range("a", 0, 1), range("b", 0, 1)))));
    }

    /** Size saturates at Long.MAX_VALUE from 2^62 points up (63 bits); 2^61 is returned as it is. */
    @Test
    void sizeSaturatesBeyondALong() {
        List<SweepSpec.Parameter> big = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            big.add(new SweepSpec.Parameter("p" + i, 0, 1, 8192, List.of()));
        }
        List<SweepSpec.Parameter> p61 = new ArrayList<>(big);
        p61.add(new SweepSpec.Parameter("q", 0, 1, 512, List.of()));
        assertEquals(1L << 61, Designs.size(spec(SweepSpec.Design.GRID, 1, 1, p61)));
        List<SweepSpec.Parameter> p62 = new ArrayList<>(big);
        p62.add(new SweepSpec.Parameter("q", 0, 1, 1024, List.of()));
        assertEquals(Long.MAX_VALUE, Designs.size(spec(SweepSpec.Design.GRID, 1, 1, p62)));
    }

    @Test
    void checkRefusesTooManyDimensionsAndNonFiniteBounds() {
        List<SweepSpec.Parameter> ps = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ps.add(range("p" + i, 0, 1));
        }
        IllegalArgumentException sobol = assertThrows(IllegalArgumentException.class,
                () -> Designs.check(spec(SweepSpec.Design.SOBOL, 1, 1, ps)));
        assertEquals("parameters: the sobol design takes at most 1000 parameters (its Sobol sequence has 1000"
                + " dimensions), found 1001; use design: latin_hypercube or random for more", sobol.getMessage());
        Designs.check(spec(SweepSpec.Design.SOBOL, 1, 1, ps.subList(0, 1000)));
        IllegalArgumentException saltelli = assertThrows(IllegalArgumentException.class,
                () -> Designs.check(spec(SweepSpec.Design.SALTELLI, 1, 1, ps.subList(0, 501))));
        assertEquals("parameters: the saltelli design takes at most 500 parameters (its Sobol sequence has 1000"
                + " dimensions, two per parameter), found 501; use design: latin_hypercube or random for more",
                saltelli.getMessage());
        Designs.check(spec(SweepSpec.Design.SALTELLI, 1, 1, ps.subList(0, 500)));
        Designs.check(spec(SweepSpec.Design.RANDOM, 1, 1, ps));

        // Over the limit of a million points: refused by check and by points, with what was found; at it: accepted.
        SweepSpec big = spec(SweepSpec.Design.GRID, 1, 1, List.of(new SweepSpec.Parameter("a", 0, 1, 1001, List.of()),
                new SweepSpec.Parameter("b", 0, 1, 1000, List.of())));
        assertEquals(1_001_000, Designs.size(big));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Designs.check(big)).getMessage()
                .startsWith("the grid has 1001 x 1000 values = 1001000 points; at most 1000000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Designs.points(big)).getMessage()
                .startsWith("the grid has 1001 x 1000 values = 1001000 points"));
        Designs.check(spec(SweepSpec.Design.GRID, 1, 1, List.of(new SweepSpec.Parameter("a", 0, 1, 1000, List.of()),
                new SweepSpec.Parameter("b", 0, 1, 1000, List.of()))));

        IllegalArgumentException inf = assertThrows(IllegalArgumentException.class, () -> Designs.check(
                spec(SweepSpec.Design.RANDOM, 1, 1, List.of(range("a", 0, 1), range("b", 0, Double.POSITIVE_INFINITY)))));
        assertEquals("parameters[1]: min, max and values must be finite numbers", inf.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Designs.check(spec(SweepSpec.Design.RANDOM, 1, 1,
                List.of(range("a", Double.NEGATIVE_INFINITY, 1)))));
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> Designs.check(
                spec(SweepSpec.Design.GRID, 1, 1, List.of(new SweepSpec.Parameter("a", 0, 0, 1,
                        List.of(1.0, Double.NaN))))));
        assertEquals("parameters[0]: min, max and values must be finite numbers", value.getMessage());
    }

    @Test
    void tooLargeSaysHowManyPointsFromWhat() {
        assertEquals("the random design has 5 points; at most 1000000 are allowed (docs/sweeps.md): use fewer values,"
                + " steps or points, or several sweeps", Designs.tooLarge(spec(SweepSpec.Design.RANDOM, 5, 1,
                List.of(range("a", 0, 1)))));
        assertEquals("the grid has 3 x 2 values = 6 points; at most 1000000 are allowed (docs/sweeps.md): use fewer"
                + " values, steps or points, or several sweeps", Designs.tooLarge(spec(SweepSpec.Design.GRID, 1, 1,
                List.of(new SweepSpec.Parameter("a", 0, 1, 3, List.of()),
                        new SweepSpec.Parameter("b", 0, 0, 1, List.of(1.0, 2.0))))));
    }
}
