package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.charts.ChartData;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;

/** The summary, charts and report of a {@code compare}. */
public final class CompareReport {

    public static final List<String> FILES = Figures.withCharts(List.of("summary.json", "families.csv", "arms.csv",
            "report.html", CalibrationReport.PREDICTIVE_CSV),
            "retention", "alliance");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Outcomes whose standardised effect (Cohen's d) is reported. */
    public static final List<String> EFFECT_OUTCOMES = List.of("improvement", "sessions", "alliance");

    private CompareReport() {}

    /**
     * Why a {@code compare --reps auto} stopped: after {@code replications} paired replications the
     * 95% half-width of B - A on {@code metric} was {@code halfWidth}; {@code reached} whether it is
     * at most {@code precision} (else the cap {@code max} stopped it).
     */
    public record Stopping(org.alliancesim.analysis.experiment.Metric metric, double precision, int block, int max,
            int replications, double halfWidth, boolean reached) {}

    /**
     * A comparison: both runs, the paired differences, dropout as a risk, effect sizes, and, with
     * --posterior, each difference's posterior predictive distribution (null without); what each arm
     * is called ({@code labelA}, {@code labelB}: the scenarios' names unless given), and with
     * {@code --reps auto} why it stopped ({@code stopping}, else null).
     */
    public record Result(Scenario a, Scenario b, ExperimentResult ra, ExperimentResult rb,
            List<Comparison.Difference> differences, Comparison.Risk dropout, List<Comparison.EffectSize> effects,
            PosteriorPredictive.Effects predictive, String labelA, String labelB, Stopping stopping) {

        public static Result of(Scenario a, Scenario b, ExperimentResult ra, ExperimentResult rb) {
            List<Comparison.EffectSize> effects = new ArrayList<>();
            for (String o : EFFECT_OUTCOMES) {
                effects.add(Comparison.cohensD(o, ra.moments(o), rb.moments(o)));
            }
            String la = a.name().equals(b.name()) ? a.name() + " (A)" : a.name();
            String lb = a.name().equals(b.name()) ? b.name() + " (B)" : b.name();
            return new Result(a, b, ra, rb, Comparison.paired(ra, rb), Comparison.dropout(ra, rb), effects, null, la,
                    lb, null);
        }

        /** A copy with the differences' posterior predictive distributions. */
        public Result withPredictive(PosteriorPredictive.Effects p) {
            return new Result(a, b, ra, rb, differences, dropout, effects, p, labelA, labelB, stopping);
        }

        /** A copy whose arms are called {@code la} and {@code lb}. */
        public Result withLabels(String la, String lb) {
            return new Result(a, b, ra, rb, differences, dropout, effects, predictive, la, lb, stopping);
        }

        /** A copy saying why an adaptive comparison stopped. */
        public Result withStopping(Stopping s) {
            return new Result(a, b, ra, rb, differences, dropout, effects, predictive, labelA, labelB, s);
        }
    }

    public static void write(ResultsFolder folder, Result r, Provenance p) throws IOException {
        String la = r.labelA();
        String lb = r.labelB();
        String subtitle = r.ra().replications() + " paired replications, seed " + r.a().seed()
                + (r.stopping() == null ? "" : " (--reps auto)");
        String vs = la + " vs " + lb;
        List<HtmlReport.Figure> figures = new ArrayList<>();
        // Curves and series are named by the arms' labels (arms.csv maps them to families.csv's A and B).
        ChartTable retention = ChartData.retention("scenario",
                List.of(new Charts.Curve(la, r.ra().retention()), new Charts.Curve(lb, r.rb().retention())));
        Figures.add(folder, figures, "retention", "Retention: " + vs,
                "Kaplan-Meier retention of A (" + la + ") and B (" + lb + ") on the same simulated families,"
                        + " Greenwood 95% bands.",
                Charts.retentionDetail("Retention: " + vs, subtitle, retention), retention);
        ChartTable alliance = ChartData.series("scenario", List.of(r.ra().allianceAll(la), r.rb().allianceAll(lb)));
        Figures.add(folder, figures, "alliance", "Alliance: " + vs,
                "Mean member alliance (SOFTA -3..+3) of families still attending, by session, in A (" + la
                        + ") and B (" + lb + "); band: 95% interval over replications.",
                Charts.series("Alliance: " + vs, subtitle,
                        "alliance (SOFTA, -3 to +3)", alliance, null), alliance);
        folder.write("arms.csv", armsCsv(r));
        folder.write("summary.json", JSON.writeValueAsString(summary(r, p)) + "\n");
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Difference d : r.differences()) {
            if (d.n() == 0) {
                continue;
            }
            rows.add(List.of(d.metric().label(), HtmlReport.fmt(d.meanA()), HtmlReport.fmt(d.meanB()),
                    HtmlReport.ci(d.difference(), d.lower(), d.upper()), p(d.p()), Long.toString(d.n())));
        }
        Comparison.Risk k = r.dropout();
        List<List<String>> effects = new ArrayList<>();
        effects.add(List.of("dropout risk difference (B - A)", HtmlReport.ci(k.difference(), k.differenceLower(),
                k.differenceUpper())));
        effects.add(List.of("dropout risk ratio (B / A)", HtmlReport.ci(k.ratio(), k.ratioLower(), k.ratioUpper())));
        for (Comparison.EffectSize e : r.effects()) {
            effects.add(List.of("Cohen's d, " + e.outcome(), HtmlReport.fmt(e.d())));
        }
        List<HtmlReport.Table> tables = new ArrayList<>(List.of(new HtmlReport.Table("Paired differences",
                List.of("metric", "A", "B", "B - A [95% CI]", "p", "n"), rows),
                new HtmlReport.Table("Effect sizes", List.of("effect", "value [95% CI]"), effects)));
        PosteriorPredictive.Effects pp = r.predictive();
        if (pp != null) {
            folder.write(CalibrationReport.PREDICTIVE_CSV, predictiveCsv(pp));
            List<List<String>> pr = new ArrayList<>();
            for (PosteriorPredictive.EffectRow e : pp.rows()) {
                Comparison.Difference d = e.monteCarlo();
                if (d.n() == 0) {
                    continue;
                }
                pr.add(List.of(d.metric().label(), HtmlReport.ci(d.difference(), d.lower(), d.upper()),
                        HtmlReport.ci(e.predictive().median(), e.predictive().lower(), e.predictive().upper())));
            }
            tables.add(new HtmlReport.Table("Posterior predictive B - A (" + pp.draws() + " draws from " + pp.posterior()
                    + ", " + pp.replications() + " paired replications each)", List.of("metric",
                    "Monte Carlo B - A [95% CI]", "posterior median [95% interval]"), pr));
        }
        if (r.stopping() != null) {
            Stopping st = r.stopping();
            tables.add(new HtmlReport.Table("Replications (--reps auto)", List.of("metric", "precision wanted",
                    "95% half-width reached", "replications", "block", "cap", "stopped because"),
                    List.of(List.of(st.metric().key(), HtmlReport.fmt(st.precision()), HtmlReport.fmt(st.halfWidth()),
                            Integer.toString(st.replications()), Integer.toString(st.block()),
                            Integer.toString(st.max()), st.reached() ? "precision reached" : "cap reached"))));
        }
        folder.write("report.html", HtmlReport.page("alliancesim: " + vs,
                "A = " + la + ": " + r.a().description() + " B = " + lb + ": " + r.b().description() + " Both run on"
                        + " the same simulated families (common random numbers); differences are B - A with 95%"
                        + " intervals over paired replications.",
                tables, figures, provenance(r, p), "# A\n" + ScenarioLoader.toYaml(r.a()) + "\n# B\n" + ScenarioLoader.toYaml(r.b())));
    }

