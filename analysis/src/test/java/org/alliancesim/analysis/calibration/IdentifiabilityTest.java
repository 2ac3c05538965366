package org.alliancesim.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class IdentifiabilityTest {

    private static CalibrationSpec spec(String... paths) {
        List<CalibrationSpec.Parameter> ps = java.util.Arrays.stream(paths)
                .map(p -> CalibrationSpec.Parameter.of(p, 0, 2)).toList();
        return new CalibrationSpec("default", List.of(
                new CalibrationSpec.Target("dropout_share", 0.33, 0.45, 0.39, ""),
                new CalibrationSpec.Target("median_sessions", 4, 6, 5, "")), ps, List.of(), 2, 200, 7_300_417L, 10);
    }

    /** Targets see a and b separately and never c: c is loose with no bound on its error. */
    @Test
    void aParameterNoTargetSeesIsLoose() {
        double[][] jac = {{1, 0, 0}, {0, 2, 0}};
        Identifiability a = Identifiability.of(List.of("a", "b", "c"), new double[3], jac, spec("a", "b", "c"), 6);
        assertArrayEquals(new double[] {2, 1, 0}, a.singularValues(), 1e-12);
        assertEquals(2 / 1.96, a.conditionalSe()[0], 1e-12, "range 2 over 1.96 x |J_a|");
        assertEquals(1 / 1.96, a.conditionalSe()[1], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, a.conditionalSe()[2]);
        assertFalse(a.loose(0));
        assertFalse(a.loose(1));
        assertTrue(a.loose(2));
        assertEquals(1.0, a.looseShare()[2], 1e-12);
    }

    /**
     * a and b move both targets in the same proportion: each is pinned down alone (finite conditional
     * error), but only their sum is identified; the difference is the loose direction.
     */
    @Test
    void collinearParametersShareALooseDirection() {
        double[][] jac = {{1, 1}, {2, 2}};
        Identifiability a = Identifiability.of(List.of("a", "b"), new double[2], jac, spec("a", "b"), 4);
        assertEquals(Math.sqrt(10), a.singularValues()[0], 1e-12);
        assertEquals(0, a.singularValues()[1], 1e-7);
        assertEquals(0.5, a.looseShare()[0], 1e-9);
        assertTrue(a.loose(0) && a.loose(1));
        assertTrue(Double.isFinite(a.conditionalSe()[0]));
        assertEquals(0, a.directions()[1][0] + a.directions()[1][1], 1e-9, "the loose direction is a - b");
    }

    /**
     * On the model (2 replications x 200 families, seed 7300417): the default is a plain room, so the
     * setting's distraction moves no target; on common random numbers its column is exactly 0 and it is
     * loose, while the attendance intercept is not.
     */
    @Test
    void onTheModelASettingParameterInAPlainRoomIsLoose() throws Exception {
        CalibrationSpec s = spec("dynamics.attendance.intercept", "dynamics.climate.distraction");
        CalibrationSpec wide = new CalibrationSpec(s.base(), s.targets(), List.of(
                CalibrationSpec.Parameter.of("dynamics.attendance.intercept", -6, -1),
                CalibrationSpec.Parameter.of("dynamics.climate.distraction", 0, 2)), List.of(), 2, 200, s.seed(), 10);
        Calibration c = Calibration.of(wide, ScenarioLoader.load("default"));
        Identifiability a = Identifiability.at(c, c.start(), 1);
        assertEquals(4, a.evaluations());
        assertEquals(0.0, a.jacobian()[0][1]);
        assertEquals(0.0, a.jacobian()[1][1]);
        assertTrue(a.jacobian()[0][0] > 1, "a higher intercept raises dropout: " + a.jacobian()[0][0]);
        assertFalse(a.loose(0));
        assertTrue(a.loose(1));
    }

    /** The same targets with parameter bounds [min, max] for every path. */
    private static CalibrationSpec spec(double min, double max, String... paths) {
        CalibrationSpec s = spec(paths);
        return new CalibrationSpec(s.base(), s.targets(), java.util.Arrays.stream(paths)
                .map(p -> CalibrationSpec.Parameter.of(p, min, max)).toList(), s.anchors(), s.replications(),
                s.families(), s.seed(), s.maxEvaluations());
    }

    /**
     * The loose rule at its edge, by hand: singular values 10 and 1 (a diagonal Jacobian) put the second
     * exactly at 0.1 of the first, which is not below it: nothing is loose. Values 10 and 0.5 put it below:
     * the second parameter is loose. A Jacobian of zeros has no largest value to compare with: every
     * direction is loose, every parameter's share 1.
     */
    @Test
    void aDirectionIsLooseBelowATenthOfTheLargestAndAllAreWhenNothingMoves() {
        Identifiability edge = Identifiability.of(List.of("a", "b"), new double[2], new double[][] {{10, 0}, {0, 1}},
                spec("a", "b"), 4);
        assertArrayEquals(new double[] {10, 1}, edge.singularValues(), 0);
        assertEquals(0, edge.looseShare()[1], 0, "exactly a tenth is not below a tenth");
        Identifiability below = Identifiability.of(List.of("a", "b"), new double[2],
                new double[][] {{10, 0}, {0, 0.5}}, spec("a", "b"), 4);
        assertEquals(1, below.looseShare()[1], 1e-12);
        assertEquals(0, below.looseShare()[0], 1e-12);
        assertTrue(below.loose(1) && !below.loose(0));
        Identifiability none = Identifiability.of(List.of("a", "b"), new double[2], new double[2][2], spec("a", "b"), 4);
        assertArrayEquals(new double[] {1, 1}, none.looseShare(), 1e-12);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, none.conditionalSe());
    }

    /**
     * The conditional error is the bound range over 1.96 x the column's length: with bounds [1, 4] (range
     * 3, not max + min = 5) and a column (3, 4) of length 5, 3 / (1.96 x 5).
     */
    @Test
    void theConditionalErrorIsTheRangeOverTheColumnsLength() {
        Identifiability a = Identifiability.of(List.of("a"), new double[] {2}, new double[][] {{3}, {4}},
                spec(1, 4, "a"), 2);
        assertEquals(3 / (1.96 * 5), a.conditionalSe()[0], 1e-12);
    }

    /**
     * describe(k) lists the parameters loading more than 0.3 on direction k, signed, two decimals: the
     * collinear pair's loose direction is a - b (either sign, as an eigenvector's), and a third parameter
     * that loads 0 on it is left out.
     */
    @Test
    void describeNamesTheParametersOfADirectionWithTheirSigns() {
        Identifiability a = Identifiability.of(List.of("a", "b", "c"), new double[3],
                new double[][] {{1, 1, 0}, {2, 2, 0}, {0, 0, 3}}, spec("a", "b", "c"), 6);
        int loose = 2; // singular values: sqrt(10), 3, 0
        assertEquals(0, a.singularValues()[loose], 1e-7);
        String d = a.describe(loose);
        assertTrue(d.equals("+0.71 a -0.71 b") || d.equals("-0.71 a +0.71 b"), d);
        String c = a.describe(1);
        assertTrue(c.equals("+1.00 c") || c.equals("-1.00 c"), c);
    }
}
