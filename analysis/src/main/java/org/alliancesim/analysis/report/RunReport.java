package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.charts.ChartData;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.RetentionTally;
import org.alliancesim.analysis.experiment.Tally;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.jfree.chart.JFreeChart;

/** The summary, charts and report of a {@code run}. */
public final class RunReport {

    /** Every file a run may write, relative to the folder (for replacing earlier results with --force). */
    public static final List<String> FILES = Figures.withCharts(List.of("summary.json", "families.csv",
            "families.csv.gz", "sessions.csv", "sessions.csv.gz", "report.html"), "retention", "retention-by-referral",
            "retention-by-family-type", "alliance-by-role", "dropout-timing", "split-alliance", "improvement-by-end-reason");

    /** Retention of each family type of the scenario (the chart retention-by-family-type). */
    public static final Tally.Kind<RetentionTally> RETENTION_BY_FAMILY_TYPE = RetentionTally.by("family type",
            CourseRecord::familyType);

    /** The tallies this report reads beyond the standard ones ({@link ExperimentResult#with}). */
    public static final List<Tally.Kind<?>> TALLIES = List.of(RETENTION_BY_FAMILY_TYPE);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunReport() {}

    /** A chart, the table it is drawn from, its file name and caption. */
    record Named(String file, String title, String caption, JFreeChart chart, ChartTable data) {}

    /** Writes summary.json, the charts (PNG and SVG) and report.html into the folder. */
    public static void write(ResultsFolder folder, Scenario s, ExperimentResult r, Provenance p) throws IOException {
        write(folder, s, r, p, 1);
    }

    /** As above, rendering the charts on up to {@code threads} threads (the files are the same). */
    public static void write(ResultsFolder folder, Scenario s, ExperimentResult r, Provenance p, int threads)
            throws IOException {
        String subtitle = s.name() + ": " + r.replications() + " replications x " + s.model().run().families()
                + " families, seed " + s.seed();
        List<Named> charts = charts(s, r, subtitle);
        List<HtmlReport.Figure> figures = new ArrayList<>();
        Figures.Batch batch = new Figures.Batch(threads);
        for (Named c : charts) {
            batch.add(folder::write, c.file(), c.title(), c.caption(), c.chart(), c.data());
        }
        batch.writeInto(figures);
        Map<Metric, MetricSummary> summaries = r.summaries();
        folder.write("summary.json", JSON.writeValueAsString(summary(s, r, summaries, p)) + "\n");
        folder.write("report.html", HtmlReport.page("alliancesim: " + s.name(),
                s.description() + " (" + r.replications() + " replications of " + s.model().run().families()
                        + " families; 95% confidence intervals over replications.)",
                List.of(metricsTable(summaries)), figures, provenanceRows(s, r, p), ScenarioLoader.toYaml(s)));
    }

    static List<Named> charts(Scenario s, ExperimentResult r, String subtitle) {
        List<Named> out = new ArrayList<>();
        ChartTable retention = ChartData.retention(null, List.of(new Charts.Curve("all families", r.retention())));
        out.add(new Named("retention", "Retention over sessions",
                "Kaplan-Meier estimate of the share of families not yet dropped out, by sessions attended, with"
                        + " Greenwood 95% band; completions and censored courses are censored.",
                Charts.retention("Retention over sessions", subtitle, retention), retention));
        if (r.retentionVoluntary().subjects() > 0 && r.retentionInvoluntary().subjects() > 0) {
            ChartTable byReferral = ChartData.retention("referral",
                    List.of(new Charts.Curve("voluntary", r.retentionVoluntary()),
                            new Charts.Curve("involuntary", r.retentionInvoluntary())));
            out.add(new Named("retention-by-referral", "Retention by referral",
                    "Kaplan-Meier retention of voluntary and involuntary families, with Greenwood 95% bands.",
                    Charts.retention("Retention by referral", subtitle, byReferral), byReferral));
        }
        if (r.kinds().contains(RETENTION_BY_FAMILY_TYPE) && s.model().families().size() > 1) {
            RetentionTally.Curves byType = r.snapshot(RETENTION_BY_FAMILY_TYPE);
            List<Charts.Curve> curves = new ArrayList<>();
            for (var type : s.model().families()) {
                if (byType.curve(type.name()).subjects() > 0) {
                    curves.add(new Charts.Curve(type.name(), byType.curve(type.name())));
                }
            }
            ChartTable table = ChartData.retention("family_type", curves);
            out.add(new Named("retention-by-family-type", "Retention by family type",
                    "Kaplan-Meier retention of each family type of the scenario, with Greenwood 95% bands;"
                            + " completions and censored courses are censored.",
                    Charts.retentionDetail("Retention by family type", subtitle, table), table));
        }
        ChartTable byRole = ChartData.series("role", r.allianceByRole());
        out.add(new Named("alliance-by-role", "Alliance by role",
                "Mean composite alliance (SOFTA scale -3..+3) of members still attending, by role and session;"
                        + " band: 95% interval over replications.",
                Charts.series("Alliance by role", subtitle, "alliance (SOFTA, -3 to +3)", byRole, null), byRole));
        ChartTable timing = ChartData.dropoutTiming(r.dropoutsPerReplicationAtSession(), s.model().run().sessionLimit());
        out.add(new Named("dropout-timing", "Dropout timing",
                "Families who dropped out, by the session they did not come back for (2 = left after one"
                        + " session), mean per replication.",
                Charts.dropoutTiming("Dropout timing", subtitle, timing), timing));
        ChartTable split = ChartData.series("series", r.splitSeries());
        out.add(new Named("split-alliance", "Split alliance",
                "Spread between the most and least allied member, and parents minus young people, by session;"
                        + " band: 95% interval over replications.",
                Charts.series("Split alliance", subtitle, "alliance difference (SOFTA points)", split, null), split));
        ChartTable improvement = ChartData.improvementByEnd(r.improvementByEndReason());
        out.add(new Named("improvement-by-end-reason", "Improvement by end reason",
                "Distribution of improvement (1.0 = reliable change) by how the course ended: box = quartiles,"
                        + " line = median, whiskers = the furthest values within 1.5 IQR of the box.",
                Charts.improvementByEnd("Improvement by end reason", subtitle, improvement), improvement));
        return out;
    }

