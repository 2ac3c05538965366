package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The parts of {@link AbcSmc} that need no run: the settings' ranges at their edges, the refusals
 * of {@link AbcSmc#of}, the weighted distance and the Prangle scales, each against numbers worked
 * out by hand.
 */
class AbcSmcPartsTest {

    static final AbcSmc.Simulator NONE = (theta, seed) -> new double[] {0};

    static AbcSmc.Settings settings(int population, double alpha, double minRate, double finalTolerance,
            long budget, int generations, int threads) {
        return new AbcSmc.Settings(population, alpha, minRate, finalTolerance, budget, generations, true, 1, threads);
    }

    static void refused(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void eachSettingIsAcceptedAtItsEdgeAndRefusedJustBeyond() {
        // The edges themselves are accepted: population 4, alpha just inside (0, 1), rate 0, tolerance 0,
        // budget = population, one generation, one thread.
        AbcSmc.Settings edge = settings(4, Math.nextUp(0.0), 0, 0, 4, 1, 1);
        assertEquals(4, edge.populationSize());
        assertEquals(Math.nextDown(1.0), settings(4, Math.nextDown(1.0), Math.nextDown(1.0), 0, 4, 1, 1).alpha());
        refused("population must be at least 4, was 3", () -> settings(3, 0.5, 0, 0, 4, 1, 1));
        refused("alpha must be in (0, 1), was 0.0", () -> settings(4, 0, 0, 0, 4, 1, 1));
        refused("alpha must be in (0, 1), was 1.0", () -> settings(4, 1, 0, 0, 4, 1, 1));
        refused("alpha must be in (0, 1), was NaN", () -> settings(4, Double.NaN, 0, 0, 4, 1, 1));
        refused("minimum acceptance rate must be in [0, 1), was 1.0", () -> settings(4, 0.5, 1, 0, 4, 1, 1));
        refused("minimum acceptance rate must be in [0, 1), was -0.01", () -> settings(4, 0.5, -0.01, 0, 4, 1, 1));
        refused("final tolerance must be >= 0, was -1.0E-9", () -> settings(4, 0.5, 0, -1e-9, 4, 1, 1));
        refused("final tolerance must be >= 0, was NaN", () -> settings(4, 0.5, 0, Double.NaN, 4, 1, 1));
        refused("the simulation budget (4) must be at least the population (5)", () -> settings(5, 0.5, 0, 0, 4, 1, 1));
        refused("generations must be at least 1, was 0", () -> settings(4, 0.5, 0, 0, 4, 0, 1));
        refused("threads must be at least 1, was 0", () -> settings(4, 0.5, 0, 0, 4, 1, 0));
    }

    @Test
    void theDefaultsAndEachWitherChangeOneSetting() {
        AbcSmc.Settings d = AbcSmc.Settings.of(40, 1000, 7, 2);
        assertEquals(new AbcSmc.Settings(40, 0.5, 0.02, 0, 1000, 50, true, 7, 2), d);
        assertEquals(new AbcSmc.Settings(40, 0.5, 0.1, 0, 1000, 50, true, 7, 2), d.withMinAcceptanceRate(0.1));
        assertEquals(new AbcSmc.Settings(40, 0.5, 0.02, 0.3, 1000, 50, true, 7, 2), d.withFinalTolerance(0.3));
        assertEquals(new AbcSmc.Settings(40, 0.5, 0.02, 0, 1000, 3, true, 7, 2), d.withMaxGenerations(3));
        assertEquals(new AbcSmc.Settings(40, 0.5, 0.02, 0, 1000, 50, false, 7, 2), d.withAdaptiveDistance(false));
        assertEquals(new AbcSmc.Settings(40, 0.5, 0.02, 0, 1000, 50, true, 7, 5), d.withThreads(5));
    }

    @Test
    void aPopulationOfTwiceTheParametersIsEnoughAndNoStatisticIsRefused() {
        Prior two = Prior.of(List.of(Prior.Marginal.uniform(0, 1), Prior.Marginal.uniform(0, 1)));
        AbcSmc.Settings four = AbcSmc.Settings.of(4, 100, 1, 1);
        assertSame(four, AbcSmc.of(two, new double[] {0}, NONE, four).settings());
        Prior three = Prior.of(List.of(Prior.Marginal.uniform(0, 1), Prior.Marginal.uniform(0, 1),
                Prior.Marginal.uniform(0, 1)));
        refused("population must be at least 2 x the 3 parameters = 6, was 5",
                () -> AbcSmc.of(three, new double[] {0}, NONE, AbcSmc.Settings.of(5, 100, 1, 1)));
        refused("no observed statistics", () -> AbcSmc.of(two, new double[0], NONE, four));
    }

    /** sqrt(((3 - 1) / 2)^2 + ((1 - 2) / 0.5)^2) = sqrt(1 + 4). */
    @Test
    void theDistanceDividesEachGapByItsScale() {
        Prior one = Prior.of(List.of(Prior.Marginal.uniform(0, 1)));
        AbcSmc abc = AbcSmc.of(one, new double[] {1, 2}, NONE, AbcSmc.Settings.of(4, 100, 1, 1));
        assertEquals(Math.sqrt(5), abc.distance(new double[] {3, 1}, new double[] {2, 0.5}), 1e-15);
        assertEquals(0, abc.distance(new double[] {1, 2}, new double[] {2, 0.5}), 0);
    }

    /**
     * Each statistic (a column) on its own: the median absolute deviation from the median (odd and
     * even counts, unsorted input), else the mean absolute deviation, else 1.
     */
    @Test
    void theScalesAreEachColumnsMedianAbsoluteDeviationOrItsFallBacks() {
        // Column 0, odd: 8 1 100 4 2 -> median 4, deviations 4 3 96 0 2 -> median 3.
        // Column 1, all equal but one (5 5 13 5 5): median 5, deviations 0 0 8 0 0 -> MAD 0, mean 8/5.
        // Column 2, all equal: MAD 0, mean 0 -> 1.
        List<double[]> odd = List.of(new double[] {8, 5, 2}, new double[] {1, 5, 2}, new double[] {100, 13, 2},
                new double[] {4, 5, 2}, new double[] {2, 5, 2});
        assertArrayEquals(new double[] {3, 1.6, 1}, AbcSmc.scales(odd), 1e-15);
        // Even: 10 1 4 2 -> median (2 + 4) / 2 = 3, deviations 7 2 1 1 -> median (1 + 2) / 2 = 1.5.
        // Second column -3 -1 -2 -4: median -2.5, deviations 0.5 1.5 0.5 1.5 -> median 1.
        List<double[]> even = List.of(new double[] {10, -3}, new double[] {1, -1}, new double[] {4, -2},
                new double[] {2, -4});
        assertArrayEquals(new double[] {1.5, 1}, AbcSmc.scales(even), 1e-15);
        // Two values: median their mean, both deviations half the gap.
        assertArrayEquals(new double[] {3}, AbcSmc.scales(List.of(new double[] {-1}, new double[] {5})), 1e-15);
    }
}
