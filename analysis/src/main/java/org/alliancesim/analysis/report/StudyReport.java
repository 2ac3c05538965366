package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.MeasuresCsv;
import org.alliancesim.analysis.study.StudyFamily;
import org.alliancesim.analysis.study.StudyPower;
import org.alliancesim.analysis.study.StudyStatistic;
import org.alliancesim.analysis.study.VirtualStudy;
import org.alliancesim.measurement.Measure;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.StudySpec;

/**
 * Files of {@code study} (docs/outputs.md, "study"): measures.csv, study.csv (a row per family),
 * results.csv (observed beside latent), power.csv and the power curve when a power analysis ran,
 * summary.json and report.html.
 */
public final class StudyReport {

    /** Every file a study may write (those a --force run replaces). */
    public static final List<String> FILES = Figures.withCharts(List.of("measures.csv", "study.csv", "results.csv",
            "power.csv", "summary.json", "report.html"), "power-curve");

    /** study.csv's columns. */
    public static final String STUDY_HEADER = "replication,family_id,therapist_id,end_reason,sessions_attended,dropout,"
            + "alliance_observed,alliance_latent,split_observed,split_latent,outcome_baseline,outcome_end,rci,"
            + "outcome_baseline_latent,outcome_end_latent\n";
    /** results.csv's columns. */
    public static final String RESULTS_HEADER = "statistic,label,estimate,lower,upper,p_value,latent,n\n";
    /** power.csv's columns. */
    public static final String POWER_HEADER = "effect,families,replications,detected,power,lower,upper\n";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private StudyReport() {}

    /**
     * A finished study, as the report needs it.
     *
     * @param scenario the scenario
     * @param study the virtual study (design and measurement)
     * @param designSource the design file, or "defaults"
     * @param sample the study's sample
     * @param statistics its analyses
     * @param therapists therapists the sample met
     * @param replications samples per size of the power analysis
     * @param power the power analysis' points (empty when none ran)
     */
    public record Study(Scenario scenario, VirtualStudy study, String designSource, VirtualStudy.Sample sample,
            List<StudyStatistic> statistics, int therapists, int replications, List<StudyPower.Point> power) {}

    /** Writes the study's files into {@code folder}. */
    public static void write(ResultsFolder folder, Study s, Provenance p) throws IOException {
        try (Writer w = folder.writer("measures.csv")) {
            w.write(MeasuresCsv.HEADER);
            StringBuilder sb = new StringBuilder(1 << 16);
            for (Measure m : s.sample().measures()) {
                MeasuresCsv.append(sb, m);
                if (sb.length() > 1 << 16) {
                    w.append(sb);
                    sb.setLength(0);
                }
            }
            w.append(sb);
        }
        folder.write("study.csv", studyCsv(s.sample().families()));
        folder.write("results.csv", resultsCsv(s.statistics()));
        List<HtmlReport.Figure> figures = new ArrayList<>();
        if (!s.power().isEmpty()) {
            folder.write("power.csv", powerCsv(s.power()));
            ChartTable table = powerTable(s.power());
            Figures.add(folder, figures, "power-curve", "Power by sample size",
                    "Share of " + s.replications() + " simulated studies per size that detect each effect (p < "
                            + HtmlReport.fmt(s.study().design().alpha()) + "; therapist shares: 95% interval above 0),"
                            + " with Clopper-Pearson 95% bands; dashed line at 0.8.",
                    Charts.power("Power to detect each effect", subtitle(s), table), table);
        }
        folder.write("summary.json", JSON.writeValueAsString(summary(s, p)) + "\n");
        folder.write("report.html", html(s, figures, p));
    }

    static String subtitle(Study s) {
        StudySpec d = s.study().design();
        return s.scenario().name() + ", " + d.therapists() + " therapists, early alliance at session "
                + d.earlySession() + ", seed " + d.seed();
    }

