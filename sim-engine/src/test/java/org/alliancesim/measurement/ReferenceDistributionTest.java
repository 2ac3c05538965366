package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.junit.jupiter.api.Test;

class ReferenceDistributionTest {

    /**
     * Re-measures the reference histograms as documented: the default scenario, seed 20261125,
     * replications 0-19, sessions 1 and 3; SOFTA-o over every member-session (shared purpose:
     * family-sessions), SOFTA-s over the member-sessions of members aged 12 and up. Deterministic, so
     * the counts must be equal. Fails when the model's dynamics change the latent distribution: then
     * update the counts and docs/measurement.md.
     */
    @Test
    void theCountsAreTheDefaultScenariosLatentValues() {
        int[][] rated = new int[4][ReferenceDistribution.BINS];
        int[][] respondents = new int[4][ReferenceDistribution.BINS];
        CourseListener l = new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {}

            @Override
            public void sessionAttended(SessionRecord s) {
                if (s.session() != 1 && s.session() != 3) {
                    return;
                }
                for (MemberSession m : s.members()) {
                    double[] x = {m.engagement(), m.connection(), m.safety(), s.sharedPurpose()};
                    for (Dimension d : Dimension.values()) {
                        if (d.perMember()) {
                            rated[d.ordinal()][ReferenceDistribution.bin(x[d.ordinal()])]++;
                        }
                        if (m.role() != Role.CHILD) {
                            respondents[d.ordinal()][ReferenceDistribution.bin(x[d.ordinal()])]++;
                        }
                    }
                }
                rated[Dimension.SHARED_PURPOSE.ordinal()][ReferenceDistribution.bin(s.sharedPurpose())]++;
            }
        };
        for (int r = 0; r < 20; r++) {
            Replication.run(ModelParameters.defaults(), RandomStreams.of(20261125L), r, l, true);
        }
        for (Dimension d : Dimension.values()) {
            assertArrayEquals(rated[d.ordinal()], ReferenceDistribution.counts(d, false), "SOFTA-o " + d);
            assertArrayEquals(respondents[d.ordinal()], ReferenceDistribution.counts(d, true), "SOFTA-s " + d);
        }
    }

    /** The summaries docs/measurement.md quotes. */
    @Test
    void meansAndVariancesAsDocumented() {
        double[][] documented = {{0.58, 0.94, 0.57, 1.02}, {0.37, 0.92, 0.37, 1.00}, {0.21, 0.96, 0.20, 1.04},
            {-0.10, 0.51, -0.08, 0.47}};
        for (Dimension d : Dimension.values()) {
            double[] doc = documented[d.ordinal()];
            assertEquals(doc[0], ReferenceDistribution.mean(d, false), 0.006, d + " SOFTA-o mean");
            assertEquals(doc[1], ReferenceDistribution.variance(d, false), 0.006, d + " SOFTA-o variance");
            assertEquals(doc[2], ReferenceDistribution.mean(d, true), 0.006, d + " SOFTA-s mean");
            assertEquals(doc[3], ReferenceDistribution.variance(d, true), 0.006, d + " SOFTA-s variance");
        }
    }
}
