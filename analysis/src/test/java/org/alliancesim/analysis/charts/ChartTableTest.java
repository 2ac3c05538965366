package org.alliancesim.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.junit.jupiter.api.Test;

class ChartTableTest {

    @Test
    void writesTidyCsvWithExactNumbersCountsTextAndEmptyCells() {
        ChartTable t = new ChartTable(List.of("series", "session", "mean", "lower"),
                List.of(Arrays.asList("spread (max - min), all", 1L, 0.1 + 0.2, null),
                        Arrays.asList("gap", 2L, Double.NaN, -1.5)));
        assertEquals("series,session,mean,lower\n\"spread (max - min), all\",1,0.30000000000000004,\ngap,2,,-1.5\n",
                t.csv());
        assertEquals(List.of("spread (max - min), all", "gap"), t.groups("series"));
        assertEquals(2, t.number(1, "session"));
        assertTrue(Double.isNaN(t.number(0, "lower")));
        assertEquals("no column x in [series, session, mean, lower]",
                assertThrows(IllegalArgumentException.class, () -> t.number(0, "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChartTable(List.of("a"), List.of(List.of(1L, 2L))));
    }

    /** The retention chart is drawn from the table written beside it: the plotted points are its rows. */
    @Test
    void retentionIsDrawnFromItsTable() {
        KaplanMeier km = new KaplanMeier();
        for (double t : new double[] {1, 2, 2, 3, 5}) {
            km.add(t, t != 3);
        }
        ChartTable table = ChartData.retention(null, List.of(new Charts.Curve("all", km)));
        assertEquals(ChartData.RETENTION_COLUMNS, table.columns());
        var data = Charts.retention("r", "", table).getXYPlot().getDataset();
        assertEquals(table.rows().size() + 1, data.getItemCount(0), "(0, 1), then one point per row");
        for (int i = 0; i < table.rows().size(); i++) {
            assertEquals(table.number(i, "session"), data.getXValue(0, i + 1));
            assertEquals(table.number(i, "survival"), data.getYValue(0, i + 1));
        }
        assertEquals(1, table.number(2, "censored"), "session 3: censored only");
    }
}
