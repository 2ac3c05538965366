package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.charts.ChartData;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.ValidationSpec;

/** Files of {@code calibrate} and {@code validate}. */
public final class CalibrationReport {

    /** The posterior predictive table of validate --posterior and compare --posterior. */
    public static final String PREDICTIVE_CSV = "posterior-predictive.csv";

    public static final List<String> CALIBRATE_FILES = Figures.withCharts(List.of("fitted.yaml", "fit.csv", "trace.csv",
            "summary.json", "report.html"), "trace", "retention-vs-literature");
    public static final List<String> VALIDATE_FILES = Figures.withCharts(List.of("calibration.csv", "validation.csv", "summary.json",
            "report.html", PREDICTIVE_CSV), "retention-vs-literature");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CalibrationReport() {}

    /** One row of the fit or validation table. */
    public record Row(CalibrationSpec.Target target, MetricSummary estimate) {
        public boolean inRange() {
            return target.inRange(estimate.mean());
        }
    }

    /**
     * The rows of the calibration set: each target beside the model's estimate.
     *
     * @param estimates one per target, in the spec's order ({@link Calibration#estimates},
     *     {@link org.alliancesim.analysis.calibration.TargetEstimates})
     */
    public static List<Row> rows(CalibrationSpec spec, List<MetricSummary> estimates) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < spec.targets().size(); i++) {
            rows.add(new Row(spec.targets().get(i), estimates.get(i)));
        }
        return rows;
    }

    /** The table as CSV. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("statistic,min,max,target,estimate,ci95_low,ci95_high,n,in_range,source\n");
        for (Row r : rows) {
            CalibrationSpec.Target t = r.target();
            sb.append(t.statistic()).append(',').append(Csv.num(t.min())).append(',').append(Csv.num(t.max()))
                    .append(',').append(Csv.num(t.target())).append(',').append(Csv.num(r.estimate().mean())).append(',')
                    .append(Csv.num(r.estimate().lower())).append(',').append(Csv.num(r.estimate().upper())).append(',')
                    .append(r.estimate().n()).append(',').append(r.inRange()).append(',').append(Csv.text(t.source()))
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * The fitted scenario as a file that extends the base: the fitted values and every {@code --set}
     * of the run (a list crossed by a path is written whole, because lists replace rather than
     * merge), so that the file is the model the fit was made on, with the fitted values.
     *
     * @param start the base as the fit started from it (after {@code --set}, before the targets
     *     file's run.families): where the values of {@code startEdits} are read
     * @param startEdits how the base was changed before the fit, as the user gave it (--set values),
     *     carried into the file and recorded in a comment; may be empty
     */
    public static String fittedYaml(Calibration calibration, Scenario fitted, String targetsName, double distance,
            Scenario start, List<String> startEdits) throws IOException, ScenarioException {
        return fittedYaml(calibration, fitted, targetsName, "distance "
                + String.format(java.util.Locale.ROOT, "%.4f", distance), "# See fit.csv for how each target is met,"
                + " and docs/calibration.md.\n", start, startEdits);
    }

    /**
     * As above, with the description's parenthesis ({@code note}) and the comment lines after the
     * first ({@code comment}, each ending in a line feed) given: for a posterior's median, say.
     */
    static String fittedYaml(Calibration calibration, Scenario fitted, String targetsName, String note,
            String comment, Scenario start, List<String> startEdits) throws IOException, ScenarioException {
        CalibrationSpec spec = calibration.spec();
        ObjectNode tree = ScenarioLoader.toTree(fitted);
        ObjectNode out = NODES.objectNode();
        out.put("extends", spec.base());
        out.put("name", fitted.name() + "-calibrated");
        out.put("description", "Calibrated to " + targetsName + " by alliancesim calibrate (" + note + ")");
        for (ParameterPath path : calibration.paths()) {
            copy(out, tree, path);
        }
        ObjectNode startTree = startEdits.isEmpty() ? null : ScenarioLoader.toTree(start);
        for (String edit : startEdits) {
            int eq = edit.indexOf('=');
            ParameterPath path = ParameterPath.parse(eq < 0 ? edit : edit.substring(0, eq));
            if (calibration.paths().contains(path)) {
                continue; // the fitted value replaces the start
            }
            // A list crossed by a path holds the fitted values too: take it from the fitted scenario.
            boolean list = path.segments().stream().anyMatch(x -> !(x instanceof String));
            copy(out, list ? tree : startTree, path);
        }
        return "# Calibrated by `alliancesim calibrate " + targetsName + "`: the fitted parameters, on top of "
                + spec.base() + ".\n" + comment
                + (startEdits.isEmpty() ? "" : "# The fit started from " + spec.base() + " with --set "
                        + String.join(" --set ", startEdits) + ", carried into this file (docs/calibration.md).\n")
                + YAML.writeValueAsString(out);
    }

    /** Copies the value at {@code path} from {@code source} into {@code out} (a list crossed by the path whole). */
    private static void copy(ObjectNode out, JsonNode source, ParameterPath path) {
        List<Object> parts = path.segments();
        String top = (String) parts.get(0);
        if (parts.stream().anyMatch(x -> !(x instanceof String))) { // a list entry, or every entry
            out.set(top, source.get(top).deepCopy());
            return;
        }
        ObjectNode node = out;
        for (int i = 0; i < parts.size() - 1; i++) {
            String part = (String) parts.get(i);
            source = source.get(part);
            node = node.has(part) ? (ObjectNode) node.get(part) : node.putObject(part);
        }
        String last = (String) parts.get(parts.size() - 1);
        node.set(last, source.get(last).deepCopy());
    }

    /** The optimiser's trace as CSV: evaluation, distance, best so far, then each parameter's value. */
    public static String traceCsv(CalibrationSpec spec, Calibration.Fit fit) {
        StringBuilder trace = new StringBuilder("evaluation,distance,best");
        spec.parameters().forEach(q -> trace.append(',').append(q.path()));
        trace.append('\n');
        for (Calibration.Evaluation e : fit.trace()) {
            trace.append(e.index()).append(',').append(Csv.num(e.distance())).append(',').append(Csv.num(e.best()));
            for (double x : e.x()) {
                trace.append(',').append(Csv.num(x));
            }
            trace.append('\n');
        }
        return trace.toString();
    }

    /** Writes fitted.yaml, fit.csv, trace.csv, the charts, summary.json and report.html of a calibration. */
    public static void writeCalibration(ResultsFolder folder, Calibration calibration, String targetsName,
            Scenario start, List<String> startEdits, Calibration.Fit fit, Scenario fitted, ExperimentResult check,
            List<Row> rows, Provenance p) throws IOException, ScenarioException {
        CalibrationSpec spec = calibration.spec();
        folder.write("fitted.yaml", fittedYaml(calibration, fitted, targetsName, fit.distance(), start, startEdits));
        folder.write("fit.csv", csv(rows));
        folder.write("trace.csv", traceCsv(spec, fit));
        double[] d = new double[fit.trace().size()];
        double[] b = new double[fit.trace().size()];
        for (Calibration.Evaluation e : fit.trace()) {
            d[e.index() - 1] = e.distance();
            b[e.index() - 1] = e.best();
        }
        String subtitle = targetsName + " on " + spec.base() + ": " + fit.trace().size() + " evaluations of "
                + spec.replications() + " x " + spec.families() + " families, seed " + spec.seed();
        List<HtmlReport.Figure> figures = new ArrayList<>();
        ChartTable traceData = ChartData.trace(d, b);
        Figures.add(folder, figures, "trace", "Optimiser trace", "Distance to the targets at each evaluation and the best"
                + " so far (BOBYQA; common random numbers).", Charts.trace("Calibration trace", subtitle, traceData),
                traceData);
        ChartTable retention = ChartData.retentionWithAnchors(check.retention(), anchors(spec));
        Figures.add(folder, figures, "retention-vs-literature", "Retention of the fitted model",
                "Kaplan-Meier retention of the fitted scenario (check run) beside the published ranges.",
                Charts.retentionWithAnchors("Fitted model against the literature", subtitle, retention), retention);
        ObjectNode summary = NODES.objectNode();
        summary.put("targets", targetsName);
        summary.put("base", spec.base());
        summary.put("evaluations", fit.trace().size());
        summary.put("distance", fit.distance());
        ObjectNode params = summary.putObject("parameters");
        for (int i = 0; i < fit.best().length; i++) {
            ObjectNode q = params.putObject(spec.parameters().get(i).path());
            q.put("start", fit.start()[i]);
            q.put("fitted", fit.best()[i]);
            q.put("min", spec.parameters().get(i).min());
            q.put("max", spec.parameters().get(i).max());
        }
        summary.set("fit", tableNode(rows));
        summary.put("check", "fit table from " + check.replications() + " replications at seed " + (spec.seed() + 1)
                + ", a seed the fit never saw");
        summary.set("provenance", RunReport.provenanceNode(fitted, p));
        folder.write("summary.json", JSON.writeValueAsString(summary) + "\n");
        List<List<String>> paramRows = new ArrayList<>();
        for (int i = 0; i < fit.best().length; i++) {
            CalibrationSpec.Parameter q = spec.parameters().get(i);
            paramRows.add(List.of(q.path(), HtmlReport.fmt(fit.start()[i]), HtmlReport.fmt(fit.best()[i]),
                    "[" + HtmlReport.fmt(q.min()) + ", " + HtmlReport.fmt(q.max()) + "]"));
        }
        folder.write("report.html", HtmlReport.page("alliancesim calibrate: " + targetsName,
                "Method of simulated moments on " + spec.base() + "; distance " + HtmlReport.fmt(fit.distance())
                        + " after " + fit.trace().size() + " evaluations. The fit table comes from a check run on a"
                        + " fresh seed.",
                List.of(new HtmlReport.Table("Fitted parameters", List.of("parameter", "start", "fitted", "bounds"),
                        paramRows), table(rows)), figures, RunReport.provenanceRows(fitted, check, p),
                ScenarioLoader.toYaml(fitted)));
    }

    /**
     * The files of {@code validate}: calibration.csv (the calibration set's rows, the columns of
     * fit.csv), validation.csv (the validation set's rows), summary.json and report.html with both
     * tables apart, and the retention chart beside the anchors.
     */
    public static void writeValidation(ResultsFolder folder, CalibrationSpec spec, String targetsName,
            List<Row> rows, List<ValidationSet.Row> validation, Scenario s, ExperimentResult r, Provenance p)
            throws IOException {
        writeValidation(folder, spec, targetsName, rows, validation, s, r, null, p);
    }

    /**
     * As above, with the validation set's posterior predictive distributions (validate --posterior):
     * posterior-predictive.csv, a {@code posterior_predictive} object in summary.json and a table in
     * report.html; {@code predictive} null for none.
     */
    public static void writeValidation(ResultsFolder folder, CalibrationSpec spec, String targetsName,
            List<Row> rows, List<ValidationSet.Row> validation, Scenario s, ExperimentResult r,
            PosteriorPredictive.Patterns predictive, Provenance p) throws IOException {
        folder.write("calibration.csv", csv(rows));
        folder.write("validation.csv", validationCsv(validation));
        String subtitle = s.name() + " against " + targetsName + ": " + r.replications() + " replications x "
                + s.model().run().families() + " families, seed " + s.seed();
        List<HtmlReport.Figure> figures = new ArrayList<>();
        ChartTable retention = ChartData.retentionWithAnchors(r.retention(), anchors(spec));
        Figures.add(folder, figures, "retention-vs-literature", "Retention against the literature",
                "Kaplan-Meier retention with Greenwood 95% band, beside the published ranges of the targets file"
                        + " (each drawn in the middle of the step it constrains: the range for 'after 2 sessions'"
                        + " sits between 2 and 3).",
                Charts.retentionWithAnchors("Retention against the literature", subtitle, retention), retention);
        ObjectNode summary = NODES.objectNode();
        summary.put("scenario", s.name());
        summary.put("targets", targetsName);
        summary.put("replications", r.replications());
        summary.put("seed", s.seed());
        summary.set("calibration", tableNode(rows));
        summary.set("validation", validationNode(validation));
        List<HtmlReport.Table> tables = new ArrayList<>(List.of(table(rows), validationTable(validation)));
        if (predictive != null) {
            folder.write(PREDICTIVE_CSV, predictiveCsv(predictive.rows()));
            ObjectNode pp = summary.putObject("posterior_predictive");
            predictiveHeader(pp, predictive.posterior(), predictive.draws(), predictive.replications());
            ObjectNode byPattern = pp.putObject("patterns");
            for (PosteriorPredictive.PatternRow q : predictive.rows()) {
                ObjectNode o = byPattern.putObject(q.pattern().statistic());
                o.put("min", q.pattern().min());
                o.put("max", q.pattern().max());
                o.put("published", q.pattern().published());
                RunReport.put(o, "monte_carlo_estimate", q.monteCarlo().mean());
                RunReport.put(o, "monte_carlo_ci95_low", q.monteCarlo().lower());
                RunReport.put(o, "monte_carlo_ci95_high", q.monteCarlo().upper());
                RunReport.put(o, "posterior_median", q.predictive().median());
                RunReport.put(o, "posterior_ci95_low", q.predictive().lower());
                RunReport.put(o, "posterior_ci95_high", q.predictive().upper());
                RunReport.put(o, "probability_in_range", q.inRange());
                o.put("draws", q.predictive().draws());
            }
            List<List<String>> pr = new ArrayList<>();
            for (PosteriorPredictive.PatternRow q : predictive.rows()) {
                pr.add(List.of(q.pattern().statistic(), "[" + HtmlReport.fmt(q.pattern().min()) + ", "
                        + HtmlReport.fmt(q.pattern().max()) + "]", HtmlReport.ci(q.monteCarlo().mean(),
                        q.monteCarlo().lower(), q.monteCarlo().upper()), HtmlReport.ci(q.predictive().median(),
                        q.predictive().lower(), q.predictive().upper()), HtmlReport.fmt(q.inRange())));
            }
            tables.add(new HtmlReport.Table("Posterior predictive (" + predictive.draws() + " draws from "
                    + predictive.posterior() + ", " + predictive.replications() + " replications each)",
                    List.of("pattern", "published range", "Monte Carlo [95% CI]", "posterior median [95% interval]",
                            "P(in range)"), pr));
        }
        summary.set("provenance", RunReport.provenanceNode(s, p));
        folder.write("summary.json", JSON.writeValueAsString(summary) + "\n");
        folder.write("report.html", HtmlReport.page("alliancesim validate: " + s.name(),
                "The calibration set (" + targetsName + ", what the fit aims at) and the validation set (never"
                        + " fitted), each statistic estimated by the model with its 95% CI over replications and"
                        + " whether it falls in the published range"
                        + (predictive == null ? "." : "; the validation set's posterior predictive distributions"
                                + " carry the parameters' uncertainty as well."),
                tables, figures, RunReport.provenanceRows(s, r, p), ScenarioLoader.toYaml(s)));
    }

    /** The validation set's rows as CSV: set, statistic, min, max, published, estimate, CI, n, in range, source. */
    /** posterior-predictive.csv of validate --posterior: a row per pattern. */
    public static String predictiveCsv(List<PosteriorPredictive.PatternRow> rows) {
        StringBuilder sb = new StringBuilder("statistic,min,max,published,estimate,ci95_low,ci95_high,posterior_median,"
                + "posterior_ci95_low,posterior_ci95_high,probability_in_range,draws,source\n");
        for (PosteriorPredictive.PatternRow q : rows) {
            var t = q.pattern();
            sb.append(t.statistic()).append(',').append(Csv.num(t.min())).append(',').append(Csv.num(t.max()))
                    .append(',').append(Csv.text(t.published())).append(',').append(Csv.num(q.monteCarlo().mean()))
                    .append(',').append(Csv.num(q.monteCarlo().lower())).append(',')
                    .append(Csv.num(q.monteCarlo().upper())).append(',').append(Csv.num(q.predictive().median()))
                    .append(',').append(Csv.num(q.predictive().lower())).append(',')
                    .append(Csv.num(q.predictive().upper())).append(',').append(Csv.num(q.inRange())).append(',')
                    .append(q.predictive().draws()).append(',').append(Csv.text(t.source())).append('\n');
        }
        return sb.toString();
    }

    /** The provenance of a posterior predictive object in summary.json. */
    static void predictiveHeader(ObjectNode o, String posterior, int draws, int replications) {
        o.put("posterior", posterior);
        o.put("draws", draws);
        o.put("replications_per_draw", replications);
        o.put("method", "each draw: a particle drawn by weight (keyed stream), its values applied to the scenario,"
                + " replications (j+1)R..(j+2)R-1 of the seed; interval: 2.5% and 97.5% quantiles of the draws (type 7)");
    }

    public static String validationCsv(List<ValidationSet.Row> rows) {
        StringBuilder sb = new StringBuilder(
                "statistic,min,max,published,estimate,ci95_low,ci95_high,n,in_range,source\n");
        for (ValidationSet.Row r : rows) {
            ValidationSpec.Pattern t = r.pattern();
            sb.append(t.statistic()).append(',').append(Csv.num(t.min())).append(',').append(Csv.num(t.max()))
                    .append(',').append(Csv.text(t.published())).append(',').append(Csv.num(r.estimate().mean()))
                    .append(',').append(Csv.num(r.estimate().lower())).append(',')
                    .append(Csv.num(r.estimate().upper())).append(',').append(r.estimate().n()).append(',')
                    .append(r.inRange()).append(',').append(Csv.text(t.source())).append('\n');
        }
        return sb.toString();
    }

    private static HtmlReport.Table validationTable(List<ValidationSet.Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (ValidationSet.Row r : rows) {
            ValidationSpec.Pattern t = r.pattern();
            cells.add(List.of(t.statistic(), "[" + HtmlReport.fmt(t.min()) + ", " + HtmlReport.fmt(t.max()) + "] ("
                    + t.published() + ")", HtmlReport.ci(r.estimate().mean(), r.estimate().lower(),
                    r.estimate().upper()), r.inRange() ? "in range" : "OUT of range", t.source()));
        }
        return new HtmlReport.Table("Validation set (never fitted)",
                List.of("statistic", "published range", "model [95% CI]", "", "source"), cells);
    }

    private static JsonNode validationNode(List<ValidationSet.Row> rows) {
        ObjectNode o = NODES.objectNode();
        for (ValidationSet.Row r : rows) {
            ObjectNode t = o.putObject(r.pattern().statistic());
            t.put("min", r.pattern().min());
            t.put("max", r.pattern().max());
            t.put("published", r.pattern().published());
            RunReport.put(t, "estimate", r.estimate().mean());
            RunReport.put(t, "ci95_low", r.estimate().lower());
            RunReport.put(t, "ci95_high", r.estimate().upper());
            t.put("in_range", r.inRange());
            t.put("source", r.pattern().source());
        }
        return o;
    }

    static List<double[]> anchors(CalibrationSpec spec) {
        return spec.anchors().stream().map(a -> new double[] {a.session(), a.min(), a.max()}).toList();
    }

    private static HtmlReport.Table table(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            CalibrationSpec.Target t = r.target();
            cells.add(List.of(t.statistic(), "[" + HtmlReport.fmt(t.min()) + ", " + HtmlReport.fmt(t.max()) + "]",
                    HtmlReport.ci(r.estimate().mean(), r.estimate().lower(), r.estimate().upper()),
                    r.inRange() ? "in range" : "OUT of range", t.source()));
        }
        return new HtmlReport.Table("Calibration set (targets)", List.of("statistic", "published range", "model [95% CI]", "", "source"),
                cells);
    }

    private static JsonNode tableNode(List<Row> rows) {
        ObjectNode o = NODES.objectNode();
        for (Row r : rows) {
            ObjectNode t = o.putObject(r.target().statistic());
            t.put("min", r.target().min());
            t.put("max", r.target().max());
            t.put("target", r.target().target());
            RunReport.put(t, "estimate", r.estimate().mean());
            RunReport.put(t, "ci95_low", r.estimate().lower());
            RunReport.put(t, "ci95_high", r.estimate().upper());
            t.put("in_range", r.inRange());
            t.put("source", r.target().source());
        }
        return o;
    }
}
