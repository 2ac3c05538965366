package org.alliancesim.analysis.report;

import java.io.IOException;
import java.util.List;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.ChartTable;
import org.jfree.chart.JFreeChart;

/**
 * Writes a chart as charts/NAME.png and .svg, its data as charts/NAME.csv (the table it was drawn
 * from), and adds it, inline, to a report's figures.
 */
final class Figures {

    /** Where a report's files go: a name relative to its folder ({@code charts/x.png}) and the bytes. */
    @FunctionalInterface
    interface Sink {
        void write(String name, byte[] bytes) throws IOException;
    }

    private Figures() {}

    /** {@code files} and, for each chart name, charts/NAME.png, .svg and .csv (the files a use case may write). */
    static List<String> withCharts(List<String> files, String... charts) {
        List<String> out = new java.util.ArrayList<>(files);
        for (String c : charts) {
            for (String ext : new String[] {".png", ".svg", ".csv"}) {
                out.add("charts/" + c + ext);
            }
        }
        return List.copyOf(out);
    }

    static void add(ResultsFolder folder, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart, ChartTable data) throws IOException {
        add(folder::write, figures, file, title, caption, chart, data);
    }

    static void add(Sink sink, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart, ChartTable data) throws IOException {
        sink.write("charts/" + file + ".csv", data.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ChartFiles.Rendered r = ChartFiles.render(chart, file);
        sink.write("charts/" + file + ".png", r.png());
        sink.write("charts/" + file + ".svg", r.svgDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        figures.add(new HtmlReport.Figure(title, caption, r.svgElement()));
    }
}
