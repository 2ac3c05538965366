package org.alliancesim.analysis.report;

import java.util.List;
import java.util.Locale;

/** A self-contained HTML page: inline SVG charts, tables, provenance; no external assets. */
public final class HtmlReport {

    /**
     * A chart for the page.
     *
     * @param svg the chart's markup: an inline {@code <svg>} element, or an {@code <img>} of its PNG
     *     for a chart too large for SVG (see {@code Figures.SVG_MAX_ROWS})
     */
    public record Figure(String title, String caption, String svg) {}

    /** A table: header cells and rows of cells (already formatted text). */
    public record Table(String caption, List<String> header, List<List<String>> rows) {}

    private HtmlReport() {}

    public static String page(String title, String intro, List<Table> tables, List<Figure> figures,
            List<String[]> provenance, String resolvedScenario) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;")
                .append("padding:0 1em;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.8em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:.95em}\n")
                .append("th,td{border:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
                .append("th{background:#f2f2f2}figure{margin:1.5em 0}figcaption{color:#444;font-size:.95em}\n")
                .append("figure svg{width:100%;height:auto;border:1px solid #eee}\n")
                .append("pre{background:#f7f7f7;padding:1em;overflow:auto;font-size:.85em}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(intro))
                .append("</p>\n");
        for (Table t : tables) {
            sb.append("<h2>").append(esc(t.caption())).append("</h2>\n<table>\n<tr>");
            t.header().forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
            sb.append("</tr>\n");
            for (List<String> row : t.rows()) {
                sb.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    String cell = row.get(i);
                    boolean num = !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-'
                            || cell.charAt(0) == '[');
                    sb.append(num ? "<td class=\"num\">" : "<td>").append(esc(cell)).append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("<h2>Charts</h2>\n");
        for (Figure f : figures) {
            sb.append("<figure>\n").append(f.svg()).append("\n<figcaption><strong>").append(esc(f.title()))
                    .append(".</strong> ").append(esc(f.caption())).append("</figcaption>\n</figure>\n");
        }
        sb.append("<h2>Provenance</h2>\n<table>\n");
        for (String[] p : provenance) {
            sb.append("<tr><th>").append(esc(p[0])).append("</th><td>").append(esc(p[1])).append("</td></tr>\n");
        }
        sb.append("</table>\n<details><summary>The fully resolved scenario</summary>\n<pre>")
                .append(esc(resolvedScenario)).append("</pre>\n</details>\n");
        Provenance.Build build = Provenance.build();
        sb.append("<footer><p><small>Made by alliancesim ").append(esc(build.describe()))
                .append(". To cite these results, cite alliancesim version ").append(esc(build.version()))
                .append(" (CITATION.cff in the source tree; README, How to cite). Definitions of every metric and column:"
                        + " docs/outputs.md.</small></p></footer>\n")
                .append("</body>\n</html>\n");
        return sb.toString();
    }

    /** Mean and interval as "0.391 [0.384, 0.398]". */
    public static String ci(double mean, double lo, double hi) {
        if (Double.isNaN(mean)) {
            return "";
        }
        if (Double.isNaN(lo)) {
            return fmt(mean);
        }
        return fmt(mean) + " [" + fmt(lo) + ", " + fmt(hi) + "]";
    }

    public static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
