package org.alliancesim.analysis.experiment;

import static org.alliancesim.analysis.experiment.Courses.course;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.model.EndReason;
import org.junit.jupiter.api.Test;

class ReplicationDataTest {

    /**
     * The calibration metric therapist_dropout_icc, the latent-scale therapist share of dropout, on the
     * 8 therapists of RandomInterceptLogisticTest (R: glmer, Laplace, sd_u 0.696987, so ICC 0.128664 by
     * var_u / (var_u + pi^2/3)); equal shares give the boundary 0; a single therapist leaves it undefined.
     */
    @Test
    void therapistDropoutIccIsTheLatentShareOfARandomInterceptModel() {
        int[][] counts = {{10, 1}, {12, 3}, {8, 2}, {15, 9}, {10, 5}, {9, 0}, {11, 4}, {14, 7}};
        assertEquals(0.128664, metric(counts), 2e-5);
        assertEquals(0.0, metric(new int[][] {{10, 3}, {10, 3}, {10, 3}, {10, 3}}));
        assertTrue(Double.isNaN(metric(new int[][] {{10, 3}})));
        assertTrue(Double.isNaN(metric(new int[][] {{10, 0}, {8, 0}})), "no dropout: nothing to fit");
    }

    private static double metric(int[][] counts) {
        ReplicationData d = new ReplicationData(0, 20, false);
        int f = 0;
        for (int t = 0; t < counts.length; t++) {
            for (int i = 0; i < counts[t][0]; i++) {
                d.courseEnded(course(f++, t, i < counts[t][1] ? EndReason.DROPOUT : EndReason.GOALS_MET, 4, 1, 0, 0));
            }
        }
        return d.metrics()[Metric.THERAPIST_DROPOUT_ICC.ordinal()];
    }
}
