package org.alliancesim.analysis.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.PointsFile;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.SweepSpec;

/**
 * The CSV layout of one sweep: points.csv's ({@link PointsFile}), runs.csv's ({@link RunsFile}), and each point's parameter
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
    /**
     * The widest value an effect sweep writes in runs.csv: {@link #exact} of a finite double (a
     * subnormal's plain decimal has up to 326 digits after the point, and a sign).
     */
    static final int EXACT_MAX = 330;
    private final SweepSpec spec;
    private final PointsFile pointsFile;
    private final RunsFile runsFile;
    private final List<double[]> points;
    private final boolean[] integer;
    private final String[] columns;

    /** @param paths the parameters' paths, parsed: their field types decide which values are whole numbers */
    SweepRows(SweepSpec spec, List<double[]> points, List<ParameterPath> paths) {
        this.spec = spec;
        this.pointsFile = pointsFile(spec);
        this.runsFile = new RunsFile(pointsFile.parameters(), pointsFile.metrics(), pointsFile.effect());
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

    /** The layout of {@code spec}'s points.csv. */
    static PointsFile pointsFile(SweepSpec spec) {
        return new PointsFile(spec.parameters().stream().map(SweepSpec.Parameter::path).toList(), spec.metrics(),
                spec.isEffectSweep());
    }

    /** The layout of points.csv. */
    PointsFile pointsFile() {
        return pointsFile;
    }

    /** Points in the design. */
    int total() {
        return points.size();
    }

    /** Whether this is an effect sweep: two arms per point, the paired effect B - A per metric. */
    boolean effect() {
        return spec.isEffectSweep();
    }

    /** The layout of runs.csv. */
    RunsFile runsFile() {
        return runsFile;
    }

    /**
     * A replication's value as runs.csv holds it: {@link Csv#num} (6 decimals) in a sweep, and in an
     * effect sweep {@link #exact}, so that the paired effects recomputed from runs.csv are exactly
     * those the arms gave (and those {@code compare} gives on the same scenarios).
     */
    String written(double x) {
        return effect() ? exact(x) : Csv.num(x);
    }

    /** The widest value {@link #written} gives for a metric. */
    int numberMax() {
        return effect() ? EXACT_MAX : NUMBER_MAX;
    }

    /**
     * {@code x} exactly, in plain notation: the shortest decimal (of {@link Double#toString}) that
     * reads back to {@code x}, without exponent or trailing zeros ({@code 0.3}, {@code 12},
     * {@code 0.0000001}); {@code ""} for NaN. Zero is {@code 0} whatever its sign.
     */
    static String exact(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (x == 0) {
            return "0";
        }
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /**
     * The summary columns of metric {@code k}, each preceded by a comma, from its replications'
     * values as runs.csv holds them ({@code written}: one list, or arm A's and arm B's in an effect
     * sweep): {@link #summaryColumns} of the values, or the paired effect of B - A
     * ({@link Comparison#paired}, the comparison {@code compare} makes: {@code ,meanA,meanB,effect,
     * low,high,p,n}).
     */
    String summary(int k, List<List<String>> written) {
        if (!effect()) {
            return summaryColumns(written.get(0));
        }
        Comparison.Difference d = Comparison.paired(Metric.byKey(spec.metrics().get(k)), parse(written.get(0)),
                parse(written.get(1)));
        StringBuilder sb = new StringBuilder();
        for (double x : new double[] {d.meanA(), d.meanB(), d.difference(), d.lower(), d.upper(), d.p()}) {
            Csv.append(sb.append(','), x);
        }
        return sb.append(',').append(d.n()).toString();
    }

    private static double[] parse(List<String> written) {
        return written.stream().mapToDouble(s -> s.isEmpty() ? Double.NaN : Double.parseDouble(s)).toArray();
    }

    String runsHeader() {
        return runsFile.header();
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
                sb.append(',').append(integer[k] ? v.toString() : exact(v.doubleValue()));
            }
            c = sb.toString();
            columns[point] = c;
        }
        return c;
    }
}
