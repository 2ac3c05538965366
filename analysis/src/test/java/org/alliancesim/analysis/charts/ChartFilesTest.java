package org.alliancesim.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class ChartFilesTest {

    private static JFreeChart chart() {
        ChartTable t = new ChartTable(List.of("variant", "rank", "patterns_met", "patterns"),
                List.of(List.of("a", 1, 3, 4), List.of("b", 2, 1, 4)));
        return Charts.patternsMet("Patterns met", "test", t);
    }

    /** The same chart drawn twice gives the same bytes: JFreeSVG's default id prefix is a clock reading. */
    @Test
    void theSameChartGivesTheSameBytes() throws Exception {
        ChartFiles.Rendered a = ChartFiles.render(chart(), "patterns-met");
        Thread.sleep(2);
        ChartFiles.Rendered b = ChartFiles.render(chart(), "patterns-met");
        assertEquals(a.svgDocument(), b.svgDocument());
        assertEquals(a.svgElement(), b.svgElement());
        assertArrayEquals(a.png(), b.png());
        assertTrue(a.svgElement().contains("_patterns-met_"), "ids carry the chart's id, so charts can share a page");
    }
}
