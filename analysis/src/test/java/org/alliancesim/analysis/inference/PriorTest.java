package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PriorTest {

    @Test
    void densitiesAndMassesByHand() {
        Prior.Marginal u = Prior.Marginal.uniform(-6, -1);
        assertEquals(0.2, u.density(-3), 1e-15);
        assertEquals(0, u.density(-0.5), 0);
        // Normal(0, 1) restricted to [-1, 1]: P(0 < x < 1) = (Phi(1) - Phi(0)) / (Phi(1) - Phi(-1)) = 0.5.
        Prior.Marginal n = Prior.Marginal.normal(0, 1, -1, 1);
        assertEquals(0.5, n.probability(0, 1), 1e-12);
        // Its density at 0: phi(0) / 0.682689 = 0.398942 / 0.682689 = 0.584369.
        assertEquals(0.584369, n.density(0), 1e-6);
        Prior joint = Prior.of(List.of(u, n));
        assertEquals(0.2 * 0.584369, joint.density(new double[] {-3, 0}), 1e-6);
        assertEquals(0, joint.density(new double[] {-3, 2}), 0);
    }

    /** Half-normal: N(0, 1) restricted to [0, 5] has mean sqrt(2 / pi) = 0.79788 (the tail beyond 5 is 3e-7). */
    @Test
    void drawsFollowTheRestrictedDistribution() {
        Prior.Marginal half = Prior.Marginal.normal(0, 1, 0, 5);
        UniformRandomProvider rng = RandomStreams.of(20261207L).stream(0, 0, "prior-test");
        int n = 20_000;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Prior.of(List.of(half)).sample(rng)[0];
        }
        // Standard error sd / sqrt(n) = 0.6028 / 141.4 = 0.0043; 4 of them: 0.017.
        assertEquals(Math.sqrt(2 / Math.PI), s / n, 0.017);
    }

    /** The bounds belong to the support; a reversed interval has no probability. */
    @Test
    void theBoundsAreInsideAndAReversedIntervalIsEmpty() {
        Prior.Marginal u = Prior.Marginal.uniform(-6, -1);
        assertEquals(-6, u.lower(), 0);
        assertEquals(-1, u.upper(), 0);
        assertEquals(0.2, u.density(-6), 1e-15);
        assertEquals(0.2, u.density(-1), 1e-15);
        assertEquals(0, u.density(Math.nextDown(-6.0)), 0);
        assertEquals(0, u.density(Math.nextUp(-1.0)), 0);
        assertEquals(0, u.probability(-2, -4), 0);
        assertEquals(0.2, u.probability(-9, -5), 1e-15);
        assertEquals("uniform(-6.0, -1.0)", u.toString());
        assertEquals("normal(0.0, 1.0) on [-1.0, 1.0]", Prior.Marginal.normal(0, 1, -1, 1).toString());
    }

    /** A marginal with no probability on its bounds, and a prior without parameters, are refused. */
    @Test
    void aMarginalWithoutMassAndAnEmptyPriorAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Prior.Marginal.normal(0, 1, 50, 60));
        assertEquals("normal(0.0, 1.0) on [50.0, 60.0] puts no probability in [50.0, 60.0]", e.getMessage());
        assertEquals("a prior needs at least one parameter",
                assertThrows(IllegalArgumentException.class, () -> Prior.of(List.of())).getMessage());
    }

    /**
     * A targets file's priors, one of each kind, against R: for parameters on [0.5, 2], [0, 2],
     * [0, 2] (truncated to [0.2, 1.5]) and [-6, -1]:
     * dlnorm(1, 0, 1) / (plnorm(2, 0, 1) - plnorm(0.5, 0, 1)) = 0.77951481337597,
     * (plnorm(1.5, 0, 1) - plnorm(1, 0, 1)) / (plnorm(2, 0, 1) - plnorm(0.5, 0, 1)) = 0.307615197095949,
     * dnorm(0.5, 1, 0.5) / (pnorm(2, 1, 0.5) - pnorm(0, 1, 0.5)) = 0.507010563474623,
     * dnorm(0.5, 1, 0.5) / (pnorm(1.5, 1, 0.5) - pnorm(0.2, 1, 0.5)) = 0.615274611721626.
     */
    @Test
    void aTargetsFilesPriorsAgainstR() throws Exception {
        CalibrationSpec.Parameter lognormal = new CalibrationSpec.Parameter("a", 0.5, 2,
                new CalibrationSpec.Prior(CalibrationSpec.Distribution.LOGNORMAL, 0, 1, Double.NaN, Double.NaN));
        CalibrationSpec.Parameter normal = new CalibrationSpec.Parameter("b", 0, 2,
                new CalibrationSpec.Prior(CalibrationSpec.Distribution.NORMAL, 1, 0.5, Double.NaN, Double.NaN));
        CalibrationSpec.Parameter truncated = new CalibrationSpec.Parameter("c", 0, 2,
                new CalibrationSpec.Prior(CalibrationSpec.Distribution.TRUNCATED_NORMAL, 1, 0.5, 0.2, 1.5));
        CalibrationSpec.Parameter uniform = CalibrationSpec.Parameter.of("d", -6, -1);
        CalibrationSpec lit = org.alliancesim.analysis.calibration.Calibration.targets("literature");
        CalibrationSpec spec = new CalibrationSpec(lit.base(), lit.targets(), List.of(lognormal, normal, truncated, uniform),
                lit.anchors(), 1, 10, 1, 10);
        Prior prior = Prior.of(spec);
        assertEquals(4, prior.dimension());
        assertEquals(0.77951481337597, prior.marginal(0).density(1), 1e-12);
        assertEquals(0.307615197095949, prior.marginal(0).probability(1, 1.5), 1e-12);
        assertEquals(0.507010563474623, prior.marginal(1).density(0.5), 1e-12);
        assertEquals(0.615274611721626, prior.marginal(2).density(0.5), 1e-12);
        assertEquals(0.2, prior.marginal(2).lower(), 0);
        assertEquals(1.5, prior.marginal(2).upper(), 0);
        assertEquals(0.2, prior.marginal(3).density(-2), 1e-15);
        assertEquals(0.77951481337597 * 0.507010563474623 * 0.615274611721626 * 0.2,
                prior.density(new double[] {1, 0.5, 0.5, -2}), 1e-12);
    }
}
