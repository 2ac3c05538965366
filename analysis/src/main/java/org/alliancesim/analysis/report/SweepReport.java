package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.charts.ChartData;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.io.WholeFiles;
import org.alliancesim.analysis.stats.SobolIndex;
import org.alliancesim.analysis.stats.SobolIndices;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.SweepSpec;
import org.jfree.chart.JFreeChart;

/**
 * summary.json, charts and report.html of a finished sweep folder, computed from its points.csv
 * (so a merged folder gets exactly what a single run would). points.csv is read by its column
 * names (docs/sweeps.md): each parameter's path, {@code <metric>_mean}, {@code _ci95_low},
 * {@code _ci95_high}, and {@code error} (empty when the point ran).
 */
public final class SweepReport {

    /** At most this many metric-against-parameter charts. */
    static final int MAX_CHARTS = 12;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final CsvMapper CSV = new CsvMapper();

    private SweepReport() {}

    /** The points that ran: their index, parameter values and, per metric, [mean, 95% low, 95% high]. */
    private record Ran(int index, double[] x, double[][] y) {}

    /**
     * Writes summary.json, the charts and report.html of {@code dir}, each through {@code files}.
     *
     * @param command the command line, for the provenance
     * @throws IOException when points.csv cannot be read or a file cannot be written
     */
    public static void write(Path dir, SweepSpec spec, String command, Instant started, WholeFiles files)
            throws IOException {
        write(dir, spec, command, started, files, 1);
    }

