package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class WholePointReliabilityTest {

    private static final WholePointReliability.Scale O = WholePointReliability.SOFTA_O;
    private static final WholePointReliability.Scale ITEM = WholePointReliability.SOFTA_S_ITEM;

    @Test
    void theNormalCdfAgreesWithCommonsStatistics() {
        NormalDistribution n = NormalDistribution.of(0, 1);
        for (double x = -12; x <= 12; x += 0.01) {
            assertEquals(n.cumulativeProbability(x), WholePointReliability.normalCdf(x), 2e-15, "x = " + x);
        }
    }

    /** Solve sigma for r, and the formula at that sigma gives r back; on both scales, up to .99. */
    @Test
    void theSolvedErrorSdGivesTheReliabilityBack() {
        for (Dimension d : Dimension.values()) {
            for (double r : new double[] {0.3, 0.5, 0.74, 0.8, 0.89, 0.95, 0.99}) {
                int[] o = ReferenceDistribution.counts(d, false);
                assertEquals(r, WholePointReliability.reliability(o, O, WholePointReliability.errorSd(o, O, r)), 1e-9,
                        d + " SOFTA-o " + r);
                int[] s = ReferenceDistribution.counts(d, true);
                assertEquals(r, WholePointReliability.reliability(s, ITEM, WholePointReliability.errorSd(s, ITEM, r)),
                        1e-9, d + " SOFTA-s item " + r);
            }
        }
    }

    @Test
    void perfectReliabilityIsNoErrorAndReliabilityFallsAsErrorGrows() {
        int[] c = ReferenceDistribution.counts(Dimension.SHARED_PURPOSE, false);
        assertEquals(0, WholePointReliability.errorSd(c, O, 1));
        assertEquals(1, WholePointReliability.reliability(c, O, 0));
        double previous = 1;
        for (double sigma = 0.001; sigma < 20; sigma *= 1.25) {
            double r = WholePointReliability.reliability(c, O, sigma);
            assertTrue(r < previous, "falls at sigma " + sigma + ": " + r + " after " + previous);
            previous = r;
        }
        assertThrows(IllegalArgumentException.class, () -> WholePointReliability.errorSd(c, O, 0));
        assertThrows(IllegalArgumentException.class, () -> WholePointReliability.errorSd(c, O, 1.01));
    }

    /**
     * Sheppard's correction (error variance V (1 - r) / r - 1/12) is what the exact formula
     * replaces: at shared purpose's reference variance (.51) it leaves no error for r = .95 (exact
     * reliability 1), and for engagement at r = .89 it gives .901.
     */
    @Test
    void sheppardsCorrectionOverstatesReliabilityWhenTheErrorIsSmall() {
        int[] sp = ReferenceDistribution.counts(Dimension.SHARED_PURPOSE, false);
        double sheppard = Math.sqrt(Math.max(0, 0.51 * 0.05 / 0.95 - 1 / 12.0));
        assertEquals(1, WholePointReliability.reliability(sp, O, sheppard));
        assertTrue(WholePointReliability.errorSd(sp, O, 0.95) > 0.04);
        int[] e = ReferenceDistribution.counts(Dimension.ENGAGEMENT, false);
        double engagement = Math.sqrt(0.94 * 0.11 / 0.89 - 1 / 12.0);
        assertTrue(WholePointReliability.reliability(e, O, engagement) > 0.9, "Sheppard overshoots .89");
    }

    /**
     * The formula against simulation: 400,000 pairs of ratings of latent values drawn from the
     * safety histogram (uniform within bins), seed 20261125. The sd of Pearson's r is about
     * (1 - r^2) / sqrt(n), .0007 at r = .74 and .0002 at r = .95; tolerance .004 (at least 5 sd).
     */
    @Test
    void simulatedRatersCorrelateAsTheFormulaSays() {
        UniformRandomProvider rng = RandomStreams.of(20261125L).stream(0, 0, "test-whole-point");
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] counts = ReferenceDistribution.counts(Dimension.SAFETY, false);
        long[] cumulative = new long[counts.length];
        long total = 0;
        for (int b = 0; b < counts.length; b++) {
            total += counts[b];
            cumulative[b] = total;
        }
        for (double target : new double[] {0.74, 0.95}) {
            double sigma = WholePointReliability.errorSd(counts, O, target);
            int n = 400_000;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                long u = rng.nextLong(total);
                int b = 0;
                while (cumulative[b] <= u) {
                    b++;
                }
                double t = ReferenceDistribution.LOWEST + (b + rng.nextDouble()) * ReferenceDistribution.WIDTH;
                double x = ObserverRatings.softaPoint(t + sigma * normal.sample());
                double y = ObserverRatings.softaPoint(t + sigma * normal.sample());
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
            }
            double r = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
            assertEquals(target, r, 0.004, "sigma " + sigma);
        }
    }
}
