package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link VarianceProfile} on criteria whose minimum and chi2-crossings are known by hand (parabolas and
 * flat stretches), each placed at one of the class's documented edges: the grid's zero and its last
 * point, the boundary rule (a minimiser below 1e-3 that gains less than 1e-7 is taken as 0), ties on the
 * grid, and the 1e4 limit of the upper bound.
 */
class VarianceProfileTest {

    private static double sq(double x) {
        return x * x;
    }

    /** Minimum at 0.005, between the grid's 0 and 0.01 (a tie on the grid), gaining 2.5e-5: kept. */
    @Test
    void anInteriorMinimumNearZeroIsKept() {
        assertEquals(0.005, new VarianceProfile(t -> sq(t - 0.005)).minimise(), 1e-7);
    }

    /**
     * Minimum at 1e-4 (below 1e-3), 1e-8 below the value at 0 (less than 1e-7), on a level of 1 (so a
     * gain computed as a sum, 2, is not small): the boundary rule takes 0 exactly.
     */
    @Test
    void aTinyGainNearZeroIsTakenAsTheBoundary() {
        assertEquals(0.0, new VarianceProfile(t -> 1 + sq(t - 1e-4)).minimise());
    }

    /**
     * The boundary rule's gain at its edge: 1e-7 at 0 and exactly 0 on (0, 5e-4), so a minimiser below 1e-3
     * gains exactly 1e-7, which is not less than 1e-7: the minimiser is kept, not taken as 0.
     */
    @Test
    void aGainOfExactlyTheToleranceIsKept() {
        double m = new VarianceProfile(t -> t <= 0 ? 1e-7 : t < 5e-4 ? 0 : Math.min(1, (t - 5e-4) * 1000)).minimise();
        assertTrue(m > 0 && m < 5e-4, "minimiser " + m);
    }

    /** Minimum at 5e-4 (below 1e-3) but 2.5e-7 below the value at 0 (more than 1e-7): kept. */
    @Test
    void aGainAboveTheToleranceIsKept() {
        assertEquals(5e-4, new VarianceProfile(t -> 1 + sq(t - 5e-4)).minimise(), 1e-7);
    }

    /** Minimum at 1000, between the grid's last two points (655.36 and 1310.72). */
    @Test
    void aMinimumAtTheGridsEndIsFound() {
        assertEquals(1000, new VarianceProfile(t -> sq((t - 1000) / 100)).minimise(), 1e-5);
    }

    /**
     * Minimum at 0.3 with a second, deeper one at 1000 behind a rise of 20 x (t - 0.3)^2: the grid stops
     * climbing at the first point more than 20 above its best (2.56: 101.5 above it), so it never
     * evaluates the far points (above 20) and returns the near minimum, as a local search does. Without the
     * stop it finds the far one.
     */
    @Test
    void theGridStopsClimbingOnceTheCriterionRisesFarAboveItsBest() {
        double[] furthest = {0};
        double m = new VarianceProfile(t -> {
            furthest[0] = Math.max(furthest[0], t);
            return Math.min(20 * sq(t - 0.3), -5 + sq((t - 1000) / 100));
        }).minimise();
        assertEquals(0.3, m, 1e-7);
        assertEquals(2.56, furthest[0], 1e-12, "the grid's last point evaluated");
    }

    /**
     * The same far minimum behind a bump that rises 19 above the best grid point (less than the stop's
     * 20): the grid climbs on and finds the deeper minimum at 1000.
     */
    @Test
    void aRiseOfLessThanTheStopDoesNotEndTheGrid() {
        double m = new VarianceProfile(t -> t < 500 ? Math.min(19, sq(t - 0.3)) : sq((t - 1000) / 100) - 50).minimise();
        assertEquals(1000, m, 1e-5);
    }

    /**
     * A rise of exactly 20 (0 at the grid's 0, 20 from 0.01 to 0.64, -50 from 1 on) does not stop the
     * grid: it stops only above 20, and climbs on to the deeper stretch (any point there; Brent's method
     * keeps a point of -50).
     */
    @Test
    void aRiseOfExactlyTheStopDoesNotEndTheGrid() {
        double m = new VarianceProfile(t -> t == 0 ? 0 : t < 1 ? 20 : -50).minimise();
        assertTrue(m >= 1, "minimiser " + m);
    }

    /**
     * Flat (0) from 0 to 1, rising after: every grid point up to 0.64 ties with 0; the first of the
     * tied points, 0, is the minimiser (a later one, 0.64, would be as good but is not the documented
     * rule).
     */
    @Test
    void aTieKeepsTheFirstGridPoint() {
        assertEquals(0.0, new VarianceProfile(t -> sq(Math.max(0, t - 1))).minimise());
    }

