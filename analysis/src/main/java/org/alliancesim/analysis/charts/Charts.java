package org.alliancesim.analysis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.analysis.stats.KaplanMeier;
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
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts of a results folder, built with JFreeChart. Data preparation is in
 * {@link ChartData} (pure, tested); this class only draws. Colour-blind-safe Okabe-Ito palette,
 * large type for projection, axis labels and a legend on every chart. Numbers on axes are
 * written in {@link java.util.Locale#ROOT} ({@link TickFormat}), so a chart is the same on every
 * machine.
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
        return retention(title, subtitle, ChartData.retention("curve", curves));
    }

    /**
     * Retention drawn from its table ({@link ChartData#retention}): one step curve per value of the
     * group column (the first column when it is not {@code session}), starting at (0, 1); rows of
     * series {@code published} are left out (see {@link #retentionWithAnchors}).
     */
    public static JFreeChart retention(String title, String subtitle, ChartTable table) {
        return retention(title, subtitle, table, false);
    }

    /**
     * Retention as {@link #retention(String, String, ChartTable)} for comparing curves: the y-axis
     * starts at the tenth below the lowest band value (not at 0), so that bands a few thousandths
     * wide, as Greenwood's are over thousands of families, show beside each other; the curves are
     * drawn thinner and the bands darker.
     */
    public static JFreeChart retentionDetail(String title, String subtitle, ChartTable table) {
        return retention(title, subtitle, table, true);
    }

    /** The y-axis label of every retention chart: what S(k) is, and what is censored. */
    static final String RETENTION_AXIS = "share not dropped out (Kaplan-Meier; completions censored)";

    private static JFreeChart retention(String title, String subtitle, ChartTable table, boolean detail) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        String group = table.columns().get(0).equals("session") ? null : table.columns().get(0);
        List<String> names = group == null ? List.of("all families") : table.groups(group);
        for (String name : names) {
            if (name.equals("published")) {
                continue;
            }
            YIntervalSeries s = new YIntervalSeries(name);
            s.add(0, 1, 1, 1);
            for (int i = 0; i < table.rows().size(); i++) {
                if (group == null || table.text(i, group).equals(name)) {
                    s.add(table.number(i, "session"), table.number(i, "survival"), table.number(i, "lower"),
                            table.number(i, "upper"));
                }
            }
            data.addSeries(s);
        }
        DeviationStepRenderer r = new DeviationStepRenderer();
        r.setAlpha(detail ? 0.35f : 0.2f);
        style(r, data.getSeriesCount());
        if (detail) {
            for (int i = 0; i < data.getSeriesCount(); i++) {
                r.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
        }
        NumberAxis x = sessionAxis("sessions attended");
        NumberAxis y = axis(RETENTION_AXIS);
        y.setRange(detail ? ChartData.retentionFloor(table) : 0, 1.02);
        return chart(title, subtitle, new XYPlot(data, x, y, r));
    }

    /**
     * The model's retention curve (Kaplan-Meier, Greenwood band) beside published ranges: each
     * anchor {session, min, max} is drawn as an interval.
     */
    public static JFreeChart retentionWithAnchors(String title, String subtitle, ChartTable table) {
        JFreeChart c = retention(title, subtitle, table);
        XYPlot plot = c.getXYPlot();
        YIntervalSeriesCollection published = new YIntervalSeriesCollection();
        YIntervalSeries s = new YIntervalSeries("published range");
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.text(i, "series").equals("published")) {
                double lo = table.number(i, "lower");
                double hi = table.number(i, "upper");
                // S(k) is the level on [k, k + 1): draw the range in the middle of that step.
                s.add(table.number(i, "session") + 0.5, (lo + hi) / 2, lo, hi);
            }
        }
        published.addSeries(s);
        org.jfree.chart.renderer.xy.YIntervalRenderer r = new org.jfree.chart.renderer.xy.YIntervalRenderer();
        r.setSeriesPaint(0, PALETTE[1]);
        r.setSeriesStroke(0, new BasicStroke(4f));
        r.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-8, -2, 16, 4));
        plot.setDataset(1, published);
        plot.setRenderer(1, r);
        return c;
    }

    /** The optimiser's trace: the objective at each evaluation and the best so far (log scale). */
    public static JFreeChart trace(String title, String subtitle, double[] distance, double[] best) {
        return trace(title, subtitle, ChartData.trace(distance, best));
    }

    /** The trace drawn from its table ({@link ChartData#trace}); values clipped to [1e-4, 1e4] for the log axis. */
    public static JFreeChart trace(String title, String subtitle, ChartTable table) {
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection();
        org.jfree.data.xy.XYSeries each = new org.jfree.data.xy.XYSeries("distance at each evaluation");
        org.jfree.data.xy.XYSeries run = new org.jfree.data.xy.XYSeries("best so far");
        for (int i = 0; i < table.rows().size(); i++) {
            double x = table.number(i, "evaluation");
            each.add(x, Math.max(1e-4, Math.min(table.number(i, "distance"), 1e4)));
            run.add(x, Math.max(1e-4, Math.min(table.number(i, "best"), 1e4)));
        }
        data.addSeries(each);
        data.addSeries(run);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        style(r, 2);
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setSeriesShapesVisible(0, true);
        NumberAxis x = axis("evaluation");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        org.jfree.chart.axis.LogAxis y = new org.jfree.chart.axis.LogAxis("distance to the targets (log scale)");
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        y.setSmallestValue(1e-4);
        y.setNumberFormatOverride(TickFormat.pattern("0.####"));
        return chart(title, subtitle, new XYPlot(data, x, y, r));
    }

    /** A sweep metric against one parameter: each point's mean with its 95% interval. */
    public static JFreeChart scatter(String title, String subtitle, String xLabel, String yLabel, ChartTable points) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        YIntervalSeries s = new YIntervalSeries("point mean with 95% CI");
        for (int i = 0; i < points.rows().size(); i++) {
            double mean = points.number(i, "mean");
            double lo = points.number(i, "ci95_low");
            double hi = points.number(i, "ci95_high");
            if (!Double.isNaN(mean)) {
                s.add(points.number(i, "value"), mean, Double.isNaN(lo) ? mean : lo, Double.isNaN(hi) ? mean : hi);
            }
        }
        data.addSeries(s);
        // A dot at each point's mean, a light bar for its interval.
        org.jfree.chart.renderer.xy.XYErrorRenderer r = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        r.setSeriesPaint(0, PALETTE[0]);
        r.setErrorPaint(new Color(0x56, 0xB4, 0xE9));
        r.setErrorStroke(new BasicStroke(2f));
        r.setCapLength(8);
        NumberAxis x = axis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = axis(yLabel);
        y.setAutoRangeIncludesZero(false);
        return chart(title, subtitle, new XYPlot(data, x, y, r));
    }

    /**
     * An effect sweep's effect B - A against one parameter (rows as {@link ChartData#scatter}): with
     * one point per value, a line through the effects with their 95% intervals as a band; with
     * several points per value (other parameters vary too), each point's effect and interval as a
     * dot and a bar. A line at 0 marks no effect.
     */
    public static JFreeChart effect(String title, String subtitle, String xLabel, String yLabel, ChartTable points) {
        java.util.Set<Double> xs = new java.util.HashSet<>();
        boolean unique = true;
        for (int i = 0; i < points.rows().size(); i++) {
            unique &= xs.add(points.number(i, "value"));
        }
        JFreeChart c = scatter(title, subtitle, xLabel, yLabel, points);
        XYPlot plot = c.getXYPlot();
        ((YIntervalSeriesCollection) plot.getDataset()).getSeries(0).setKey("effect B - A with 95% CI");
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        if (unique) {
            // One point per value: a line through the effects, their intervals as a band.
            DeviationRenderer r = new DeviationRenderer(true, true);
            r.setAlpha(0.25f);
            style(r, 1);
            r.setSeriesShapesVisible(0, true);
            plot.setRenderer(r);
        }
        org.jfree.chart.plot.ValueMarker zero = new org.jfree.chart.plot.ValueMarker(0, Color.DARK_GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        c.getXYPlot().addRangeMarker(zero);
        return c;
    }

    /** Grids up to this many columns and rows get each cell's value written in it. */
    static final int CELL_VALUES_MAX_COLUMNS = 12;
    static final int CELL_VALUES_MAX_ROWS = 16;

    /**
     * A heat map of a metric over a two-parameter grid ({x, y, mean} cells): one block per grid
     * value, the axes labelled with the grid's own values, the colour scale at the right, and each
     * cell's value written in it (3 decimals, white on dark cells) when the grid has at most
     * {@value #CELL_VALUES_MAX_COLUMNS} columns and {@value #CELL_VALUES_MAX_ROWS} rows.
     */
    public static JFreeChart heatMap(String title, String subtitle, String xLabel, String yLabel, String zLabel,
            ChartTable table) {
        java.util.TreeSet<Double> xset = new java.util.TreeSet<>();
        java.util.TreeSet<Double> yset = new java.util.TreeSet<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < table.rows().size(); i++) {
            xset.add(table.number(i, "x"));
            yset.add(table.number(i, "y"));
            double v = table.number(i, "mean");
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        List<Double> xs = List.copyOf(xset);
        List<Double> ys = List.copyOf(yset);
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double top = hi > lo ? hi : lo + 1;
        // Cells sit at the grid values' positions 0, 1, 2, ... so that unevenly spaced values get
        // blocks of one size; the axes show the values themselves (SymbolAxis).
        double[][] series = new double[3][table.rows().size()];
        List<org.jfree.chart.annotations.XYTextAnnotation> values = new java.util.ArrayList<>();
        boolean writeValues = xs.size() <= CELL_VALUES_MAX_COLUMNS && ys.size() <= CELL_VALUES_MAX_ROWS;
        for (int i = 0; i < table.rows().size(); i++) {
            double v = table.number(i, "mean");
            series[0][i] = xs.indexOf(table.number(i, "x"));
            series[1][i] = ys.indexOf(table.number(i, "y"));
            series[2][i] = v;
            if (writeValues && !Double.isNaN(v)) {
                org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(
                        String.format(java.util.Locale.ROOT, "%.3f", v), series[0][i], series[1][i]);
                a.setFont(TICK);
                a.setPaint((v - lo) / (top - lo) > 0.5 ? Color.WHITE : Color.BLACK);
                values.add(a);
            }
        }
        org.jfree.data.xy.DefaultXYZDataset data = new org.jfree.data.xy.DefaultXYZDataset();
        data.addSeries(zLabel, series);
        org.jfree.chart.renderer.xy.XYBlockRenderer r = new org.jfree.chart.renderer.xy.XYBlockRenderer();
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        // Sequential blue scale: light (low) to dark (high); readable in grey too.
        org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(lo, top,
                new Color(0xF7, 0xFB, 0xFF));
        for (int k = 0; k <= 8; k++) {
            double t = k / 8.0;
            scale.add(lo + t * (top - lo), new Color((int) (247 - t * 239), (int) (251 - t * 203),
                    (int) (255 - t * 148)));
        }
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, gridAxis(xLabel, xs), gridAxis(yLabel, ys), r);
        values.forEach(plot::addAnnotation);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart c = chart(title, subtitle, plot);
        c.removeLegend();
        org.jfree.chart.title.PaintScaleLegend legend = new org.jfree.chart.title.PaintScaleLegend(scale, axis(zLabel));
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        c.addSubtitle(legend);
        return c;
    }

    /** An axis of a grid's values at positions 0, 1, 2, ..., each labelled with its value as written. */
    private static org.jfree.chart.axis.SymbolAxis gridAxis(String label, List<Double> values) {
        String[] names = values.stream().map(org.alliancesim.analysis.experiment.Csv::exact).toArray(String[]::new);
        org.jfree.chart.axis.SymbolAxis a = new org.jfree.chart.axis.SymbolAxis(label, names);
        a.setGridBandsVisible(false);
        a.setRange(-0.5, values.size() - 0.5);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    /** First-order and total Sobol indices per parameter with their 95% intervals. */
    public static JFreeChart sobol(String title, String subtitle, ChartTable table) {
        org.jfree.data.statistics.DefaultStatisticalCategoryDataset data =
                new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
        for (int i = 0; i < table.rows().size(); i++) {
            String label = ChartData.parameterLabel(table.text(i, "parameter"));
            data.add(table.number(i, "estimate"), (table.number(i, "ci95_high") - table.number(i, "ci95_low")) / 2,
                    table.text(i, "index").replace('_', ' '), label);
        }
        org.jfree.chart.renderer.category.StatisticalBarRenderer r = new org.jfree.chart.renderer.category.StatisticalBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setSeriesPaint(1, PALETTE[1]);
        r.setErrorIndicatorPaint(Color.BLACK);
        CategoryAxis x = new CategoryAxis("parameter");
        x.setMaximumCategoryLabelLines(2);
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        NumberAxis y = axis("Sobol index (share of variance)");
        return chart(title, subtitle, new CategoryPlot(data, x, y, r));
    }

    /** Mean series over sessions with 95% bands (alliance by role, split). */
    public static JFreeChart series(String title, String subtitle, String yLabel, List<Series> series,
            double[] yRange) {
        return series(title, subtitle, yLabel, ChartData.series("series", series), yRange);
    }

    /**
     * Series drawn from their table ({@link ChartData#series}): one line and band per value of the first
     * column; the legend shows a file value's underscores as spaces ({@code other_adult} as "other adult").
     */
    public static JFreeChart series(String title, String subtitle, String yLabel, ChartTable table, double[] yRange) {
        return bands(title, subtitle, table, new String[] {"session", "mean"}, "session", yLabel, yRange, false, 0.2f);
    }

    /**
     * A power curve drawn from its table (columns effect, families, power, lower, upper; power.csv's
     * rows): one line with markers per effect, its Clopper-Pearson band lightly shaded (many effects
     * overlap), a dashed line at 0.8.
     */
    public static JFreeChart power(String title, String subtitle, ChartTable table) {
        return power(title, subtitle, table, "power (share of samples that detect the effect)");
    }

    /** {@link #power(String, String, ChartTable)} with another label of the share on the y axis. */
    public static JFreeChart power(String title, String subtitle, ChartTable table, String yLabel) {
        JFreeChart c = bands(title, subtitle, table, new String[] {"families", "power"}, "families in the sample",
                yLabel, new double[] {0, 1.02}, true, 0.1f);
        org.jfree.chart.plot.ValueMarker target = new org.jfree.chart.plot.ValueMarker(0.8, Color.GRAY,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 6f}, 0f));
        c.getXYPlot().addRangeMarker(target);
        return c;
    }

    /**
     * Lines with 95% bands, one per value of the table's first column; {@code xy} names the x and y
     * columns (the band is the lower and upper columns).
     */
    private static JFreeChart bands(String title, String subtitle, ChartTable table, String[] xy, String xLabel,
            String yLabel, double[] yRange, boolean shapes, float bandAlpha) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        String group = table.columns().get(0);
        for (String name : table.groups(group)) {
            YIntervalSeries ys = new YIntervalSeries(name.replace('_', ' '));
            for (int i = 0; i < table.rows().size(); i++) {
                if (table.text(i, group).equals(name)) {
                    ys.add(table.number(i, xy[0]), table.number(i, xy[1]), table.number(i, "lower"),
                            table.number(i, "upper"));
                }
            }
            data.addSeries(ys);
        }
        DeviationRenderer r = new DeviationRenderer(true, shapes);
        r.setAlpha(bandAlpha);
        style(r, data.getSeriesCount());
        for (int i = 0; shapes && i < data.getSeriesCount(); i++) {
            r.setSeriesShapesVisible(i, true);
        }
        NumberAxis x = sessionAxis(xLabel);
        NumberAxis y = axis(yLabel);
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        } else {
            y.setAutoRangeIncludesZero(true);
        }
        return chart(title, subtitle, new XYPlot(data, x, y, r));
    }

    /** Dropouts before each session, mean per replication. */
    public static JFreeChart dropoutTiming(String title, String subtitle, ChartTable table) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < table.rows().size(); i++) {
            data.addValue(table.number(i, "dropouts_per_replication"), "dropouts per replication",
                    Long.toString((long) table.number(i, "session")));
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

    /**
     * Validation patterns met per variant of {@code compete}, in rank order: one bar per variant (the
     * table's {@code variant} and {@code patterns_met} columns), the axis up to the patterns scored.
     */
    public static JFreeChart patternsMet(String title, String subtitle, ChartTable table) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double most = 1;
        for (int i = 0; i < table.rows().size(); i++) {
            data.addValue(table.number(i, "patterns_met"), "validation patterns met", table.text(i, "variant"));
            most = Math.max(most, table.number(i, "patterns"));
        }
        CategoryAxis x = new CategoryAxis("variant (best first)");
        x.setMaximumCategoryLabelLines(2);
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        NumberAxis y = axis("validation patterns in range");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(0, most);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, PALETTE[2]);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.15);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return chart(title, subtitle, plot);
    }

    /**
     * Improvement by end reason, as box plots: box = quartiles, line = median, whiskers = the
     * furthest values within 1.5 IQR of the box, circles = the values beyond the whiskers (computed
     * from streaming histograms, to within a bin: one small open circle per distinct binned value).
     */
    public static JFreeChart improvementByEnd(String title, String subtitle, ChartTable table) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (int i = 0; i < table.rows().size(); i++) {
            BoxAndWhiskerItem box = new BoxAndWhiskerItem(table.number(i, "mean"), table.number(i, "median"),
                    table.number(i, "q1"), table.number(i, "q3"), table.number(i, "whisker_low"),
                    table.number(i, "whisker_high"), table.number(i, "min"), table.number(i, "max"),
                    List.of());
            data.add(box, "improvement", table.text(i, "end_reason").replace('_', ' ') + " (n="
                    + (long) table.number(i, "n") + ")");
        }
        CategoryAxis x = new CategoryAxis("how the course ended");
        x.setLabelFont(LABEL);
        x.setTickLabelFont(TICK);
        NumberAxis y = axis("improvement (1.0 = reliable change)");
        y.setAutoRangeIncludesZero(true);
        // The outliers: small open circles, one per listed value, drawn over the boxes by a scatter
        // renderer (the box renderer's own outlier circles are a third of the box wide and merge
        // neighbours into pairs, which hides where the outliers lie).
        org.jfree.data.statistics.DefaultMultiValueCategoryDataset outliers =
                new org.jfree.data.statistics.DefaultMultiValueCategoryDataset();
        for (int i = 0; i < table.rows().size(); i++) {
            outliers.add(ChartData.outliers(table.text(i, "outliers")), "outliers (beyond the whiskers)",
                    data.getColumnKey(i));
        }
        org.jfree.chart.renderer.category.ScatterRenderer dots = new org.jfree.chart.renderer.category.ScatterRenderer();
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        dots.setSeriesShapesFilled(0, false);
        dots.setDrawOutlines(true);
        dots.setUseOutlinePaint(false);
        dots.setSeriesOutlineStroke(0, new BasicStroke(1f));
        dots.setSeriesPaint(0, Color.BLACK);
        dots.setUseSeriesOffset(false);
        BoxAndWhiskerRenderer r = new BoxAndWhiskerRenderer();
        r.setSeriesPaint(0, PALETTE[5]);
        r.setSeriesOutlinePaint(0, Color.BLACK);
        r.setUseOutlinePaintForWhiskers(true);
        r.setMeanVisible(false);
        r.setMaxOutlierVisible(false);
        r.setMinOutlierVisible(false);
        r.setFillBox(true);
        r.setMaximumBarWidth(0.12);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        plot.setDataset(1, outliers);
        plot.setRenderer(1, dots);
        return chart(title, subtitle, plot);
    }

    /** Applies the house style to an XY plot with {@code n} line series (used by the story chart). */
    public static JFreeChart styled(String title, String subtitle, XYPlot plot, int n) {
        if (plot.getRenderer() instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r) {
            style(r, n);
            for (int i = 0; i < n; i++) {
                r.setSeriesShapesVisible(i, true);
            }
        }
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

    /**
     * An axis of sessions (or another count): whole-number ticks, spaced for the axis length, and
     * the range ending at the data (no margin, so data stopping at 20 end the axis at 20).
     */
    private static NumberAxis sessionAxis(String label) {
        NumberAxis a = axis(label);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setAutoRangeIncludesZero(false);
        a.setLowerMargin(0);
        a.setUpperMargin(0);
        return a;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = TickFormat.apply(new SpacedNumberAxis(label));
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }

    /** Number axes made elsewhere (the story chart) get the locale-independent tick labels too. */
    private static void plainTicks(org.jfree.chart.axis.Axis a) {
        // A SymbolAxis labels its ticks with its symbols unless a format overrides them.
        if (a instanceof NumberAxis n && !(a instanceof org.jfree.chart.axis.SymbolAxis)
                && n.getNumberFormatOverride() == null) {
            TickFormat.apply(n);
        }
    }

    private static JFreeChart chart(String title, String subtitle, org.jfree.chart.plot.Plot plot) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        if (subtitle != null && !subtitle.isEmpty()) {
            c.addSubtitle(new TextTitle(subtitle, SUBTITLE));
        }
        c.getLegend().setItemFont(TICK);
        c.setBackgroundPaint(Color.WHITE);
        // Room at the right for the last tick label of an axis that ends at the data.
        c.setPadding(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 16));
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.getDomainAxis().setLabelFont(LABEL);
            xy.getDomainAxis().setTickLabelFont(TICK);
            xy.getRangeAxis().setLabelFont(LABEL);
            xy.getRangeAxis().setTickLabelFont(TICK);
            plainTicks(xy.getDomainAxis());
            plainTicks(xy.getRangeAxis());
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            cp.getDomainAxis().setLabelFont(LABEL);
            cp.getDomainAxis().setTickLabelFont(TICK);
            cp.getRangeAxis().setLabelFont(LABEL);
            cp.getRangeAxis().setTickLabelFont(TICK);
            plainTicks(cp.getRangeAxis());
        }
        return c;
    }
}
