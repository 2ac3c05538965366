package org.alliancesim.analysis.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    /** The text drawn in a chart's SVG, in order: titles, axis labels, tick labels, legend. */
    private static List<String> texts(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        Matcher m = TEXT.matcher(ChartFiles.svgDocument(chart));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The chart's SVG document drawn with {@code locale} as the JVM default. Rotated text and the log axis's tick
     * labels are drawn as glyph outlines, so comparing whole documents covers them too.
     */
    private static String svgIn(Locale locale, Supplier<JFreeChart> chart) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return ChartFiles.svgDocument(chart.get());
        } finally {
            Locale.setDefault(before);
        }
    }

    private static JFreeChart allianceSeries() {
        Series s = new Series("parent", new int[] {1, 2, 3, 4}, new double[] {0.2, 0.45, 0.61, 0.83},
                new double[] {0.1, 0.3, 0.5, 0.7}, new double[] {0.3, 0.6, 0.72, 0.95});
        return Charts.series("Alliance by role", "test", "alliance", List.of(s), null);
    }

    private static JFreeChart retention() {
        KaplanMeier km = new KaplanMeier();
        for (int i = 1; i <= 12; i++) {
            km.add(i, i % 3 == 0);
        }
        return Charts.retention("Retention", "test", List.of(new Charts.Curve("all", km)));
    }

    private static JFreeChart trace() {
        return Charts.trace("Trace", "test", new double[] {2.5, 0.8, 0.05, 0.004}, new double[] {2.5, 0.8, 0.05, 0.004});
    }

    @Test
    void chartsAreTheSameInEveryLocale() {
        for (Supplier<JFreeChart> chart : List.<Supplier<JFreeChart>>of(ChartsTest::allianceSeries,
                ChartsTest::retention, ChartsTest::trace)) {
            String root = svgIn(Locale.ROOT, chart);
            assertEquals(root, svgIn(Locale.GERMANY, chart), "decimal comma");
            assertEquals(root, svgIn(Locale.forLanguageTag("ar-EG"), chart), "Arabic-Indic digits");
        }
        for (JFreeChart chart : List.of(allianceSeries(), retention())) {
            List<String> texts = texts(chart);
            assertTrue(texts.stream().anyMatch(t -> t.matches("\\d+\\.\\d+")), "decimal tick labels: " + texts);
        }
    }

    @Test
    void seriesLegendShowsAFileValueWithSpaces() {
        Series s = new Series("other_adult", new int[] {1, 2}, new double[] {0.2, 0.4}, new double[] {0.1, 0.3},
                new double[] {0.3, 0.5});
        List<String> texts = texts(Charts.series("Alliance by role", "test", "alliance", List.of(s), null));
        assertTrue(texts.contains("other adult"), texts.toString());
        assertFalse(texts.contains("other_adult"), texts.toString());
    }

    /** The power curve: one line per effect over families, its band from lower to upper, the 0.8 line. */
    @Test
    void powerCurveHasALinePerEffectOverFamilies() {
        ChartTable t = new ChartTable(List.of("effect", "families", "power", "lower", "upper"), List.of(
                List.of("d_dropout", 40L, 0.4, 0.3, 0.5), List.of("d_dropout", 80L, 0.7, 0.6, 0.8),
                List.of("or_dropout", 40L, 0.3, 0.2, 0.4), List.of("or_dropout", 80L, 0.6, 0.5, 0.7)));
        JFreeChart c = Charts.power("Power", "test", t);
        org.jfree.data.xy.YIntervalSeriesCollection data =
                (org.jfree.data.xy.YIntervalSeriesCollection) c.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("d dropout", data.getSeriesKey(0));
        assertEquals(80, data.getXValue(0, 1));
        assertEquals(0.6, data.getStartYValue(0, 1));
        assertEquals(0.8, data.getEndYValue(0, 1));
        assertEquals(0.8, ((org.jfree.chart.plot.ValueMarker) c.getXYPlot().getRangeMarkers(
                org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue());
        assertEquals("families in the sample", c.getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void tickLabelsShowTheDecimalsTheTickSizeNeeds() {
        assertEquals(0, TickFormat.decimals(5));
        assertEquals(0, TickFormat.decimals(1));
        assertEquals(1, TickFormat.decimals(0.5));
        assertEquals(1, TickFormat.decimals(0.1));
        assertEquals(2, TickFormat.decimals(0.05));
        assertEquals(3, TickFormat.decimals(0.002));
        List<String> ticks = texts(allianceSeries()).stream().filter(t -> t.matches("-?\\d+(\\.\\d+)?")).toList();
        // Every tick label of one axis has the same number of decimals (0.0, 0.2, ... not 0, 0.2).
        assertTrue(ticks.contains("0.0") || ticks.contains("0.00"), ticks.toString());
        assertFalse(ticks.contains("-0.0") || ticks.contains("-0"), ticks.toString());
    }

    /** Draws {@code chart} at {@code width} x {@code height}, as a PNG is drawn, so that axes choose their ticks. */
    private static JFreeChart drawn(JFreeChart chart, int width, int height) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = img.createGraphics();
        chart.draw(g2, new java.awt.Rectangle(0, 0, width, height));
        g2.dispose();
        return chart;
    }

    private static ChartTable retentionTo20() {
        KaplanMeier km = new KaplanMeier();
        for (int i = 1; i <= 20; i++) {
            km.add(i, i % 2 == 0);
        }
        return ChartData.retention(null, List.of(new Charts.Curve("all", km)));
    }

    /**
     * Retention at the PNG's size: the y-axis (0 to 1, about 460 pixels) gets ticks 0.1 apart, not
     * JFreeChart's 0.05 (21 ticks); drawn twice as tall it gets 0.05 again (density follows length);
     * the x-axis ends at the last session (20), not 21; the axis says completions are censored.
     */
    @Test
    void retentionTicksFollowTheAxisLengthAndTheAxisEndsAtTheData() {
        JFreeChart c = drawn(Charts.retention("Retention", "test", retentionTo20()), ChartFiles.WIDTH,
                ChartFiles.HEIGHT);
        org.jfree.chart.axis.NumberAxis y = (org.jfree.chart.axis.NumberAxis) c.getXYPlot().getRangeAxis();
        org.jfree.chart.axis.NumberAxis x = (org.jfree.chart.axis.NumberAxis) c.getXYPlot().getDomainAxis();
        assertEquals(0.1, y.getTickUnit().getSize(), 1e-12);
        assertEquals(20, x.getUpperBound(), 1e-12);
        assertEquals(0, x.getLowerBound(), 1e-12);
        assertTrue(y.getLabel().contains("completions censored"), y.getLabel());
        JFreeChart tall = drawn(Charts.retention("Retention", "test", retentionTo20()), ChartFiles.WIDTH, 1400);
        assertEquals(0.05, ((org.jfree.chart.axis.NumberAxis) tall.getXYPlot().getRangeAxis()).getTickUnit().getSize(),
                1e-12);
    }

    /** The smallest standard unit whose ticks are far enough apart, worked out by hand. */
    @Test
    void widenPicksTheSmallestStandardUnitFarEnoughApart() {
        org.jfree.chart.axis.TickUnitSource units = org.jfree.chart.axis.NumberAxis.createStandardTickUnits();
        // 1.02 over 460 px: 0.05 is 22.5 px, 0.1 is 45 px >= 40.
        assertEquals(0.1, SpacedNumberAxis.widen(0.05, units, 1.02, 460, 40), 1e-12);
        // Already far enough apart: unchanged.
        assertEquals(0.5, SpacedNumberAxis.widen(0.5, units, 1.02, 460, 40), 1e-12);
        // 20 sessions over 900 px with whole-number units: 1 is 45 px, 2 is 90 px >= 55.
        assertEquals(2, SpacedNumberAxis.widen(1, org.jfree.chart.axis.NumberAxis.createIntegerTickUnits(), 20, 900,
                55), 1e-12);
    }

    /** Compare's retention: the axis starts below the lowest band, so the bands are not squeezed into 0 to 1. */
    @Test
    void retentionDetailStartsTheAxisBelowTheLowestBand() {
        ChartTable t = new ChartTable(List.of("scenario", "session", "at_risk", "events", "censored", "survival", "se",
                "lower", "upper"), List.of(List.of("A", 1L, 1000L, 200L, 0L, 0.8, 0.0126, 0.775, 0.825),
                List.of("B", 1L, 1000L, 300L, 0L, 0.7, 0.0145, 0.672, 0.728)));
        JFreeChart c = Charts.retentionDetail("Retention", "test", t);
        assertEquals(0.6, c.getXYPlot().getRangeAxis().getLowerBound(), 1e-12);
        assertEquals(0, Charts.retention("Retention", "test", t).getXYPlot().getRangeAxis().getLowerBound());
    }

    /**
     * The heat map: axes labelled with the grid values as written and the parameter's label, one
     * written value per cell of a 5 x 4 grid (3 decimals), none on a grid of 13 columns.
     */
    @Test
    void heatMapWritesCellValuesWhereTheyFitAndLabelsTheGridValues() {
        List<double[]> cells = new ArrayList<>();
        for (double x : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
            for (double y : new double[] {0.2, 0.4, 0.6, 0.8}) {
                cells.add(new double[] {x, y, x + y / 10});
            }
        }
        ChartTable t = ChartData.heatMap("therapists.1.repair_skill", "families.0.conflict", "dropout_share", cells);
        JFreeChart c = Charts.heatMap("Heat map", "test", ChartData.parameterLabel("therapists.1.repair_skill"),
                ChartData.parameterLabel("families.0.conflict"), "dropout share", t);
        List<String> texts = texts(c);
        assertTrue(texts.contains("repair skill (therapists[1])"), texts.toString());
        assertTrue(texts.containsAll(List.of("0.1", "0.3", "0.9", "0.2", "0.8")), texts.toString());
        assertTrue(texts.contains("0.980"), "the cell (0.9, 0.8): " + texts);
        assertEquals(20, c.getXYPlot().getAnnotations().size());
        List<double[]> wide = new ArrayList<>();
        for (int k = 0; k < 13; k++) {
            wide.add(new double[] {k, 0, k});
        }
        JFreeChart w = Charts.heatMap("Heat map", "test", "x", "y", "z", ChartData.heatMap("a", "b", "m", wide));
        assertEquals(0, w.getXYPlot().getAnnotations().size());
    }

    /** The box plot draws a circle at each value the table lists beyond the whiskers, and none for a box without. */
    @Test
    void boxPlotDrawsTheTablesOutliers() {
        ChartTable t = new ChartTable(List.of("end_reason", "n", "mean", "q1", "median", "q3", "whisker_low",
                "whisker_high", "min", "max", "outliers_low", "outliers_high", "outliers"), List.of(
                List.of("dropout", 10L, 0.3, 0.1, 0.2, 0.4, 0.0, 0.8, 0.0, 2.0, 0L, 3L, "1.005 1.5 2.0"),
                List.of("goals_met", 10L, 1.0, 0.8, 1.0, 1.2, 0.5, 1.5, 0.5, 1.5, 0L, 0L, "")));
        JFreeChart c = Charts.improvementByEnd("Improvement", "test", t);
        org.jfree.data.statistics.MultiValueCategoryDataset dots =
                (org.jfree.data.statistics.MultiValueCategoryDataset) c.getCategoryPlot().getDataset(1);
        assertEquals(List.of(1.005, 1.5, 2.0), dots.getValues(0, 0));
        assertEquals(List.of(), dots.getValues(0, 1));
    }
}
