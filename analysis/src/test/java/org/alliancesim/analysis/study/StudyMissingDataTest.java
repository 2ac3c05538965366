package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.StudyRequest;
import org.alliancesim.analysis.usecase.StudyUseCase;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose self-reports are almost all missing (issue 22, item 12: item non-response 0.99): the
 * observed outcome statistics cannot be computed, but their latent values, on the same families'
 * true values, can; and a row's n counts the cases its estimate could use, never the respondents of
 * whom none answered every item.
 */
class StudyMissingDataTest {

    @Test
    void latentValuesStandWhenObservedOnesCannotBeComputed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("study");
        StudyUseCase.execute(StudyRequest.of(ScenarioLoader.load("default", List.of("measurement.nonresponse=0.99")))
                .withThreads(1).withOutput(Output.to(out)));
        Map<String, JsonNode> rows = new TreeMap<>();
        for (JsonNode n : new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("statistics")) {
            rows.put(n.get("statistic").asText(), n);
        }

        // The oracle, from study.csv by hand: residualise the latent end outcome on the latent baseline
        // (least squares), correlate the residual with the latent early alliance, over completers whose
        // early alliance was observed (the families r_outcome's observed value would use).
        List<double[]> xy = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("study.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            String end = c[head.indexOf("end_reason")];
            boolean completed = end.equals("goals_met") || end.equals("session_limit");
            if (completed && !c[head.indexOf("alliance_observed")].isEmpty()) {
                xy.add(new double[] {Double.parseDouble(c[head.indexOf("outcome_baseline_latent")]),
                    Double.parseDouble(c[head.indexOf("outcome_end_latent")]),
                    Double.parseDouble(c[head.indexOf("alliance_latent")])});
            }
        }
        assertTrue(xy.size() >= 10, "enough completers for the oracle: " + xy.size());
        double expected = residualisedR(xy);

        JsonNode r = rows.get("r_outcome");
        assertTrue(r.get("estimate").isNull(), "no observed outcome survives 0.99 non-response: " + r);
        assertEquals(expected, r.get("latent").asDouble(), 1e-9, "latent r_outcome on the same families: " + r);

        for (String scale : new String[] {"engagement", "connection", "safety", "shared_purpose"}) {
            JsonNode a = rows.get("alpha_" + scale);
            assertTrue(a.get("estimate").isNull(), a.toString());
            assertTrue(a.get("n").asInt() < 3, "n counts respondents with every item, not all 464: " + a);
            assertTrue(a.get("label").asText().contains("too few complete cases"), "the blank says why: " + a);
        }
    }

    /** Pearson's r of (end - (a + b baseline)) with alliance; written out, not the code under test. */
    private static double residualisedR(List<double[]> xy) {
        int n = xy.size();
        double mb = 0;
        double me = 0;
        for (double[] v : xy) {
            mb += v[0] / n;
            me += v[1] / n;
        }
        double sbe = 0;
        double sbb = 0;
        for (double[] v : xy) {
            sbe += (v[0] - mb) * (v[1] - me);
            sbb += (v[0] - mb) * (v[0] - mb);
        }
        double slope = sbe / sbb;
        double[] res = new double[n];
        double[] al = new double[n];
        double mr = 0;
        double ma = 0;
        for (int i = 0; i < n; i++) {
            res[i] = xy.get(i)[1] - (me + slope * (xy.get(i)[0] - mb));
            al[i] = xy.get(i)[2];
            mr += res[i] / n;
            ma += al[i] / n;
        }
        double sra = 0;
        double srr = 0;
        double saa = 0;
        for (int i = 0; i < n; i++) {
            sra += (res[i] - mr) * (al[i] - ma);
            srr += (res[i] - mr) * (res[i] - mr);
            saa += (al[i] - ma) * (al[i] - ma);
        }
        return sra / Math.sqrt(srr * saa);
    }
}
