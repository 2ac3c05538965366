package org.alliancesim.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    @Test
    void retentionHasARowPerObservedSessionWithItsCounts() {
        KaplanMeier km = new KaplanMeier();
        km.add(1, true);
        km.add(2, false);
        km.add(3, true);
        km.add(3, false);
        ChartTable t = ChartData.retention("referral", List.of(new Charts.Curve("voluntary", km)));
        assertEquals(List.of("referral", "session", "at_risk", "events", "censored", "survival", "se", "lower",
                "upper"), t.columns());
        assertEquals(3, t.rows().size());
        assertEquals(List.of("voluntary", 2L, 3L, 0L, 1L), t.rows().get(1).subList(0, 5));
        assertEquals(0.75, t.number(1, "survival"), 1e-12);
        assertEquals(0.375, t.number(2, "survival"), 1e-12);
        assertEquals(1, t.number(2, "censored"));
    }

    @Test
    void boxPlotOfKnownValues() {
        Histogram h = new Histogram(10, 10_000);
        for (int i = 1; i <= 100; i++) {
            h.add(i / 100.0);
        }
        h.add(9.0);
        BoxAndWhiskerItem b = ChartData.box(h);
        assertEquals(0.25, b.getQ1().doubleValue(), 0.015);
        assertEquals(0.5, b.getMedian().doubleValue(), 0.015);
        assertEquals(0.75, b.getQ3().doubleValue(), 0.015);
        assertEquals(1.0, b.getMaxRegularValue().doubleValue(), 0.002, "9.0 is beyond 1.5 IQR: not a whisker");
        assertEquals(9.0, b.getMaxOutlier().doubleValue());
    }
}
