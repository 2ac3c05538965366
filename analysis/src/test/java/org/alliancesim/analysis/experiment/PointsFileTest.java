package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * points.csv's layout: every index {@link PointsFile} gives names the column it says, in a sweep and
 * in an effect sweep (written out here). Fails if an index is off by one or a metric's block has the
 * wrong width.
 */
class PointsFileTest {

    @Test
    void aSweepsColumnsAndTheirIndices() {
        PointsFile p = new PointsFile(List.of("a.x", "b"), List.of("m1", "m2"), false);
        assertEquals("point,a.x,b,m1_mean,m1_sd,m1_ci95_low,m1_ci95_high,m1_n,m2_mean,m2_sd,m2_ci95_low,m2_ci95_high,"
                + "m2_n,error\n", p.header());
        assertEquals(1 + 2 + 5 * 2 + 1, p.fields());
        List<String> c = p.columns();
        assertEquals("b", c.get(p.parameterColumn(1)));
        assertEquals("m2_ci95_low", c.get(p.summaryColumn(1, 2)));
        assertEquals("error", c.get(p.errorColumn()));
        assertArrayEquals(new int[] {c.indexOf("m2_mean"), c.indexOf("m2_ci95_low"), c.indexOf("m2_ci95_high")},
                p.chartColumns(1));
        for (int j = 0; j < c.size(); j++) {
            assertEquals(c.get(j).endsWith("_n"), p.isCount(j), c.get(j));
        }
    }

    @Test
    void anEffectSweepsColumnsAndTheirIndices() {
        PointsFile p = new PointsFile(List.of("x"), List.of("m"), true);
        assertEquals("point,x,m_a_mean,m_b_mean,m_effect_mean,m_effect_ci95_low,m_effect_ci95_high,m_effect_p,m_n,"
                + "error\n", p.header());
        List<String> c = p.columns();
        assertArrayEquals(new int[] {4, 5, 6}, p.chartColumns(0));
        assertEquals("m_effect_mean", c.get(4));
        assertTrue(p.isCount(8));
        assertFalse(p.isCount(9), "error is no count");
    }
}
