package org.alliancesim.analysis.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.SweepSpec;

/**
 * The CSV layout of one sweep: the headers of points.csv and runs.csv, and each point's parameter
 * values, as the scenario gets them and as the CSV shows them (so rows read back can be checked
 * against the design).
 *
 * <p>A parameter whose field is a whole number (int or long) gets the point's value rounded to a
 * whole number; any other gets the point's value exactly. The CSV shows that same value: the
 * shortest decimal that reads back to it, in plain notation ({@code 0.0000001}, never
 * {@code 1.0E-7}).
 */
final class SweepRows {

    private final SweepSpec spec;
    private final List<double[]> points;
    private final boolean[] integer;
    private final String[] columns;

    /** @param paths the parameters' paths, parsed: their field types decide which values are whole numbers */
    SweepRows(SweepSpec spec, List<double[]> points, List<ParameterPath> paths) {
        this.spec = spec;
        this.points = points;
        this.integer = new boolean[paths.size()];
        for (int k = 0; k < integer.length; k++) {
            integer[k] = paths.get(k).type() == int.class || paths.get(k).type() == long.class;
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

    /** The columns of points.csv: point, the parameters, five per metric, error. */
    List<String> pointsColumns() {
        List<String> c = new ArrayList<>(List.of("point"));
        spec.parameters().forEach(p -> c.add(p.path()));
        for (String m : spec.metrics()) {
            c.addAll(List.of(m + "_mean", m + "_sd", m + "_ci95_low", m + "_ci95_high", m + "_n"));
        }
        c.add("error");
        return c;
    }

    /** The columns of runs.csv: point, replication, the parameters, the metrics. */
    List<String> runsColumns() {
        List<String> c = new ArrayList<>(List.of("point", "replication"));
        spec.parameters().forEach(p -> c.add(p.path()));
        c.addAll(spec.metrics());
        return c;
    }

    String pointsHeader() {
        return String.join(",", pointsColumns()) + "\n";
    }

    String runsHeader() {
        return String.join(",", runsColumns()) + "\n";
    }

    /** The value of parameter {@code k} at {@code point} as the scenario gets it: a Long or a Double. */
    Number value(int point, int k) {
        double v = points.get(point)[k];
        return integer[k] ? (Number) Math.round(v) : (Number) v;
    }

    /** The parameter columns of {@code point}, each preceded by a comma: {@code ,0.3,12}. */
    synchronized String parameterColumns(int point) {
        String c = columns[point];
        if (c == null) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < integer.length; k++) {
                Number v = value(point, k);
                sb.append(',').append(integer[k] ? v.toString()
                        : BigDecimal.valueOf(v.doubleValue()).stripTrailingZeros().toPlainString());
            }
            c = sb.toString();
            columns[point] = c;
        }
        return c;
    }
}
