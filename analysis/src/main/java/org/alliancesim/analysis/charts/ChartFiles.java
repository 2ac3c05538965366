package org.alliancesim.analysis.charts;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Renders a chart as PNG bytes and as SVG (a whole document, or an element to inline in HTML). */
public final class ChartFiles {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private ChartFiles() {}

    /**
     * A chart rendered for a results folder: PNG bytes, a standalone SVG and an inline SVG element
     * (both SVG forms null when the chart was rendered as PNG only).
     */
    public record Rendered(byte[] png, String svgDocument, String svgElement) {}

    /** Renders once to SVG (both forms come from the same drawing) and once to PNG. */
    public static Rendered render(JFreeChart chart, String id) throws IOException {
        return render(chart, id, true);
    }

    /**
     * As {@link #render(JFreeChart, String)} when {@code svg}; otherwise renders the PNG only (a
     * chart too large for SVG: a scatter plot of 10,000 points is about 21 MB of it).
     */
    public static Rendered render(JFreeChart chart, String id, boolean svg) throws IOException {
        if (!svg) {
            return new Rendered(png(chart), null, null);
        }
        SVGGraphics2D g2 = draw(chart, id);
        return new Rendered(png(chart), g2.getSVGDocument(), element(g2, id));
    }

    public static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }

    /** A standalone SVG document. */
    public static String svgDocument(JFreeChart chart) {
        return draw(chart, "chart").getSVGDocument();
    }

    /** An {@code <svg>} element for inlining, scaled to its container's width. */
    public static String svgElement(JFreeChart chart, String id) {
        return element(draw(chart, id), id);
    }

    private static String element(SVGGraphics2D g2, String id) {
        // With a viewBox the drawing scales to the element's CSS width instead of being cropped.
        return g2.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /**
     * Draws the chart; its clip-path ids start with {@code _ID_} (JFreeSVG's default prefix is a clock
     * reading), so the same chart gives the same bytes on every run, and charts of different ids can
     * share a page.
     */
    private static SVGGraphics2D draw(JFreeChart chart, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("_" + id + "_");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2;
    }
}
