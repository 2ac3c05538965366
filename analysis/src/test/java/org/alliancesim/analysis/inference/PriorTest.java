package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
