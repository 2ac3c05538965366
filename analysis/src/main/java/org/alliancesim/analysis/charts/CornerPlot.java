package org.alliancesim.analysis.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A corner (pairs) plot of a weighted posterior sample: on the diagonal each parameter's weighted
 * marginal histogram over its prior bounds with the prior's mass per bin dashed beside it; below
 * the diagonal each pair's weighted 2-D histogram, shaded from white (no mass) to blue (the
 * panel's largest bin). The data preparation ({@link #table}) is pure and tested; {@link #render}
 * draws only what the table holds, so the picture and its CSV cannot disagree.
 *
 * <p>The table's columns: {@code row_parameter, column_parameter, x_low, x_high, y_low, y_high,
 * weight, prior_weight}. A diagonal row (row = column) is one bin of a marginal (no y, with the
 * prior's mass); a pair row is one non-empty cell of a 2-D histogram (no prior weight). Weights are
 * posterior mass, summing to 1 per panel.
 */
public final class CornerPlot {

    /** Bins of each marginal histogram. */
    public static final int DIAGONAL_BINS = 20;
    /** Bins per axis of each pair's 2-D histogram. */
    public static final int PAIR_BINS = 15;
    /** The drawing's size in pixels (square). */
    public static final int SIZE = 1400;

    static final List<String> COLUMNS = List.of("row_parameter", "column_parameter", "x_low", "x_high", "y_low",
            "y_high", "weight", "prior_weight");

    private static final Color BLUE = Charts.PALETTE[0];
    private static final Color VERMILLION = Charts.PALETTE[1];

    private CornerPlot() {}

    /**
     * The corner plot's table.
     *
     * @param names parameter names, in order
     * @param lower each parameter's lower prior bound
     * @param upper each parameter's upper prior bound
     * @param particles the sample, one row per particle
     * @param weights the particles' weights (any positive scale)
     * @param priorMass per parameter, the prior's mass in each of the {@link #DIAGONAL_BINS} bins
     *     (or null to leave the prior out)
     */
    public static ChartTable table(List<String> names, double[] lower, double[] upper, double[][] particles,
            double[] weights, double[][] priorMass) {
        int d = names.size();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            double[] mass = new double[DIAGONAL_BINS];
            for (int p = 0; p < particles.length; p++) {
                mass[bin(particles[p][i], lower[i], upper[i], DIAGONAL_BINS)] += weights[p] / total;
            }
            for (int b = 0; b < DIAGONAL_BINS; b++) {
                rows.add(row(names.get(i), names.get(i), edge(lower[i], upper[i], b, DIAGONAL_BINS),
                        edge(lower[i], upper[i], b + 1, DIAGONAL_BINS), null, null, mass[b],
                        priorMass == null ? null : priorMass[i][b]));
            }
        }
        for (int i = 1; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double[][] mass = new double[PAIR_BINS][PAIR_BINS];
                for (int p = 0; p < particles.length; p++) {
                    mass[bin(particles[p][j], lower[j], upper[j], PAIR_BINS)][bin(particles[p][i], lower[i], upper[i],
                            PAIR_BINS)] += weights[p] / total;
                }
                for (int bx = 0; bx < PAIR_BINS; bx++) {
                    for (int by = 0; by < PAIR_BINS; by++) {
                        if (mass[bx][by] > 0) {
                            rows.add(row(names.get(i), names.get(j), edge(lower[j], upper[j], bx, PAIR_BINS),
                                    edge(lower[j], upper[j], bx + 1, PAIR_BINS), edge(lower[i], upper[i], by, PAIR_BINS),
                                    edge(lower[i], upper[i], by + 1, PAIR_BINS), mass[bx][by], null));
                        }
                    }
                }
            }
        }
        return new ChartTable(COLUMNS, rows);
    }

    /** The bin of {@code x} among {@code bins} equal bins of [lo, hi]; the upper bound falls in the last. */
    static int bin(double x, double lo, double hi, int bins) {
        int b = (int) Math.floor((x - lo) / (hi - lo) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    private static double edge(double lo, double hi, int b, int bins) {
        return b == bins ? hi : lo + (hi - lo) * b / bins;
    }

    private static List<Object> row(String r, String c, double xl, double xh, Double yl, Double yh, double w,
            Double prior) {
        List<Object> row = new ArrayList<>(8);
        row.add(r);
        row.add(c);
        row.add(xl);
        row.add(xh);
        row.add(yl);
        row.add(yh);
        row.add(w);
        row.add(prior);
        return row;
    }

    /** Renders the table's plot as PNG and SVG (document and element), {@link #SIZE} pixels square. */
    public static ChartFiles.Rendered render(ChartTable table, String title, String subtitle, String id)
            throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        draw(g, table, title, subtitle);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        SVGGraphics2D svg = new SVGGraphics2D(SIZE, SIZE);
        svg.setDefsKeyPrefix("_" + id + "_");
        draw(svg, table, title, subtitle);
        return new ChartFiles.Rendered(png.toByteArray(), svg.getSVGDocument(),
                svg.getSVGElement(id, false, new ViewBox(0, 0, SIZE, SIZE), null, null));
    }

    private static void draw(Graphics2D g, ChartTable t, String title, String subtitle) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        List<String> names = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            if (t.text(r, "row_parameter").equals(t.text(r, "column_parameter"))
                    && !names.contains(t.text(r, "row_parameter"))) {
                names.add(t.text(r, "row_parameter"));
            }
        }
        int d = names.size();
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        double[] maxDiag = new double[d];
        double[][] maxPair = new double[d][d];
        for (int r = 0; r < t.rows().size(); r++) {
            int i = names.indexOf(t.text(r, "row_parameter"));
            int j = names.indexOf(t.text(r, "column_parameter"));
            if (i == j) {
                lo[i] = Math.min(lo[i], t.number(r, "x_low"));
                hi[i] = Math.max(hi[i], t.number(r, "x_high"));
                maxDiag[i] = Math.max(maxDiag[i], Math.max(t.number(r, "weight"), nz(t.number(r, "prior_weight"))));
            } else {
                maxPair[i][j] = Math.max(maxPair[i][j], t.number(r, "weight"));
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
        g.drawString(title, 40, 42);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        g.drawString(subtitle, 40, 70);
        double left = 300;
        double top = 140;
        double gap = 8;
        double cell = (SIZE - left - 30 - gap * (d - 1)) / d;
        cell = Math.min(cell, (SIZE - top - 250 - gap * (d - 1)) / d);
        for (int r = 0; r < t.rows().size(); r++) {
            int i = names.indexOf(t.text(r, "row_parameter"));
            int j = names.indexOf(t.text(r, "column_parameter"));
            double x0 = left + j * (cell + gap);
            double y0 = top + i * (cell + gap);
            double xl = x0 + (t.number(r, "x_low") - lo[j]) / (hi[j] - lo[j]) * cell;
            double xh = x0 + (t.number(r, "x_high") - lo[j]) / (hi[j] - lo[j]) * cell;
            double w = t.number(r, "weight");
            if (i == j) {
                double h = maxDiag[i] > 0 ? w / maxDiag[i] * cell * 0.92 : 0;
                g.setColor(BLUE);
                g.fill(new Rectangle2D.Double(xl, y0 + cell - h, xh - xl, h));
                double prior = t.number(r, "prior_weight");
                if (!Double.isNaN(prior) && maxDiag[i] > 0) {
                    double ph = prior / maxDiag[i] * cell * 0.92;
                    g.setColor(VERMILLION);
                    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {6f, 4f}, 0f));
                    g.draw(new Line2D.Double(xl, y0 + cell - ph, xh, y0 + cell - ph));
                }
            } else {
                double yl = y0 + cell - (t.number(r, "y_low") - lo[i]) / (hi[i] - lo[i]) * cell;
                double yh = y0 + cell - (t.number(r, "y_high") - lo[i]) / (hi[i] - lo[i]) * cell;
                double shade = maxPair[i][j] > 0 ? Math.sqrt(w / maxPair[i][j]) : 0;
                g.setColor(blend(shade));
                g.fill(new Rectangle2D.Double(xl, yh, xh - xl + 0.5, yl - yh + 0.5));
            }
        }
        g.setStroke(new BasicStroke(1f));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double x0 = left + j * (cell + gap);
                double y0 = top + i * (cell + gap);
                g.setColor(Color.GRAY);
                g.draw(new Rectangle2D.Double(x0, y0, cell, cell));
            }
            String shortName = shortName(names.get(i));
            // Column labels under the bottom row, with the bounds as ticks.
            double x0 = left + i * (cell + gap);
            double yb = top + (d - 1) * (cell + gap) + cell;
            g.setColor(Color.BLACK);
            g.setFont(tick);
            g.drawString(fmt(lo[i]), (float) x0, (float) (yb + 16));
            String h = fmt(hi[i]);
            g.drawString(h, (float) (x0 + cell - g.getFontMetrics().stringWidth(h)), (float) (yb + 16));
            g.setFont(label);
            drawRotated(g, shortName, x0 + cell / 2, yb + 24);
            // Row labels left of the first column (rows 1..d-1 carry a y axis).
            if (i > 0) {
                double y0 = top + i * (cell + gap);
                g.setFont(tick);
                FontMetrics fm = g.getFontMetrics();
                String l = fmt(lo[i]);
                g.drawString(l, (float) (left - 4 - fm.stringWidth(l)), (float) (y0 + cell));
                g.drawString(h, (float) (left - 4 - fm.stringWidth(h)), (float) (y0 + 12));
                g.setFont(label);
                fm = g.getFontMetrics();
                String n = shortName;
                g.drawString(n, (float) Math.max(2, left - 50 - fm.stringWidth(n)), (float) (y0 + cell / 2 + 5));
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.setColor(BLUE);
        g.fillRect(SIZE - 520, 92, 18, 12);
        g.setColor(Color.BLACK);
        g.drawString("posterior (weighted particles)", SIZE - 495, 102);
        g.setColor(VERMILLION);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.draw(new Line2D.Double(SIZE - 520, 124, SIZE - 502, 124));
        g.setColor(Color.BLACK);
        g.drawString("prior (axes span its bounds)", SIZE - 495, 129);
    }

    private static void drawRotated(Graphics2D g, String s, double cx, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(cx + 5, y);
        g.rotate(Math.PI / 2);
        g.drawString(s, 0f, 0f);
        g.setTransform(saved);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static Color blend(double s) {
        return new Color((int) Math.round(255 + (BLUE.getRed() - 255) * s),
                (int) Math.round(255 + (BLUE.getGreen() - 255) * s), (int) Math.round(255 + (BLUE.getBlue() - 255) * s));
    }

    /** The last two segments of a dotted path: {@code attendance.alliance}. */
    static String shortName(String path) {
        String[] p = path.split("\\.");
        return p.length < 2 ? path : p[p.length - 2] + "." + p[p.length - 1];
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
