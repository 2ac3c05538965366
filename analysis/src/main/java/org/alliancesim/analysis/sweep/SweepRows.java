package org.alliancesim.analysis.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;

/**
 * The CSV layout of one sweep: the headers of points.csv and runs.csv, and each point's parameter
 * columns exactly as the runner writes them (so rows read back can be checked against the design).
 *
 * <p>A parameter's value is given to the scenario as a whole number (when the base holds a whole
 * number there) or rounded to 10 significant digits, and the CSV shows that same value in full, in
 * plain decimal notation: {@code 0.0000001}, never {@code 0} or {@code 1.0E-7}.
 */
final class SweepRows {

    private final SweepSpec spec;
    private final List<double[]> points;
    private final boolean[] integer;
    private final String[] columns;

    /** @param baseScenario the resolved base, in file layout: decides which parameters are whole numbers */
    SweepRows(SweepSpec spec, List<double[]> points, JsonNode baseScenario) {
        this.spec = spec;
        this.points = points;
        this.integer = new boolean[spec.parameters().size()];
        for (int k = 0; k < integer.length; k++) {
            JsonNode n;
            try {
                n = ScenarioLoader.valueAt(baseScenario, spec.parameters().get(k).path());
            } catch (RuntimeException e) {
                n = null; // not a path of the scenario: checked before a sweep runs
            }
            integer[k] = n != null && n.isIntegralNumber();
        }
        this.columns = new String[points.size()];
    }

    SweepSpec spec() {
        return spec;
    }

    /** Points in the design. */
    int total() {
        return points.size();
    }

    String pointsHeader() {
        StringBuilder sb = new StringBuilder("point");
        spec.parameters().forEach(p -> sb.append(',').append(p.path()));
        for (String m : spec.metrics()) {
            sb.append(',').append(m).append("_mean,").append(m).append("_sd,").append(m).append("_ci95_low,")
                    .append(m).append("_ci95_high,").append(m).append("_n");
        }
        return sb.append(",error\n").toString();
    }

    String runsHeader() {
        StringBuilder sb = new StringBuilder("point,replication");
        spec.parameters().forEach(p -> sb.append(',').append(p.path()));
        spec.metrics().forEach(m -> sb.append(',').append(m));
        return sb.append('\n').toString();
    }

    /** The value of parameter {@code k} at {@code point} as the scenario gets it ({@code --set path=value}). */
    String setting(int point, int k) {
        double v = points.get(point)[k];
        return integer[k] ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.10g", v);
    }

    /** The parameter columns of {@code point}, each preceded by a comma: {@code ,0.3,12}. */
    synchronized String parameterColumns(int point) {
        String c = columns[point];
        if (c == null) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < integer.length; k++) {
                String s = setting(point, k);
                sb.append(',').append(integer[k] ? s : new BigDecimal(s).stripTrailingZeros().toPlainString());
            }
            c = sb.toString();
            columns[point] = c;
        }
        return c;
    }
}