    static ObjectNode summary(Result r, Provenance p) {
        ObjectNode root = NODES.objectNode();
        root.put("scenario_a", r.a().name());
        root.put("scenario_b", r.b().name());
        root.put("label_a", r.labelA());
        root.put("label_b", r.labelB());
        root.put("seed", r.a().seed());
        root.put("replications", r.ra().replications());
        root.put("pairing", "common random numbers: both scenarios use the same seed and replication numbers");
        if (r.stopping() != null) {
            Stopping st = r.stopping();
            ObjectNode auto = root.putObject("replications_auto");
            auto.put("metric", st.metric().key());
            RunReport.put(auto, "precision", st.precision());
            RunReport.put(auto, "half_width", st.halfWidth());
            auto.put("block", st.block());
            auto.put("max", st.max());
            auto.put("reached", st.reached());
        }
        root.set("metrics_a", RunReport.metricsNode(r.ra().summaries()));
        root.set("metrics_b", RunReport.metricsNode(r.rb().summaries()));
        ObjectNode diffs = root.putObject("differences");
        for (Comparison.Difference d : r.differences()) {
            ObjectNode o = diffs.putObject(d.metric().key());
            RunReport.put(o, "mean_a", d.meanA());
            RunReport.put(o, "mean_b", d.meanB());
            RunReport.put(o, "difference", d.difference());
            RunReport.put(o, "ci95_low", d.lower());
            RunReport.put(o, "ci95_high", d.upper());
            RunReport.put(o, "p", d.p());
            o.put("n", d.n());
        }
        ObjectNode risk = root.putObject("dropout_risk");
        Comparison.Risk k = r.dropout();
        RunReport.put(risk, "risk_a", k.riskA());
        RunReport.put(risk, "risk_b", k.riskB());
        RunReport.put(risk, "difference", k.difference());
        RunReport.put(risk, "difference_ci95_low", k.differenceLower());
        RunReport.put(risk, "difference_ci95_high", k.differenceUpper());
        RunReport.put(risk, "ratio", k.ratio());
        RunReport.put(risk, "ratio_ci95_low", k.ratioLower());
        RunReport.put(risk, "ratio_ci95_high", k.ratioUpper());
        ObjectNode eff = root.putObject("cohens_d");
        for (Comparison.EffectSize e : r.effects()) {
            RunReport.put(eff, e.outcome(), e.d());
        }
        if (r.predictive() != null) {
            ObjectNode pp = root.putObject("posterior_predictive");
            CalibrationReport.predictiveHeader(pp, r.predictive().posterior(), r.predictive().draws(),
                    r.predictive().replications());
            ObjectNode by = pp.putObject("differences");
            for (PosteriorPredictive.EffectRow e : r.predictive().rows()) {
                ObjectNode o = by.putObject(e.monteCarlo().metric().key());
                RunReport.put(o, "monte_carlo_difference", e.monteCarlo().difference());
                RunReport.put(o, "monte_carlo_ci95_low", e.monteCarlo().lower());
                RunReport.put(o, "monte_carlo_ci95_high", e.monteCarlo().upper());
                RunReport.put(o, "posterior_median", e.predictive().median());
                RunReport.put(o, "posterior_ci95_low", e.predictive().lower());
                RunReport.put(o, "posterior_ci95_high", e.predictive().upper());
                o.put("draws", e.predictive().draws());
            }
        }
        ObjectNode prov = RunReport.provenanceNode(r.a(), p);
        prov.remove("scenario");
        prov.set("scenario_a", ScenarioLoader.toTree(r.a()));
        prov.set("scenario_b", ScenarioLoader.toTree(r.b()));
        root.set("provenance", prov);
        return root;
    }

