package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.Identifiability;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;

/** Files of {@code calibrate --identifiability} (docs/calibration.md, "Identifiability"). */
public final class IdentifiabilityReport {

    public static final List<String> FILES = List.of("identifiability.csv", "identifiability-directions.csv",
            "summary.json", "report.html");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IdentifiabilityReport() {}

    /** One row per parameter: path, value, bounds, sensitivity |J_j|, conditional se, loose share, loose. */
    public static String csv(Identifiability a, CalibrationSpec spec) {
        StringBuilder sb = new StringBuilder("parameter,value,min,max,sensitivity,conditional_se,loose_share,loose\n");
        for (int j = 0; j < a.paths().size(); j++) {
            double norm = 0;
            for (double[] row : a.jacobian()) {
                norm += row[j] * row[j];
            }
            CalibrationSpec.Parameter b = spec.parameters().get(j);
            sb.append(a.paths().get(j)).append(',').append(Csv.num(a.point()[j])).append(',').append(Csv.num(b.min()))
                    .append(',').append(Csv.num(b.max())).append(',').append(Csv.num(Math.sqrt(norm))).append(',')
                    .append(Csv.num(a.conditionalSe()[j])).append(',').append(Csv.num(a.looseShare()[j])).append(',')
                    .append(a.loose(j)).append('\n');
        }
        return sb.toString();
    }

    /** One row per singular value: k, the value, loose or not, and the direction's loading on each parameter. */
    public static String directionsCsv(Identifiability a) {
        StringBuilder sb = new StringBuilder("k,singular_value,loose");
        for (String p : a.paths()) {
            sb.append(',').append(p);
        }
        sb.append('\n');
        double[] sv = a.singularValues();
        for (int k = 0; k < sv.length; k++) {
            sb.append(k + 1).append(',').append(Csv.num(sv[k])).append(',')
                    .append(sv[k] < Identifiability.LOOSE * sv[0]);
            for (double v : a.directions()[k]) {
                sb.append(',').append(Csv.num(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes the files of {@link #FILES}. */
    public static void write(ResultsFolder folder, Identifiability a, CalibrationSpec spec, String targetsName,
            Scenario point, Provenance p) throws IOException {
        folder.write("identifiability.csv", csv(a, spec));
        folder.write("identifiability-directions.csv", directionsCsv(a));
        ObjectNode summary = NODES.objectNode();
        summary.put("scenario", point.name());
        summary.put("targets", targetsName);
        summary.put("evaluations", a.evaluations());
        summary.put("replications_per_evaluation", spec.replications());
        summary.put("families_per_replication", spec.families());
        summary.put("seed", spec.seed());
        ArrayNode sv = summary.putArray("singular_values");
        for (double v : a.singularValues()) {
            sv.add(v);
        }
        ObjectNode params = summary.putObject("parameters");
        for (int j = 0; j < a.paths().size(); j++) {
            ObjectNode o = params.putObject(a.paths().get(j));
            o.put("value", a.point()[j]);
            RunReport.put(o, "conditional_se", a.conditionalSe()[j]);
            o.put("loose_share", a.looseShare()[j]);
            o.put("loose", a.loose(j));
        }
        summary.set("provenance", RunReport.provenanceNode(point, p));
        folder.write("summary.json", JSON.writeValueAsString(summary) + "\n");
        List<List<String>> paramRows = new ArrayList<>();
        for (int j = 0; j < a.paths().size(); j++) {
            paramRows.add(List.of(a.paths().get(j), HtmlReport.fmt(a.point()[j]), HtmlReport.fmt(a.conditionalSe()[j]),
                    HtmlReport.fmt(a.looseShare()[j]), a.loose(j) ? "loose" : ""));
        }
        List<List<String>> dirRows = new ArrayList<>();
        for (int k = 0; k < a.singularValues().length; k++) {
            dirRows.add(List.of(Integer.toString(k + 1), HtmlReport.fmt(a.singularValues()[k]),
                    a.singularValues()[k] < Identifiability.LOOSE * a.singularValues()[0] ? "loose" : "",
                    a.describe(k)));
        }
        List<String[]> prov = new ArrayList<>();
        prov.add(new String[] {"program", "alliancesim " + p.version()});
        prov.add(new String[] {"command line", "alliancesim " + String.join(" ", p.arguments())});
        prov.add(new String[] {"seed", Long.toString(spec.seed())});
        prov.add(new String[] {"evaluations", a.evaluations() + " x " + spec.replications() + " replications x "
                + spec.families() + " families"});
        folder.write("report.html", HtmlReport.page("alliancesim calibrate --identifiability: " + targetsName,
                "Identifiability: the Jacobian of the standardised targets with respect to the parameters scaled to"
                        + " their bounds, by central differences on common random numbers; its singular values,"
                        + " the loose directions (singular value below " + Identifiability.LOOSE + " of the largest),"
                        + " and per parameter a conditional standard error (the others held fixed).",
                List.of(new HtmlReport.Table("Parameters", List.of("parameter", "value", "conditional se",
                        "share in loose directions", ""), paramRows),
                        new HtmlReport.Table("Singular values and directions", List.of("k", "singular value", "",
                                "direction (loadings above 0.3)"), dirRows)),
                List.of(), prov, ScenarioLoader.toYaml(point)));
    }
}
