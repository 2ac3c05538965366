package org.alliancesim.analysis.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.stats.ConfidenceInterval;
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

    /** The most characters of a failed point's error that points.csv keeps. */
    static final int ERROR_MAX = 1000;
    /**
     * The widest number a sweep writes for a metric: {@link Csv#num} of a value below 2^33 in
     * magnitude (sign, 10 digits, point, 6 decimals); every metric is far below that.
     */
    static final int NUMBER_MAX = 18;

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

    /**
     * The five summary columns of one metric, each preceded by a comma ({@code ,mean,sd,low,high,n}),
     * computed from its replications' values <em>as runs.csv holds them</em> ({@code ""} for none),
     * so that points.csv can be recomputed exactly from runs.csv (and is, when read back).
     */
    static String summaryColumns(List<String> written) {
        double[] v = written.stream().filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
        StringBuilder sb = new StringBuilder();
        if (v.length == 0) {
            return sb.append(",,,,,0").toString();
        }
        ConfidenceInterval ci = ConfidenceInterval.of(v, 0.95);
        for (double x : new double[] {ci.mean(), ci.sd(), ci.lower(), ci.upper()}) {
            Csv.append(sb.append(','), x);
        }
        return sb.append(',').append(ci.n()).toString();
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
