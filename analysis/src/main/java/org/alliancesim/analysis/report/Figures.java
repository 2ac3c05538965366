package org.alliancesim.analysis.report;

import java.io.IOException;
import java.util.List;
import org.alliancesim.analysis.charts.ChartFiles;
import org.jfree.chart.JFreeChart;

/** Writes a chart as charts/NAME.png and .svg and adds it, inline, to a report's figures. */
final class Figures {

    private Figures() {}

    static void add(ResultsFolder folder, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart) throws IOException {
        ChartFiles.Rendered r = ChartFiles.render(chart, file);
        folder.write("charts/" + file + ".png", r.png());
        folder.write("charts/" + file + ".svg", r.svgDocument());
        figures.add(new HtmlReport.Figure(title, caption, r.svgElement()));
    }
}
