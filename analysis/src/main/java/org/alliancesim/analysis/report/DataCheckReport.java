package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.scenario.Scenario;

/**
 * The files of {@code validate --data} (docs/outputs.md, "validate --data"): data-check.csv and
 * summary.json, each summary of a study's data beside the model's virtual studies of it. Aggregates
 * only: no row, identifier or score of the input is written (docs/security.md).
 */
public final class DataCheckReport {

    /** The files it writes. */
    public static final List<String> FILES = List.of("data-check.csv", "summary.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataCheckReport() {}

    /** data-check.csv: one row per summary. */
    public static String csv(List<DataEvidence.Check> checks) {
        StringBuilder sb = new StringBuilder("summary,observed,bootstrap_se,model_mean,model_q2.5,model_q97.5,"
                + "virtual_studies,inside\n");
        for (DataEvidence.Check c : checks) {
            sb.append(c.name()).append(',').append(Csv.num(c.observed())).append(',').append(Csv.num(c.se()))
                    .append(',').append(Csv.num(c.modelMean())).append(',').append(Csv.num(c.lower())).append(',')
                    .append(Csv.num(c.upper())).append(',').append(c.defined()).append(',').append(c.inside())
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the files (not committed: the caller commits).
     *
     * @param families families in the data; {@code therapists} their therapists
     */
    public static void write(ResultsFolder folder, List<DataEvidence.Check> checks, int families, int therapists,
            int replications, Scenario scenario, Provenance p) throws IOException {
        folder.write("data-check.csv", csv(checks));
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("families", families);
        root.put("therapists", therapists);
        root.put("virtual_studies", replications);
        ArrayNode rows = root.putArray("summaries");
        for (DataEvidence.Check c : checks) {
            ObjectNode o = rows.addObject();
            o.put("summary", c.name());
            RunReport.put(o, "observed", c.observed());
            RunReport.put(o, "bootstrap_se", c.se());
            RunReport.put(o, "model_mean", c.modelMean());
            RunReport.put(o, "model_q2.5", c.lower());
            RunReport.put(o, "model_q97.5", c.upper());
            o.put("virtual_studies", c.defined());
            o.put("inside", c.inside());
        }
        root.set("provenance", RunReport.provenanceNode(scenario, p));
        folder.write("summary.json", JSON.writeValueAsString(root) + "\n");
    }
}
