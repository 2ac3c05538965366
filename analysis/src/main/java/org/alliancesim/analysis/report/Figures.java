package org.alliancesim.analysis.report;

import java.io.IOException;
import java.util.List;
import org.alliancesim.analysis.charts.ChartFiles;
import org.jfree.chart.JFreeChart;

/** Writes a chart as charts/NAME.png and .svg and adds it, inline, to a report's figures. */
final class Figures {

    /** Where a report's files go: a name relative to its folder ({@code charts/x.png}) and the bytes. */
    @FunctionalInterface
    interface Sink {
        void write(String name, byte[] bytes) throws IOException;
    }

    private Figures() {}

    static void add(ResultsFolder folder, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart) throws IOException {
        add(folder::write, figures, file, title, caption, chart);
    }

    static void add(Sink sink, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart) throws IOException {
        ChartFiles.Rendered r = ChartFiles.render(chart, file);
        sink.write("charts/" + file + ".png", r.png());
        sink.write("charts/" + file + ".svg", r.svgDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        figures.add(new HtmlReport.Figure(title, caption, r.svgElement()));
    }
}