    /** As above, rendering the charts on up to {@code threads} threads (the files are the same). */
    public static void write(Path dir, SweepSpec spec, String command, Instant started, WholeFiles files, int threads)
            throws IOException {
        Figures.Batch batch = new Figures.Batch(threads);
        int d = spec.parameters().size();
        int nm = spec.metrics().size();
        List<Ran> ran = new ArrayList<>();
        int rows = 0;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(dir.resolve("points.csv").toFile())) {
            List<String> header = Arrays.asList(it.next());
            int error = column(header, "error");
            int[] params = new int[d];
            for (int k = 0; k < d; k++) {
                params[k] = column(header, spec.parameters().get(k).path());
            }
            int[] means = new int[nm];
            for (int m = 0; m < nm; m++) {
                means[m] = column(header, spec.metrics().get(m) + "_mean");
            }
            while (it.hasNextValue()) {
                String[] f = it.next();
                rows++;
                if (!f[error].isEmpty()) {
                    continue;
                }
                double[] x = new double[d];
                for (int k = 0; k < d; k++) {
                    x[k] = Double.parseDouble(f[params[k]]);
                }
                double[][] y = new double[nm][3];
                for (int m = 0; m < nm; m++) {
                    // <m>_mean, _sd, _ci95_low, _ci95_high follow each other.
                    y[m] = new double[] {num(f[means[m]]), num(f[means[m] + 2]), num(f[means[m] + 3])};
                }
                ran.add(new Ran(Integer.parseInt(f[0]), x, y));
            }
        }
        int failed = rows - ran.size();
        List<HtmlReport.Figure> figures = new ArrayList<>();
        String subtitle = spec.design().name().toLowerCase(Locale.ROOT) + " design, " + rows + " points x "
                + spec.replications() + " replications, seed " + spec.seed();
        int charts = 0;
        for (int m = 0; m < nm && charts < MAX_CHARTS; m++) {
            for (int k = 0; k < d && charts < MAX_CHARTS; k++, charts++) {
                List<double[]> pts = new ArrayList<>();
                for (Ran r : ran) {
                    pts.add(new double[] {r.x()[k], r.y()[m][0], r.y()[m][1], r.y()[m][2]});
                }
                String metric = spec.metrics().get(m);
                String param = spec.parameters().get(k).path();
                ChartTable data = ChartData.scatter(param, metric, pts);
                add(dir, files, batch, metric + "-vs-" + param, metric + " against " + param,
                        "Each point's mean over replications with its 95% interval.",
                        Charts.scatter(metric + " against " + param, subtitle, param, metric, data), data);
            }
        }
        if (spec.design() == SweepSpec.Design.GRID && d == 2 && !ran.isEmpty()) {
            List<double[]> cells = new ArrayList<>();
            for (Ran r : ran) {
                cells.add(new double[] {r.x()[0], r.x()[1], r.y()[0][0]});
            }
            ChartTable data = ChartData.heatMap(spec.parameters().get(0).path(), spec.parameters().get(1).path(),
                    spec.metrics().get(0), cells);
            add(dir, files, batch, "heatmap", "Heat map of " + spec.metrics().get(0),
                    "The first metric's mean at each grid point.",
                    Charts.heatMap("Heat map: " + spec.metrics().get(0), subtitle, spec.parameters().get(0).path(),
                            spec.parameters().get(1).path(), spec.metrics().get(0), data), data);
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("design", spec.design().name().toLowerCase(Locale.ROOT));
        summary.put("points", rows);
        summary.put("failed_points", failed);
        summary.put("replications_per_point", spec.replications());
        summary.put("seed", spec.seed());
        List<SobolIndex> sobol = List.of();
        if (spec.design() == SweepSpec.Design.SALTELLI && failed == 0) {
            double[] f = new double[ran.size()];
            for (Ran r : ran) {
                f[r.index()] = r.y()[0][0];
            }
            sobol = SobolIndices.estimate(spec.parameters().stream().map(SweepSpec.Parameter::path).toList(), f,
                    RandomStreams.of(spec.seed()).stream(0, 0, "sobol-bootstrap"));
            ArrayNode s = summary.putArray("sobol_indices");
            for (SobolIndex si : sobol) {
                ObjectNode o = s.addObject();
                o.put("parameter", si.parameter());
                o.put("metric", spec.metrics().get(0));
                o.put("first_order", si.first());
                o.put("first_order_ci95_low", si.firstLow());
                o.put("first_order_ci95_high", si.firstHigh());
                o.put("total", si.total());
                o.put("total_ci95_low", si.totalLow());
                o.put("total_ci95_high", si.totalHigh());
            }
            ChartTable sobolData = ChartData.sobol(spec.metrics().get(0), sobol);
            add(dir, files, batch, "sobol-indices", "Sobol indices of " + spec.metrics().get(0),
                    "First-order and total Sobol indices (Saltelli 2010 / Jansen estimators) with 95% bootstrap"
                            + " intervals (" + SobolIndices.RESAMPLES + " resamples of the base rows).",
                    Charts.sobol("Sensitivity of " + spec.metrics().get(0), subtitle, sobolData), sobolData);
        }
        ObjectNode prov = summary.putObject("provenance");
        prov.put("program", "alliancesim");
        Provenance.build().putInto(prov);
        prov.put("command_line", command);
        prov.put("started", started.toString());
        prov.put("finished", Instant.now().toString());
        prov.set("sweep", JSON.valueToTree(spec));
        files.write(dir.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n");
        batch.writeInto(figures);
        List<List<String>> table = new ArrayList<>();
        for (SobolIndex si : sobol) {
            table.add(List.of(si.parameter(), HtmlReport.ci(si.first(), si.firstLow(), si.firstHigh()),
                    HtmlReport.ci(si.total(), si.totalLow(), si.totalHigh())));
        }
        List<HtmlReport.Table> tables = sobol.isEmpty() ? List.of() : List.of(new HtmlReport.Table(
                "Sobol indices of " + spec.metrics().get(0), List.of("parameter", "first order [95% CI]",
                        "total [95% CI]"), table));
        files.write(dir.resolve("report.html"), HtmlReport.page("alliancesim sweep", subtitle
                + (failed > 0 ? "; " + failed + " points failed (see points.csv, column error)" : ""), tables, figures,
                List.<String[]>of(new String[] {"command line", command}, new String[] {"started", started.toString()}),
                JSON.writeValueAsString(spec)));
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("points.csv has no column " + name + ": not this sweep's");
        }
        return i;
    }

    /** Renders {@code chart} into charts/FILE.png and .svg (FILE made safe as a file name) and adds it to the page. */
    private static void add(Path dir, WholeFiles files, Figures.Batch batch, String file, String title,
            String caption, JFreeChart chart, ChartTable data) throws IOException {
        Path charts = dir.resolve("charts");
        try {
            ResultsFolder.createBelow(dir, charts);
        } catch (IOException e) {
            FileSystemException named = new FileSystemException(charts.toString(), null, AtomicFile.reason(e));
            named.initCause(e);
            throw named;
        }
        batch.add((name, bytes) -> files.write(dir.resolve(name), bytes),
                file.replaceAll("[^A-Za-z0-9_.-]", "_"), title, caption, chart, data);
    }

    /** A number as points.csv writes it: empty for none, {@code Inf} and {@code -Inf} for infinities. */
    private static double num(String s) {
        return switch (s) {
            case "" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
