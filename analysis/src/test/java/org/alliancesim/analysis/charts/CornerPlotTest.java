package org.alliancesim.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CornerPlotTest {

    @Test
    void binsHoldTheWeightedMassByHand() {
        // a on [0, 20] (bins of 1 on the diagonal, of 20/15 in pairs), b on [0, 1].
        double[][] particles = {{0.5, 0.0}, {0.7, 0.99}, {19.9, 1.0}};
        double[] weights = {1, 1, 2};
        ChartTable t = CornerPlot.table(List.of("a", "b"), new double[] {0, 0}, new double[] {20, 1}, particles,
                weights, null);
        // Diagonal a: bin 0 holds 0.5, bin 19 holds 0.5 (the upper bound falls in the last bin).
        assertEquals(0.5, t.number(0, "weight"), 1e-15);
        assertEquals(0.5, t.number(19, "weight"), 1e-15);
        assertEquals(0, t.number(1, "weight"), 0);
        assertEquals(1.0, t.number(1, "x_low"), 1e-15);
        // Pair (b, a): non-empty cells (a bin 0, b bin 0) 0.25, (a bin 0, b bin 14) 0.25, (a bin 14, b bin 14) 0.5.
        List<List<Object>> pair = t.rows().subList(40, t.rows().size());
        assertEquals(3, pair.size());
        assertEquals(0.25, (Double) pair.get(0).get(6), 1e-15);
        assertEquals(0.25, (Double) pair.get(1).get(6), 1e-15);
        assertEquals(0.5, (Double) pair.get(2).get(6), 1e-15);
        assertEquals("b", pair.get(0).get(0));
        assertEquals("a", pair.get(0).get(1));
        assertTrue(Double.isNaN(t.number(0, "prior_weight")));
    }

    @Test
    void shortNamesKeepTheLastTwoSegments() {
        assertEquals("attendance.alliance", CornerPlot.shortName("rules.attendance.alliance"));
        assertEquals("x", CornerPlot.shortName("x"));
    }
}
