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

    @Test
    void parameterLabelsReadAsTheDocumentedField() {
        assertEquals("repair skill (therapists[1])", ChartData.parameterLabel("therapists.1.repair_skill"));
        assertEquals("conflict (families[0])", ChartData.parameterLabel("families.0.conflict"));
        assertEquals("session limit (run)", ChartData.parameterLabel("run.session_limit"));
        assertEquals("engagement sd (dynamics.skills)", ChartData.parameterLabel("dynamics.skills.engagement_sd"));
        assertEquals("seed", ChartData.parameterLabel("seed"));
        assertEquals("dropout share", ChartData.metricLabel("dropout_share"));
    }

    /** The axis floor: the tenth at least 0.01 below the lowest band value (by hand: 0.505 - 0.01 -> 0.4). */
    @Test
    void retentionFloorIsTheTenthBelowTheLowestBand() {
        List<String> cols = ChartData.RETENTION_COLUMNS;
        ChartTable t = new ChartTable(cols, List.of(List.of(1L, 10L, 1L, 0L, 0.9, 0.01, 0.88, 0.92),
                List.of(2L, 9L, 4L, 0L, 0.52, 0.01, 0.505, 0.535)));
        assertEquals(0.4, ChartData.retentionFloor(t), 1e-12);
        ChartTable u = new ChartTable(cols, List.of(List.of(1L, 10L, 1L, 0L, 0.9, 0.01, 0.55, 0.92)));
        assertEquals(0.5, ChartData.retentionFloor(u), 1e-12);
    }

    /**
     * Outliers of a box from its histogram, by hand: values 0.10, 0.11, ..., 0.99 (90 values) and
     * 5.0 and 6.0 in bins of 0.01. Q1 and Q3 are about 0.33 and 0.78 (IQR 0.45), so the upper fence
     * is about 1.45: the two large values are outliers (bin centre 5.005; 6.0, the exact maximum,
     * clipped), none below.
     */
    @Test
    void improvementByEndListsTheValuesBeyondTheWhiskers() {
        org.alliancesim.analysis.stats.Histogram h = new org.alliancesim.analysis.stats.Histogram(20, 2_000);
        for (int i = 10; i <= 99; i++) {
            h.add(i / 100.0);
        }
        h.add(5.0);
        h.add(6.0);
        ChartTable t = ChartData.improvementByEnd(java.util.Map.of(org.alliancesim.model.EndReason.DROPOUT, h));
        assertEquals(0L, ((Number) t.rows().get(0).get(t.columns().indexOf("outliers_low"))).longValue());
        assertEquals(2L, ((Number) t.rows().get(0).get(t.columns().indexOf("outliers_high"))).longValue());
        assertEquals(List.of(5.005, 6.0), ChartData.outliers(t.text(0, "outliers")));
        assertEquals(1.0, t.number(0, "whisker_high"), 1e-9);
    }
}