    /** study.csv: a row per family that started; alliance and outcome values written with every digit. */
    static String studyCsv(List<StudyFamily> families) {
        StringBuilder sb = new StringBuilder(STUDY_HEADER);
        for (StudyFamily f : families) {
            sb.append(f.replication()).append(',').append(f.familyId()).append(',').append(f.therapistId()).append(',')
                    .append(f.endReason().name().toLowerCase(Locale.ROOT)).append(',').append(f.sessionsAttended())
                    .append(',').append(f.dropout() ? 1 : 0);
            for (double v : new double[] {f.allianceObserved(), f.allianceLatent(), f.splitObserved(), f.splitLatent(),
                f.outcomeBaseline(), f.outcomeEnd(), f.rci(), f.outcomeBaselineLatent(), f.outcomeEndLatent()}) {
                sb.append(',').append(Csv.exact(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** results.csv: numbers to six decimals, except the p-value, written with every digit (small ones stay nonzero). */
    static String resultsCsv(List<StudyStatistic> statistics) {
        StringBuilder sb = new StringBuilder(RESULTS_HEADER);
        for (StudyStatistic t : statistics) {
            sb.append(t.name()).append(',').append(Csv.text(t.label())).append(',').append(Csv.num(t.observed().value()))
                    .append(',').append(Csv.num(t.observed().lower())).append(',').append(Csv.num(t.observed().upper()))
                    .append(',').append(Csv.exact(t.pValue())).append(',').append(Csv.num(t.latent())).append(',')
                    .append(t.n()).append('\n');
        }
        return sb.toString();
    }

    static String powerCsv(List<StudyPower.Point> power) {
        StringBuilder sb = new StringBuilder(POWER_HEADER);
        for (StudyPower.Point q : power) {
            sb.append(q.effect()).append(',').append(q.families()).append(',').append(q.replications()).append(',')
                    .append(q.detected()).append(',').append(Csv.num(q.power().value())).append(',')
                    .append(Csv.num(q.power().lower())).append(',').append(Csv.num(q.power().upper())).append('\n');
        }
        return sb.toString();
    }

    /** The power curve's data: effect, families, power, lower, upper. */
    static ChartTable powerTable(List<StudyPower.Point> power) {
        List<List<Object>> rows = new ArrayList<>();
        for (StudyPower.Point q : power) {
            rows.add(List.of(q.effect(), (long) q.families(), q.power().value(), q.power().lower(), q.power().upper()));
        }
        return new ChartTable(List.of("effect", "families", "power", "lower", "upper"), rows);
    }

    private static ObjectNode summary(Study s, Provenance p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("scenario", s.scenario().name());
        o.put("design_source", s.designSource());
        o.set("design", JSON.valueToTree(s.study().design()));
        o.put("families", s.sample().families().size());
        o.put("therapists", s.therapists());
        ArrayNode stats = o.putArray("statistics");
        for (StudyStatistic t : s.statistics()) {
            ObjectNode n = stats.addObject();
            n.put("statistic", t.name());
            n.put("label", t.label());
            RunReport.put(n, "estimate", t.observed().value());
            RunReport.put(n, "lower", t.observed().lower());
            RunReport.put(n, "upper", t.observed().upper());
            RunReport.put(n, "p_value", t.pValue());
            RunReport.put(n, "latent", t.latent());
            n.put("n", t.n());
        }
        ArrayNode power = o.putArray("power");
        for (StudyPower.Point q : s.power()) {
            ObjectNode n = power.addObject();
            n.put("effect", q.effect());
            n.put("families", q.families());
            n.put("replications", q.replications());
            n.put("detected", q.detected());
            n.put("power", q.power().value());
            n.put("lower", q.power().lower());
            n.put("upper", q.power().upper());
        }
        ObjectNode prov = RunReport.provenanceNode(s.scenario().withSeed(s.study().design().seed()), p);
        prov.set("measurement", JSON.valueToTree(s.study().measurement()));
        o.set("provenance", prov);
        return o;
    }

    private static String html(Study s, List<HtmlReport.Figure> figures, Provenance p) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyStatistic t : s.statistics()) {
            rows.add(List.of(t.name(), t.label(), HtmlReport.ci(t.observed().value(), t.observed().lower(),
                    t.observed().upper()), t.pValue() < 0.001 ? "< 0.001" : HtmlReport.fmt(t.pValue()),
                    HtmlReport.fmt(t.latent()),
                    Integer.toString(t.n())));
        }
        List<HtmlReport.Table> tables = new ArrayList<>();
        tables.add(new HtmlReport.Table("Observed beside latent", List.of("statistic", "what", "observed [95% CI]",
                "p", "latent", "n"), rows));
        if (!s.power().isEmpty()) {
            List<List<String>> power = new ArrayList<>();
            for (StudyPower.Point q : s.power()) {
                power.add(List.of(q.effect(), Integer.toString(q.families()), q.detected() + " / " + q.replications(),
                        HtmlReport.ci(q.power().value(), q.power().lower(), q.power().upper())));
            }
            tables.add(new HtmlReport.Table("Power (Clopper-Pearson 95% intervals)", List.of("effect", "families",
                    "detected", "power [95% CI]"), power));
        }
        StudySpec d = s.study().design();
        List<String[]> prov = new ArrayList<>();
        prov.add(new String[] {"program", "alliancesim " + p.version()});
        prov.add(new String[] {"command line", "alliancesim " + String.join(" ", p.arguments())});
        prov.add(new String[] {"scenario", s.scenario().name()});
        prov.add(new String[] {"design", s.designSource() + ": " + d.families() + " families, " + d.therapists()
                + " therapists (" + s.therapists() + " met), early alliance at session " + d.earlySession()
                + ", alpha " + d.alpha() + ", seed " + d.seed()});
        prov.add(new String[] {"started", p.started().toString()});
        prov.add(new String[] {"finished", p.finished().toString()});
        String intro = "A virtual study of " + s.sample().families().size() + " families that started treatment, measured"
                + " with the scenario's instruments and analysed as a paper would (observed), beside the same"
                + " statistic on the model's latent values of the same families (latent; for reliabilities, the"
                + " configured value). Measurement error attenuates the observed associations towards 0 (odds"
                + " ratios towards 1): by classical test theory an observed correlation is about the latent one"
                + " times the square root of the two reliabilities. The dropouts have no end-of-treatment score, so"
                + " the outcome analyses use completers only. Definitions: docs/studies.md.";
        return HtmlReport.page("alliancesim study: " + s.scenario().name(), intro, tables, figures, prov,
                ScenarioLoader.toYaml(s.scenario()));
    }
}
