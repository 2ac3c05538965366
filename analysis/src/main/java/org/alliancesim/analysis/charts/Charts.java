package org.alliancesim.analysis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.model.EndReason;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a results folder, built with JFreeChart. Data preparation is in
 * {@link ChartData} (pure, tested); this class only draws. Colour-blind-safe Okabe-Ito palette,
 * large type for projection, axis labels and a legend on every chart.
 */
public final class Charts {

    /** Okabe and Ito (2008) colour-blind-safe palette, in the order series get them. */
    public static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), // blue
        new Color(0xD5, 0x5E, 0x00), // vermillion
        new Color(0x00, 0x9E, 0x73), // bluish green
        new Color(0xCC, 0x79, 0xA7), // reddish purple
        new Color(0xE6, 0x9F, 0x00), // orange
        new Color(0x56, 0xB4, 0xE9), // sky blue
        new Color(0x00, 0x00, 0x00), // black
    };

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private Charts() {}

    /** One retention curve, for the overlay: a label and its estimator. */
    public record Curve(String label, KaplanMeier km) {}

    /** Kaplan-Meier retention over sessions with Greenwood 95% bands, one curve per entry. */
    public static JFreeChart retention(String title, String subtitle, List<Curve> curves) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            YIntervalSeries s = new YIntervalSeries(c.label());
            for (double[] p : ChartData.retentionPoints(c.km())) {
                s.add(p[0], p[1], p[2], p[3]);
            }
            data.addSeries(s);
        }
        DeviationStepRenderer r = new DeviationStepRenderer();
        r.setAlpha(0.2f);
        style(r, curves.size());
        NumberAxis x = axis("sessions attended");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = axis("share still in treatment (not dropped out)");
        y.setRange(0, 1.02);
        return chart(title, subtitle, new XYPlot(data, x, y, r));
    }

    /** Mean series over sessions with 95% bands (alliance by role, split). */
    public static JFreeChart series(String title, String subtitle, String yLabel, List<Series> series,
            double[] yRange) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Series s : series) {
            YIntervalSeries ys = new YIntervalSeries(s.name());
            for (int i = 0; i < s.sessions().length; i++) {
                ys.add(s.sessions()[i], s.mean()[i], s.lower()[i], s.upper()[i]);
            }
            data.addSeries(ys);
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.2f);
        style(r, series.size());
        NumberAxis x = axis("session");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = axis(yLabel);
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        } else {
            y.setAutoRangeIncludesZero(true);
        }
        return chart(title, subtitle, new XYPlot(data, x, y, r));
    }

    /** Dropouts before each session, mean per replication. */
    public static JFreeChart dropoutTiming(String title, String subtitle, double[] perSession, int sessionLimit) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        // Session 1 is never missed by a dropout: a dropout has attended at least one session.
        for (int s = 2; s <= Math.min(sessionLimit, perSession.length - 1); s++) {
            data.addValue(perSession[s], "dropouts per replication", Integer.toString(s));
        }
        CategoryAxis x = new CategoryAxis("session the family did not come back for");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        NumberAxis y = axis("families dropping out (mean per replication)");
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, PALETTE[1]);
        r.setDrawBarOutline(false);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return chart(title, subtitle, plot);
    }

    /** Improvement by end reason, as box plots (median, quartiles, whiskers, mean). */
    public static JFreeChart improvementByEnd(String title, String subtitle, Map<EndReason, List<Double>> values) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (EndReason r : EndReason.values()) {
            List<Double> v = values.get(r);
            if (v != null && !v.isEmpty()) {
                data.add(v, "improvement", ChartData.label(r) + " (n=" + v.size() + ")");
            }
        }
        CategoryAxis x = new CategoryAxis("how the course ended");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        NumberAxis y = axis("improvement (1.0 = reliable change)");
        y.setAutoRangeIncludesZero(true);
        BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
        r.setSeriesPaint(0, PALETTE[5]);
        r.setSeriesOutlinePaint(0, Color.BLACK);
        r.setUseOutlinePaintForWhiskers(true);
        r.setMeanVisible(false);
        r.setMaxOutlierVisible(false);
        r.setMinOutlierVisible(false);
        r.setFillBox(true);
        r.setMaximumBarWidth(0.12);
        return chart(title, subtitle, new CategoryPlot(data, x, y, r));
    }

    /** Applies the house style to an XY plot with {@code n} line series (used by the story chart). */
    public static JFreeChart styled(String title, String subtitle, XYPlot plot, int n) {
        if (plot.getRenderer() instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r) {
            style(r, n);
            for (int i = 0; i < n; i++) {
                r.setSeriesShapesVisible(i, true);
            }
        }
        ((NumberAxis) plot.getDomainAxis()).setLabelFont(LABEL);
        ((NumberAxis) plot.getRangeAxis()).setLabelFont(LABEL);
        return chart(title, subtitle, plot);
    }

    private static void style(org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r, int n) {
        for (int i = 0; i < n; i++) {
            Color c = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShapesVisible(i, false);
        }
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        if (subtitle != null && !subtitle.isEmpty()) {
            c.addSubtitle(new TextTitle(subtitle, SUBTITLE));
        }
        c.getLegend().setItemFont(TICK);
        c.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            ((NumberAxis) xy.getDomainAxis()).setLabelFont(LABEL);
            xy.getDomainAxis().setLabelFont(LABEL);
            xy.getDomainAxis().setTickLabelFont(TICK);
            xy.getRangeAxis().setLabelFont(LABEL);
            xy.getRangeAxis().setTickLabelFont(TICK);
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            cp.getDomainAxis().setLabelFont(LABEL);
            cp.getDomainAxis().setTickLabelFont(TICK);
            cp.getRangeAxis().setLabelFont(LABEL);
            cp.getRangeAxis().setTickLabelFont(TICK);
        }
        return c;
    }
}