    /** (t - 2)^2 with chi2 = 1: the interval is [1, 3] by hand. */
    @Test
    void boundsOfAParabola() {
        double[] b = new VarianceProfile(t -> sq(t - 2)).interval(2, 0, 1);
        assertEquals(1, b[0], 1e-7);
        assertEquals(3, b[1], 1e-7);
    }

    /**
     * ((t - 1250) / 8000)^2 with chi2 = 1 crosses at 9250; the search doubles 2500, 5000, 10000 and must
     * still look at 10000 (the limit is "beyond 1e4", not "at 1e4").
     */
    @Test
    void anUpperBoundJustBelowTheLimitIsFound() {
        double[] b = new VarianceProfile(t -> sq((t - 1250) / 8000)).interval(1250, 0, 1);
        assertEquals(9250, b[1], 1e-4);
        assertEquals(0, b[0]);
    }

    /** (t / 20000)^2 with chi2 = 1 stays within chi2 up to 1e4 (it crosses at 20000): upper = infinity. */
    @Test
    void anUpperBoundBeyondTheLimitIsInfinite() {
        double[] b = new VarianceProfile(t -> sq(t / 20000)).interval(0, 0, 1);
        assertEquals(0, b[0]);
        assertEquals(Double.POSITIVE_INFINITY, b[1]);
    }

    // ---- the search by the slope's root (minimise(value, slope, start)) ----

    /** A profile of c with slope dc and the given tolerances, searched by the slope from start. */
    private static double bySlope(java.util.function.DoubleUnaryOperator c, java.util.function.DoubleUnaryOperator dc,
            double start) {
        return new VarianceProfile(c, 1e-7, 1e-9).minimise(c, dc, start);
    }

    /**
     * (t - 0.7)^2 from below (0.2: doubled to 0.4, 0.8), from above (3: halved to 1.5, 0.75, 0.375) and from
     * the minimum itself (slope 0 there: taken as it is): 0.7 each time, to the search's 1e-7 relative.
     */
    @Test
    void theSlopesRootIsFoundFromEitherSide() {
        for (double start : new double[] {0.2, 3, 0.7}) {
            assertEquals(0.7, bySlope(t -> sq(t - 0.7), t -> 2 * (t - 0.7), start), 1e-7, "from " + start);
        }
    }

    /**
     * An asymmetric minimum, c = t^4 / 4 - t (slope t^3 - 1, root 1, the secant between the bracket's ends
     * not the root): 1 to 1e-7 from 0.3 and from 7, and the slope is asked only within the bracket grown
     * from the start (0.3 to 1.2, 7 to 0.875: nothing outside them).
     */
    @Test
    void anAsymmetricMinimumIsFoundWithinTheBracket() {
        for (double start : new double[] {0.3, 7}) {
            double[] range = {Double.POSITIVE_INFINITY, 0};
            double m = bySlope(t -> t * t * t * t / 4 - t, t -> {
                range[0] = Math.min(range[0], t);
                range[1] = Math.max(range[1], t);
                return t * t * t - 1;
            }, start);
            assertEquals(1, m, 1e-7, "from " + start);
            assertEquals(start < 1 ? 0.3 : 0.875, range[0], 1e-12, "lowest slope asked from " + start);
            assertEquals(start < 1 ? 1.2 : 7, range[1], 1e-12, "highest slope asked from " + start);
        }
    }

    /**
     * Where there is no start (NaN, 0), no bracket before the grid's end (a slope negative everywhere) or none
     * above 1e-4 (a slope positive everywhere), or the slope is not a number, the grid's search decides: the
     * result is {@link VarianceProfile#minimise()}'s, here 1310.72, the grid's end, for a criterion falling
     * all the way, and 0 for (t + 1)^2.
     */
    @Test
    void withoutABracketTheGridsSearchDecides() {
        java.util.function.DoubleUnaryOperator falling = t -> -t;
        double grid = new VarianceProfile(falling).minimise();
        assertEquals(1310.72, grid, 1e-6);
        assertEquals(grid, bySlope(falling, t -> -1, 0.5));
        assertEquals(grid, bySlope(falling, t -> -1, Double.NaN));
        assertEquals(grid, bySlope(falling, t -> -1, 0));
        assertEquals(grid, bySlope(falling, t -> Double.NaN, 0.5));
        assertEquals(0.0, bySlope(t -> sq(t + 1), t -> 2 * (t + 1), 0.5));
        assertEquals(0.0, bySlope(t -> sq(t + 1), t -> 2 * (t + 1), Double.POSITIVE_INFINITY));
    }

