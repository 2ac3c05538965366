package org.alliancesim.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.junit.jupiter.api.Test;

class ChartDataTest {

    @Test
    void retentionStartsAtOneAndStepsAtEventTimes() {
        KaplanMeier km = new KaplanMeier();
        km.add(1, true);
        km.add(2, false);
        km.add(3, true);
        km.add(3, false);
        List<double[]> p = ChartData.retentionPoints(km);
        assertEquals(3, p.size());
        assertArrayEquals(new double[] {0, 1, 1, 1}, p.get(0));
        assertEquals(1, p.get(1)[0]);
        assertEquals(0.75, p.get(1)[1], 1e-12);
        assertEquals(3, p.get(2)[0]);
        assertEquals(0.375, p.get(2)[1], 1e-12);
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
