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
import org.alliancesim.analysis.experiment.PointsFile;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.io.WholeFiles;
import org.alliancesim.analysis.stats.SobolIndex;
import org.alliancesim.analysis.stats.SobolIndices;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.SweepSpec;
import org.jfree.chart.JFreeChart;

/**
 * summary.json, charts and report.html of a finished sweep folder, computed from its points.csv
 * (so a merged folder gets exactly what a single run would). points.csv is read by its layout,
 * {@link PointsFile} (docs/sweeps.md), whose header it must have.
 */
public final class SweepReport {

    /** An effect sweep's tidy table of effects: one row per point that ran and metric (docs/outputs.md). */
    public static final String EFFECTS = "effects.csv";

    /** effects.csv's columns after the point and its parameters. */
    static final String EFFECTS_HEADER = "metric,mean_a,mean_b,effect,ci95_low,ci95_high,p,n\n";

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
        boolean effect = spec.isEffectSweep();
        PointsFile layout = new PointsFile(spec.parameters().stream().map(SweepSpec.Parameter::path).toList(),
                spec.metrics(), effect);
        List<String> keys = spec.metrics().stream().map(m -> effect ? m + "_effect" : m).toList();
        List<Ran> ran = new ArrayList<>();
        StringBuilder effects = new StringBuilder();
        int rows = 0;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(dir.resolve("points.csv").toFile())) {
            List<String> header = Arrays.asList(it.next());
            if (!header.equals(layout.columns())) {
                throw new IllegalArgumentException("points.csv's columns are not this sweep's");
            }
            int error = layout.errorColumn();
            if (effect) {
                effects.append(String.join(",", header.subList(0, 1 + d))).append(",").append(EFFECTS_HEADER);
            }
            while (it.hasNextValue()) {
                String[] f = it.next();
                rows++;
                if (!f[error].isEmpty()) {
                    continue;
                }
                double[] x = new double[d];
                for (int k = 0; k < d; k++) {
                    x[k] = Double.parseDouble(f[layout.parameterColumn(k)]);
                }
                double[][] y = new double[nm][3];
                for (int m = 0; m < nm; m++) {
                    int[] charted = layout.chartColumns(m);
                    y[m] = new double[] {num(f[charted[0]]), num(f[charted[1]]), num(f[charted[2]])};
                    if (effect) {
                        // One row per point and metric: the metric's summary columns, <m>_a_mean .. <m>_n.
                        effects.append(String.join(",", Arrays.asList(f).subList(0, 1 + d))).append(',')
                                .append(spec.metrics().get(m));
                        for (int j = 0; j < layout.suffixes().size(); j++) {
                            effects.append(',').append(f[layout.summaryColumn(m, j)]);
                        }
                        effects.append('\n');
                    }
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
                String metric = keys.get(m);
                String param = spec.parameters().get(k).path();
                ChartTable data = ChartData.scatter(param, metric, pts);
                String plabel = ChartData.parameterLabel(param);
                if (effect) {
                    String what = "effect of B on " + ChartData.metricLabel(spec.metrics().get(m));
                    add(dir, files, batch, metric + "-vs-" + param, "Effect on " + spec.metrics().get(m) + " against "
                            + param, "Each point's paired effect B - A (mean of the per-replication differences on"
                                    + " the same simulated families) with its 95% interval (Student t over the paired"
                                    + " replications); B = A with " + spec.compare().describe() + "; dashed: no effect.",
                            Charts.effect("Effect on " + ChartData.metricLabel(spec.metrics().get(m)) + " of "
                                    + spec.compare().describe(), subtitle, plabel, what + " (B - A)", data), data);
                } else {
                    add(dir, files, batch, metric + "-vs-" + param, metric + " against " + param,
                            "Each point's mean over replications with its 95% interval.",
                            Charts.scatter(ChartData.metricLabel(metric) + " against " + plabel,
                                    subtitle, plabel, ChartData.metricLabel(metric), data), data);
                }
            }
        }
        if (spec.design() == SweepSpec.Design.GRID && d == 2 && !ran.isEmpty()) {
            List<double[]> cells = new ArrayList<>();
            for (Ran r : ran) {
                cells.add(new double[] {r.x()[0], r.x()[1], r.y()[0][0]});
            }
            ChartTable data = ChartData.heatMap(spec.parameters().get(0).path(), spec.parameters().get(1).path(),
                    keys.get(0), cells);
            String zlabel = effect ? "effect on " + ChartData.metricLabel(spec.metrics().get(0)) + " (B - A)"
                    : ChartData.metricLabel(spec.metrics().get(0));
            add(dir, files, batch, "heatmap", "Heat map of " + keys.get(0),
                    effect ? "The paired effect B - A on the first metric at each grid point (B = A with "
                            + spec.compare().describe() + ")." : "The first metric's mean at each grid point.",
                    Charts.heatMap("Heat map: " + zlabel, subtitle,
                            ChartData.parameterLabel(spec.parameters().get(0).path()),
                            ChartData.parameterLabel(spec.parameters().get(1).path()), zlabel, data), data);
        }
        ObjectNode summary = JSON.createObjectNode();
        summary.put("design", spec.design().name().toLowerCase(Locale.ROOT));
        summary.put("points", rows);
        summary.put("failed_points", failed);
        summary.put("replications_per_point", spec.replications());
        summary.put("seed", spec.seed());
        if (effect) {
            summary.put("effect_of", spec.compare().describe());
        }
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
                o.put("metric", keys.get(0));
                o.put("first_order", si.first());
                o.put("first_order_ci95_low", si.firstLow());
                o.put("first_order_ci95_high", si.firstHigh());
                o.put("total", si.total());
                o.put("total_ci95_low", si.totalLow());
                o.put("total_ci95_high", si.totalHigh());
            }
            ChartTable sobolData = ChartData.sobol(keys.get(0), sobol);
            add(dir, files, batch, "sobol-indices", "Sobol indices of " + keys.get(0),
                    "First-order and total Sobol indices (Saltelli 2010 / Jansen estimators) with 95% bootstrap"
                            + " intervals (" + SobolIndices.RESAMPLES + " resamples of the base rows).",
                    Charts.sobol("Sensitivity of " + keys.get(0), subtitle, sobolData), sobolData);
        }
        ObjectNode prov = summary.putObject("provenance");
        prov.put("program", "alliancesim");
        Provenance.build().putInto(prov);
        prov.put("command_line", command);
        prov.put("started", started.toString());
        prov.put("finished", Instant.now().toString());
        prov.set("sweep", JSON.valueToTree(spec));
        if (effect) {
            files.write(dir.resolve(EFFECTS), effects.toString());
        }
        files.write(dir.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n");
        batch.writeInto(figures);
        List<List<String>> table = new ArrayList<>();
        for (SobolIndex si : sobol) {
            table.add(List.of(si.parameter(), HtmlReport.ci(si.first(), si.firstLow(), si.firstHigh()),
                    HtmlReport.ci(si.total(), si.totalLow(), si.totalHigh())));
        }
        List<HtmlReport.Table> tables = sobol.isEmpty() ? List.of() : List.of(new HtmlReport.Table(
                "Sobol indices of " + keys.get(0), List.of("parameter", "first order [95% CI]",
                        "total [95% CI]"), table));
        files.write(dir.resolve("report.html"), HtmlReport.page("alliancesim sweep", subtitle
                + (failed > 0 ? "; " + failed + " points failed (see points.csv, column error)" : ""), tables, figures,
                List.<String[]>of(new String[] {"command line", command}, new String[] {"started", started.toString()}),
                JSON.writeValueAsString(spec)));
    }

    /**
     * One row of an effect sweep's effects.csv: a point's paired effect B - A on one metric.
     *
     * @param point the point's index in the design
     * @param parameters the point's parameter values, in the sweep file's order
     * @param metric the metric's key
     * @param meanA mean of arm A over replications (6 decimals, as effects.csv holds it)
     * @param meanB mean of arm B
     * @param effect mean of the per-replication differences B - A
     * @param lower 95% lower bound of the effect (Student t over the paired replications)
     * @param upper 95% upper bound
     * @param p two-sided p-value of the paired t-test of no effect
     * @param n replications with both arms' values defined
     */
    public record Effect(int point, List<Double> parameters, String metric, double meanA, double meanB, double effect,
            double lower, double upper, double p, int n) {}

    /** The rows of {@code dir}/effects.csv (as {@link #write} wrote it for {@code spec}), in its order. */
    public static List<Effect> effects(Path dir, SweepSpec spec) throws IOException {
        int d = spec.parameters().size();
        List<Effect> out = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(dir.resolve(EFFECTS).toFile())) {
            it.next(); // the header
            while (it.hasNextValue()) {
                String[] f = it.next();
                List<Double> x = new ArrayList<>();
                for (int k = 0; k < d; k++) {
                    x.add(Double.parseDouble(f[1 + k]));
                }
                out.add(new Effect(Integer.parseInt(f[0]), List.copyOf(x), f[1 + d], num(f[2 + d]), num(f[3 + d]),
                        num(f[4 + d]), num(f[5 + d]), num(f[6 + d]), num(f[7 + d]), Integer.parseInt(f[8 + d])));
            }
        }
        return out;
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