    /**
     * A slope that stops being a number while the bracket grows (from 1.2 upwards while doubling from 0.3;
     * below 0.3 while halving from 0.5): the grid's search decides, 1310.72 for a criterion falling all the
     * way and 0 for one rising from 0, not Brent's search on a bracket with a NaN end.
     */
    @Test
    void aSlopeThatIsNotANumberAtTheBracketsEndHandsOverToTheGrid() {
        assertEquals(1310.72, bySlope(t -> -t, t -> t < 1 ? -1 : Double.NaN, 0.3), 1e-6);
        assertEquals(0.0, bySlope(t -> t, t -> t > 0.3 ? 1 : Double.NaN, 0.5));
    }

    /**
     * Halving below 1e-4 hands over to the grid's search, whose answer is kept whatever it is: 1 + 100 (t -
     * 5e-5)^2 has its minimum at 5e-5, 2.5e-7 below the value at 0 (more than the boundary rule's 1e-7), so
     * the grid keeps 5e-5; from 1e-3 the slope's search halves to 6.25e-5 and then hands over.
     */
    @Test
    void belowTheHalvingsLimitTheGridsMinimumIsKept() {
        java.util.function.DoubleUnaryOperator c = t -> 1 + 100 * sq(t - 5e-5);
        double m = bySlope(c, t -> 200 * (t - 5e-5), 1e-3);
        assertEquals(5e-5, m, 1e-7);
        assertEquals(new VarianceProfile(c, 1e-7, 1e-9).minimise(), m);
    }

    /**
     * The boundary rule holds for the slope's root: 1 + 0.04 (t - 5e-4)^2 has its root at 5e-4, below 1e-3
     * and 1e-8 below the value at 0 (less than 1e-7), bracketed from 3e-3 by halving to [3.75e-4, 7.5e-4] and
     * found by Brent's search: 0 exactly. 1 + (t - 5e-4)^2, 2.5e-7 below its value at 0 there, keeps its root.
     */
    @Test
    void theBoundaryRuleHoldsForTheSlopesRoot() {
        assertEquals(0.0, bySlope(t -> 1 + 0.04 * sq(t - 5e-4), t -> 0.08 * (t - 5e-4), 3e-3));
        assertEquals(5e-4, bySlope(t -> 1 + sq(t - 5e-4), t -> 2 * (t - 5e-4), 2e-3), 1e-9);
    }

    /**
     * A root whose criterion is higher than at 0 (c = (t - 1)^2 above 0, -1 at 0) is not the minimum: 0 is
     * taken. (The slope's root is a local minimum; a criterion lower at the boundary wins.)
     */
    @Test
    void aRootAboveTheValueAtZeroGivesWayToTheBoundary() {
        assertEquals(0.0, bySlope(t -> t == 0 ? -1 : sq(t - 1), t -> 2 * (t - 1), 0.5));
        assertEquals(1, bySlope(t -> t == 0 ? 1.5 : sq(t - 1), t -> 2 * (t - 1), 0.5), 1e-7);
    }

    /**
     * The boundary rule's edges on the slope's path, each with a criterion whose values at the root and at 0
     * are exact: a gain of exactly 1e-7 keeps a root below 1e-3 (as {@link #aGainOfExactlyTheToleranceIsKept}
     * on the grid's path); a root of exactly 1e-3 (the start, where the slope is 0) is kept with a gain of
     * 1e-8; and a tie between the root (0.5) and 0 goes to 0.
     */
    @Test
    void theBoundaryRulesEdgesOnTheSlopesPath() {
        double kept = bySlope(t -> t <= 0 ? 1e-7 : 0, t -> t - 5e-4, 2e-3);
        assertEquals(5e-4, kept, 1e-9);
        assertEquals(1e-3, bySlope(t -> t <= 0 ? 1e-8 : 0, t -> t - 1e-3, 1e-3));
        assertEquals(0.0, bySlope(t -> 0, t -> t - 0.5, 0.3));
    }

    /**
     * On a linear slope the secant between the bracket's ends is the root itself, and Brent's search, started
     * there, stops at once (the slope is exactly 0): the slope is asked at the start, the bracket's points and
     * the root only (0.2, 0.4, 0.8, 0.7 from 0.2; 3, 1.5, 0.75, 0.375, 0.7 from 3). A wrong secant starts
     * Brent's search elsewhere, which then asks more.
     */
    @Test
    void onALinearSlopeTheSecantIsTheRoot() {
        for (double[] expected : new double[][] {{0.2, 0.4, 0.8, 0.7}, {3, 1.5, 0.75, 0.375, 0.7}}) {
            java.util.List<Double> asked = new java.util.ArrayList<>();
            double m = bySlope(t -> sq(t - 0.7), t -> {
                asked.add(t);
                return 2 * (t - 0.7);
            }, expected[0]);
            assertEquals(0.7, m);
            assertEquals(java.util.Arrays.stream(expected).boxed().toList(), asked);
        }
    }
}
