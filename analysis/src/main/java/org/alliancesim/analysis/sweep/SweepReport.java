package org.alliancesim.analysis.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.report.HtmlReport;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.SweepSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.jfree.chart.JFreeChart;

/**
 * summary.json, charts and report.html of a finished sweep folder, computed from its points.csv
 * (so a merged folder gets exactly what a single run would).
 */
public final class SweepReport {

    private SweepReport() {}

    /** Sobol indices of one parameter, with 95% bootstrap intervals. */
    public record SobolIndex(String parameter, double first, double firstLow, double firstHigh, double total,
            double totalLow, double totalHigh) {}

    /** Writes summary.json, the charts and report.html of {@code dir}, each atomically through {@code files}. */
    static void write(Path dir, SweepSpec spec, String command, java.time.Instant started, SweepFiles files)
            throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(SweepRunner.POINTS), StandardCharsets.UTF_8);
        int d = spec.parameters().size();
        int nm = spec.metrics().size();
        List<double[]> x = new ArrayList<>();
        List<double[][]> y = new ArrayList<>(); // per point: [metric][mean, low, high]
        List<Integer> index = new ArrayList<>();
        int failed = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            if (!l.endsWith(",")) {
                failed++;
                continue;
            }
            index.add(Integer.parseInt(f[0]));
            double[] xi = new double[d];
            for (int k = 0; k < d; k++) {
                xi[k] = Double.parseDouble(f[1 + k]);
            }
            double[][] yi = new double[nm][3];
            for (int m = 0; m < nm; m++) {
                int base = 1 + d + 5 * m;
                yi[m][0] = num(f[base]);
                yi[m][1] = num(f[base + 2]);
                yi[m][2] = num(f[base + 3]);
            }
            x.add(xi);
            y.add(yi);
        }
        List<HtmlReport.Figure> figures = new ArrayList<>();
        String subtitle = spec.design().name().toLowerCase(Locale.ROOT) + " design, " + (lines.size() - 1)
                + " points x " + spec.replications() + " replications, seed " + spec.seed();
        int charts = 0;
        for (int m = 0; m < nm && charts < 12; m++) {
            for (int k = 0; k < d && charts < 12; k++, charts++) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < x.size(); i++) {
                    pts.add(new double[] {x.get(i)[k], y.get(i)[m][0], y.get(i)[m][1], y.get(i)[m][2]});
                }
                String metric = spec.metrics().get(m);
                String param = spec.parameters().get(k).path();
                add(dir, files, figures, metric + "-vs-" + param, metric + " against " + param,
                        "Each point's mean over replications with its 95% interval.",
                        Charts.scatter(metric + " against " + param, subtitle, param, metric, pts));
            }
        }
        if (spec.design() == SweepSpec.Design.GRID && d == 2 && !x.isEmpty()) {
            List<double[]> cells = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                cells.add(new double[] {x.get(i)[0], x.get(i)[1], y.get(i)[0][0]});
            }
            add(dir, files, figures, "heatmap", "Heat map of " + spec.metrics().get(0),
                    "The first metric's mean at each grid point.",
                    Charts.heatMap("Heat map: " + spec.metrics().get(0), subtitle, spec.parameters().get(0).path(),
                            spec.parameters().get(1).path(), spec.metrics().get(0), cells));
        }
        ObjectNode summary = SweepRunner.JSON.createObjectNode();
        summary.put("design", spec.design().name().toLowerCase(Locale.ROOT));
        summary.put("points", lines.size() - 1);
        summary.put("failed_points", failed);
        summary.put("replications_per_point", spec.replications());
        summary.put("seed", spec.seed());
        List<SobolIndex> sobol = List.of();
        if (spec.design() == SweepSpec.Design.SALTELLI && failed == 0) {
            double[] f = new double[index.size()];
            for (int i = 0; i < f.length; i++) {
                f[index.get(i)] = y.get(i)[0][0];
            }
            sobol = sobol(spec, f);
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
            add(dir, files, figures, "sobol-indices", "Sobol indices of " + spec.metrics().get(0),
                    "First-order and total Sobol indices (Saltelli 2010 / Jansen estimators) with 95% bootstrap"
                            + " intervals (1000 resamples of the base rows).",
                    Charts.sobol("Sensitivity of " + spec.metrics().get(0), subtitle, sobol));
        }
        ObjectNode prov = summary.putObject("provenance");
        prov.put("command_line", command);
        prov.put("started", started.toString());
        prov.put("finished", java.time.Instant.now().toString());
        prov.set("sweep", SweepRunner.JSON.valueToTree(spec));
        files.replace(dir.resolve("summary.json"), SweepRunner.JSON.writeValueAsString(summary) + "\n");
        List<List<String>> rows = new ArrayList<>();
        for (SobolIndex si : sobol) {
            rows.add(List.of(si.parameter(), HtmlReport.ci(si.first(), si.firstLow(), si.firstHigh()),
                    HtmlReport.ci(si.total(), si.totalLow(), si.totalHigh())));
        }
        List<HtmlReport.Table> tables = sobol.isEmpty() ? List.of() : List.of(new HtmlReport.Table(
                "Sobol indices of " + spec.metrics().get(0), List.of("parameter", "first order [95% CI]",
                        "total [95% CI]"), rows));
        files.replace(dir.resolve("report.html"), HtmlReport.page("alliancesim sweep", subtitle
                + (failed > 0 ? "; " + failed + " points failed (see points.csv, column error)" : ""), tables, figures,
                List.<String[]>of(new String[] {"command line", command}, new String[] {"started", started.toString()}),
                SweepRunner.JSON.writeValueAsString(spec)));
    }

    /**
     * First-order (Saltelli et al. 2010, with f(B) centred) and total (Jansen 1999) Sobol indices from outputs
     * f laid out as Designs.saltelli does, with percentile bootstrap intervals over base rows
     * (1000 resamples from the stream keyed (seed, 0, 0, "sobol-bootstrap")).
     */
    static List<SobolIndex> sobol(SweepSpec spec, double[] f) {
        int d = spec.parameters().size();
        int n = f.length / (d + 2);
        List<SobolIndex> out = new ArrayList<>();
        UniformRandomProvider rng = RandomStreams.of(spec.seed()).stream(0, 0, "sobol-bootstrap");
        int b = 1000;
        double[][] firstBoot = new double[d][b];
        double[][] totalBoot = new double[d][b];
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] est = indices(f, d, all);
        for (int r = 0; r < b; r++) {
            int[] rows = new int[n];
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
            double[][] e = indices(f, d, rows);
            for (int i = 0; i < d; i++) {
                firstBoot[i][r] = e[0][i];
                totalBoot[i][r] = e[1][i];
            }
        }
        for (int i = 0; i < d; i++) {
            java.util.Arrays.sort(firstBoot[i]);
            java.util.Arrays.sort(totalBoot[i]);
            out.add(new SobolIndex(spec.parameters().get(i).path(), est[0][i], firstBoot[i][(int) (0.025 * b)],
                    firstBoot[i][(int) (0.975 * b) - 1], est[1][i], totalBoot[i][(int) (0.025 * b)],
                    totalBoot[i][(int) (0.975 * b) - 1]));
        }
        return out;
    }

    private static double[][] indices(double[] f, int d, int[] rows) {
        int n = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += f[j * (d + 2)] + f[j * (d + 2) + 1];
        }
        mean /= 2 * n;
        double var = 0;
        for (int j : rows) {
            double a = f[j * (d + 2)] - mean;
            double bb = f[j * (d + 2) + 1] - mean;
            var += a * a + bb * bb;
        }
        var /= 2 * n - 1;
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double s1 = 0;
            double st = 0;
            for (int j : rows) {
                double fa = f[j * (d + 2)];
                double fb = f[j * (d + 2) + 1];
                double fab = f[j * (d + 2) + 2 + i];
                // Centring f(B) on the mean leaves the estimator's expectation unchanged and cuts its
                // variance when outputs sit far from zero (Sobol' 2007; Saltelli et al. 2010).
                s1 += (fb - mean) * (fab - fa);
                st += (fa - fab) * (fa - fab);
            }
            out[0][i] = var == 0 ? 0 : s1 / n / var;
            out[1][i] = var == 0 ? 0 : st / (2.0 * n) / var;
        }
        return out;
    }

    private static void add(Path dir, SweepFiles files, List<HtmlReport.Figure> figures, String file, String title,
            String caption, JFreeChart chart) throws IOException {
        String safe = file.replaceAll("[^A-Za-z0-9_.-]", "_");
        Files.createDirectories(dir.resolve("charts"));
        ChartFiles.Rendered r = ChartFiles.render(chart, safe);
        files.replace(dir.resolve("charts").resolve(safe + ".png"), r.png());
        files.replace(dir.resolve("charts").resolve(safe + ".svg"), r.svgDocument());
        figures.add(new HtmlReport.Figure(title, caption, r.svgElement()));
    }

    private static double num(String s) {
        return switch (s) {
            case "" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