    /** arms.csv: which arm (families.csv's scenario column) is called what, from which scenario. */
    static String armsCsv(Result r) {
        return "arm,label,scenario\n"
                + "A," + Csv.text(r.labelA()) + "," + Csv.text(r.a().name()) + "\n"
                + "B," + Csv.text(r.labelB()) + "," + Csv.text(r.b().name()) + "\n";
    }

    /** posterior-predictive.csv of compare --posterior: a row per metric. */
    public static String predictiveCsv(PosteriorPredictive.Effects pp) {
        StringBuilder sb = new StringBuilder("metric,difference,ci95_low,ci95_high,posterior_median,posterior_ci95_low,"
                + "posterior_ci95_high,draws\n");
        for (PosteriorPredictive.EffectRow e : pp.rows()) {
            Comparison.Difference d = e.monteCarlo();
            sb.append(d.metric().key()).append(',').append(Csv.num(d.difference())).append(',')
                    .append(Csv.num(d.lower())).append(',').append(Csv.num(d.upper())).append(',')
                    .append(Csv.num(e.predictive().median())).append(',').append(Csv.num(e.predictive().lower()))
                    .append(',').append(Csv.num(e.predictive().upper())).append(',').append(e.predictive().draws())
                    .append('\n');
        }
        return sb.toString();
    }

    static List<String[]> provenance(Result r, Provenance p) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"program", "alliancesim " + p.version()});
        rows.add(new String[] {"command line", "alliancesim " + String.join(" ", p.arguments())});
        rows.add(new String[] {"seed", Long.toString(r.a().seed())});
        rows.add(new String[] {"replications", Integer.toString(r.ra().replications())});
        rows.add(new String[] {"started", p.started().toString()});
        rows.add(new String[] {"finished", p.finished().toString()});
        return rows;
    }

    /** A precision as the console prints it: as written, without trailing zeros ({@code 0.01}). */
    public static String fmtPrecision(double h) {
        return java.math.BigDecimal.valueOf(h).stripTrailingZeros().toPlainString();
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "" : p < 0.001 ? "<0.001" : String.format(java.util.Locale.ROOT, "%.3f", p);
    }
}
