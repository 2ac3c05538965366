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
}
