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
}
