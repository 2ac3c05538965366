package org.alliancesim.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.analysis.usecase.CalibrateRequest;
import org.alliancesim.analysis.usecase.CalibrateUseCase;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareUseCase;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.analysis.usecase.SweepRequest;
import org.alliancesim.analysis.usecase.SweepUseCase;
import org.alliancesim.analysis.usecase.ValidateRequest;
import org.alliancesim.analysis.usecase.ValidateUseCase;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every chart of every use case has its data beside it, with the header docs/outputs.md documents. */
class FiguresTest {

    @TempDir
    Path dir;

    private static final Path OUTPUTS_DOC = Path.of("..", "docs", "outputs.md");
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\| `([^`]+)` \\| `([^`]+)` \\|");

    /** use case -> file -> header, from the chart data table of docs/outputs.md. */
    static Map<String, Map<String, String>> documentedHeaders() throws IOException {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : Files.readAllLines(OUTPUTS_DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                out.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(m.group(2), m.group(3));
            }
        }
        return out;
    }

    /** Checks that charts/ of {@code folder} has a CSV with the documented header beside each PNG; returns how many. */
    static int checkCharts(String useCase, Path folder) throws IOException {
        Map<String, String> documented = documentedHeaders().get(useCase);
        assertNotNull(documented, "docs/outputs.md documents no chart data of " + useCase);
        int n = 0;
        try (Stream<Path> files = Files.list(folder.resolve("charts"))) {
            for (Path png : files.filter(p -> p.toString().endsWith(".png")).toList()) {
                String name = png.getFileName().toString().replace(".png", ".csv");
                Path csv = png.resolveSibling(name);
                assertTrue(Files.isRegularFile(csv), useCase + ": no " + csv + " beside " + png);
                String key = name.contains("-vs-") && !name.startsWith("retention-") ? "METRIC-vs-PARAMETER.csv" : name;
                assertEquals(documented.get(key), Files.readAllLines(csv).get(0), useCase + " " + name);
                n++;
            }
        }
        return n;
    }

    @Test
    void runWritesEveryChartsDataAndRetentionIsTheEstimator() throws Exception {
        Path out = dir.resolve("run");
        Scenario s = ScenarioLoader.load("involuntary-referral").with("run.families", 200);
        RunUseCase.Result r = RunUseCase.execute(RunRequest.of(s).withReplications(3).withThreads(2).withOutput(Output.to(out)));
        assertEquals(7, checkCharts("run", out),
                "retention, by referral, by family type, alliance, timing, split, improvement");
        List<String> lines = Files.readAllLines(out.resolve("charts/retention.csv"));
        List<KaplanMeier.Row> rows = r.experiment().retention().rows();
        assertEquals(rows.size() + 1, lines.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            KaplanMeier.Row k = rows.get(i);
            assertEquals(k.time(), Double.parseDouble(f[0]));
            assertEquals(k.atRisk(), Long.parseLong(f[1]));
            assertEquals(k.events(), Long.parseLong(f[2]));
            assertEquals(k.censored(), Long.parseLong(f[3]));
            // Written with every digit: the values read back exactly.
            assertEquals(k.survival(), Double.parseDouble(f[4]));
            assertEquals(k.standardError(), Double.parseDouble(f[5]));
            assertEquals(k.lower(), Double.parseDouble(f[6]));
            assertEquals(k.upper(), Double.parseDouble(f[7]));
        }
    }

    @Test
    void compareValidateCalibrateAndSweepWriteEveryChartsData() throws Exception {
        Scenario a = ScenarioLoader.load("default").with("run.families", 100);
        Path compare = dir.resolve("compare");
        CompareUseCase.execute(CompareRequest.of(a, a.with("therapists[0].repair_skill", 0.95)).withReplications(2)
                .withThreads(2).withOutput(Output.to(compare)));
        assertEquals(2, checkCharts("compare", compare));
        Path validate = dir.resolve("validate");
        ValidateUseCase.execute(ValidateRequest.of(Calibration.targets("literature"), "literature", a)
                .withReplications(2).withThreads(2).withOutput(Output.to(validate)));
        assertEquals(1, checkCharts("validate", validate));
        Path calibrate = dir.resolve("calibrate");
        var small = CalibrationSpecs.parse("t.yaml", "base: default\ntargets:\n  - {statistic: dropout_share, min: 0.3,"
                + " max: 0.45}\nparameters:\n  - {path: dynamics.attendance.intercept, min: -4, max: -1}\n"
                + "replications: 2\nfamilies: 100\nmax_evaluations: 2\n", Calibration.STATISTICS);
        CalibrateUseCase.execute(CalibrateRequest.of(small, "t.yaml", a).withCheckReplications(2).withThreads(2)
                .withOutput(Output.to(calibrate)));
        assertEquals(2, checkCharts("calibrate", calibrate));
        Path sweepFile = dir.resolve("grid.yaml");
        Files.writeString(sweepFile, "design: grid\nreplications: 2\nfamilies: 40\nmetrics: [dropout_share]\n"
                + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9, steps: 2}\n"
                + "  - {path: families.0.conflict, values: [0.2, 0.8]}\n");
        Path sweep = dir.resolve("sweep");
        SweepUseCase.execute(SweepRequest.of(sweepFile, sweep).withThreads(2));
        assertEquals(3, checkCharts("sweep", sweep), "two scatter plots and the heat map");
        assertFalse(Files.readString(sweep.resolve("charts/heatmap.csv")).contains("E-"), "no exponents");
    }

    /** A scatter chart of {@code n} points (deterministic values) and its data. */
    private static Map.Entry<org.jfree.chart.JFreeChart, org.alliancesim.analysis.charts.ChartTable> scatter(int n) {
        List<double[]> pts = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double y = (i * 37 % 101) / 101.0;
            pts.add(new double[] {i / (double) n, y, y - 0.01, y + 0.01});
        }
        org.alliancesim.analysis.charts.ChartTable data =
                org.alliancesim.analysis.charts.ChartData.scatter("x", "dropout_rate", pts);
        return Map.entry(org.alliancesim.analysis.charts.Charts.scatter("t", "s", "x", "dropout_rate", data), data);
    }

    @Test
    void aChartOfMoreRowsThanDrawnAsSvgIsWrittenAndShownAsPng() throws Exception {
        // A chart of up to SVG_MAX_ROWS rows of data is written as .svg and inlined as SVG (every
        // ordinary report, unchanged); a larger one is written as .png only and the page shows that
        // PNG, so a 10,000-point sweep's report memory and page stay bounded. .png and .csv always.
        int limit = Figures.SVG_MAX_ROWS;
        for (int n : new int[] {limit, limit + 1}) {
            Map<String, byte[]> written = new HashMap<>();
            List<HtmlReport.Figure> figures = new java.util.ArrayList<>();
            var chart = scatter(n);
            Figures.add(written::put, figures, "c", "A <title>", "caption", chart.getKey(), chart.getValue());
            assertTrue(written.containsKey("charts/c.png"), "charts/c.png of " + n + " points");
            assertEquals(n <= limit, written.containsKey("charts/c.svg"), "charts/c.svg of " + n + " points");
            assertEquals(n + 1, new String(written.get("charts/c.csv"), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\n").length);
            String markup = figures.get(0).svg();
            if (n <= limit) {
                assertTrue(markup.startsWith("<svg"), "inline SVG at " + n + " points");
            } else {
                String prefix = "<img src=\"data:image/png;base64,";
                assertTrue(markup.startsWith(prefix), "PNG above " + limit + " points: " + markup.substring(0, 40));
                String b64 = markup.substring(prefix.length(), markup.indexOf('"', prefix.length()));
                assertTrue(java.util.Arrays.equals(written.get("charts/c.png"), java.util.Base64.getDecoder().decode(b64)),
                        "the page shows the PNG written beside it");
                assertTrue(markup.contains("alt=\"A &lt;title&gt;\""), markup.substring(markup.indexOf("alt=")));
            }
        }
    }

    @Test
    void aBatchOnSeveralThreadsWritesWhatAddingOneByOneWrites() throws Exception {
        // Charts on both sides of the inlining limit, more charts than threads (renderings are kept
        // only a few ahead of the one being written): the same files and page markup as Figures.add.
        int[] sizes = {10, Figures.SVG_MAX_ROWS + 5, 3, 50, Figures.SVG_MAX_ROWS + 1};
        Map<String, byte[]> oneByOne = new java.util.TreeMap<>();
        List<HtmlReport.Figure> expected = new java.util.ArrayList<>();
        Map<String, byte[]> batched = new java.util.TreeMap<>();
        List<HtmlReport.Figure> actual = new java.util.ArrayList<>();
        Figures.Batch batch = new Figures.Batch(2);
        for (int i = 0; i < sizes.length; i++) {
            var chart = scatter(sizes[i]);
            Figures.add(oneByOne::put, expected, "c" + i, "t" + i, "caption", chart.getKey(), chart.getValue());
            var again = scatter(sizes[i]);
            batch.add(batched::put, "c" + i, "t" + i, "caption", again.getKey(), again.getValue());
        }
        batch.writeInto(actual);
        assertEquals(oneByOne.keySet(), batched.keySet());
        for (String name : oneByOne.keySet()) {
            assertTrue(java.util.Arrays.equals(oneByOne.get(name), batched.get(name)), name);
        }
        assertEquals(expected, actual);
    }
}
