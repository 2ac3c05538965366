package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.SessionRecord;
import org.junit.jupiter.api.Test;

class ReferenceVarianceTest {

    /**
     * Re-measures the reference variances as documented: the default scenario, seed 20261125,
     * replications 0-19, the member-sessions of sessions 1 and 3 (shared purpose: family-sessions). Deterministic;
     * the constants are rounded to two decimals, so they must agree to .006. Fails when the model's
     * dynamics change the latent spread: then update the constants and docs/measurement.md.
     */
    @Test
    void theConstantsAreTheDefaultScenariosVariances() {
        double[][] sums = new double[4][3];
        CourseListener l = new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {}

            @Override
            public void sessionAttended(SessionRecord s) {
                if (s.session() != 1 && s.session() != 3) {
                    return;
                }
                for (MemberSession m : s.members()) {
                    add(sums[0], m.engagement());
                    add(sums[1], m.connection());
                    add(sums[2], m.safety());
                }
                add(sums[3], s.sharedPurpose());
            }
        };
        for (int r = 0; r < 20; r++) {
            Replication.run(ModelParameters.defaults(), RandomStreams.of(20261125L), r, l, true);
        }
        for (Dimension d : Dimension.values()) {
            double[] s = sums[d.ordinal()];
            double mean = s[1] / s[0];
            double variance = (s[2] - s[0] * mean * mean) / (s[0] - 1);
            assertEquals(ReferenceVariance.of(d), variance, 0.006, d.toString());
        }
    }

    @Test
    void errorVarianceLeavesRoomForRounding() {
        // V = 0.96, r = .89: 0.96 * .11 / .89 - 1/12 = 0.035318
        assertEquals(Math.sqrt(0.035318), ReferenceVariance.errorSd(0.96, 0.89), 1e-4);
        assertEquals(0, ReferenceVariance.errorSd(0.51, 0.95), "above the ceiling only rounding is left");
        assertEquals(0.51 / (0.51 + 1 / 12.0), ReferenceVariance.ceiling(0.51), 1e-12);
        assertEquals(0, ReferenceVariance.errorSd(1.05, 1.0));
    }

    private static void add(double[] s, double x) {
        s[0]++;
        s[1] += x;
        s[2] += x * x;
    }
}