    /** The summary.json tree. */
    public static ObjectNode summary(Scenario s, ExperimentResult r, Provenance p) {
        return summary(s, r, r.summaries(), p);
    }

    static ObjectNode summary(Scenario s, ExperimentResult r, Map<Metric, MetricSummary> summaries, Provenance p) {
        ObjectNode root = NODES.objectNode();
        root.put("scenario", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        root.put("replications", r.replications());
        root.put("families_per_replication", s.model().run().families());
        root.put("families", r.families());
        root.set("metrics", metricsNode(summaries));
        root.set("provenance", provenanceNode(s, p));
        return root;
    }

    static ObjectNode metricsNode(Map<Metric, MetricSummary> summaries) {
        ObjectNode metrics = NODES.objectNode();
        for (Map.Entry<Metric, MetricSummary> e : summaries.entrySet()) {
            ObjectNode m = metrics.putObject(e.getKey().key());
            MetricSummary v = e.getValue();
            put(m, "mean", v.mean());
            put(m, "sd", v.sd());
            put(m, "ci95_low", v.lower());
            put(m, "ci95_high", v.upper());
            m.put("n", v.n());
            m.put("definition", e.getKey().definition());
        }
        return metrics;
    }

    static ObjectNode provenanceNode(Scenario s, Provenance p) {
        ObjectNode prov = NODES.objectNode();
        prov.put("program", "alliancesim");
        Provenance.build().putInto(prov);
        ArrayNode args = prov.putArray("command_line");
        args.add("alliancesim");
        p.arguments().forEach(args::add);
        prov.put("seed", s.seed());
        prov.put("started", p.started().toString());
        prov.put("finished", p.finished().toString());
        prov.set("scenario", ScenarioLoader.toTree(s));
        return prov;
    }

    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static HtmlReport.Table metricsTable(Map<Metric, MetricSummary> summaries) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Metric, MetricSummary> e : summaries.entrySet()) {
            MetricSummary v = e.getValue();
            if (v.n() == 0) {
                continue;
            }
            rows.add(List.of(e.getKey().label(), HtmlReport.ci(v.mean(), v.lower(), v.upper()), HtmlReport.fmt(v.sd()),
                    Long.toString(v.n()), e.getKey().definition()));
        }
        return new HtmlReport.Table("Summary", List.of("metric", "mean [95% CI]", "sd", "n (replications)",
                "definition"), rows);
    }

    static List<String[]> provenanceRows(Scenario s, ExperimentResult r, Provenance p) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"program", "alliancesim " + p.version()});
        rows.add(new String[] {"command line", "alliancesim " + String.join(" ", p.arguments())});
        rows.add(new String[] {"scenario", s.name()});
        rows.add(new String[] {"seed", Long.toString(s.seed())});
        rows.add(new String[] {"replications", Integer.toString(r.replications())});
        rows.add(new String[] {"started", p.started().toString()});
        rows.add(new String[] {"finished", p.finished().toString()});
        return rows;
    }
}
