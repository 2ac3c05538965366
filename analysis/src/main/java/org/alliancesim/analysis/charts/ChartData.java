package org.alliancesim.analysis.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.alliancesim.analysis.stats.SobolIndex;
import org.alliancesim.model.EndReason;

/** Pure data preparation for the charts (tested without drawing anything). */
public final class ChartData {

    private ChartData() {}

    /**
     * A box-and-whisker item from a histogram: quartiles, median, mean, and whiskers at the most
     * extreme values within 1.5 IQR of the box (Tukey). Outliers are not listed individually.
     */
    public static BoxAndWhiskerItem box(Histogram h) {
        double q1 = h.quantile(0.25);
        double median = h.quantile(0.5);
        double q3 = h.quantile(0.75);
        double iqr = q3 - q1;
        double low = h.smallestAtLeast(q1 - 1.5 * iqr);
        double high = h.largestAtMost(q3 + 1.5 * iqr);
        return new BoxAndWhiskerItem(h.mean(), median, q1, q3, Math.min(low, q1), Math.max(high, q3), h.min(), h.max(),
                List.of());
    }

    /** The columns of a retention table after its optional group column (the documented header). */
    public static final List<String> RETENTION_COLUMNS = List.of("session", "at_risk", "events", "censored",
            "survival", "se", "lower", "upper");

    /**
     * Kaplan-Meier retention as a table: one row per curve and observed session (sessions with
     * dropouts, censorings or both), with the life-table counts, S, Greenwood's se and the band
     * drawn (S +- 1.96 se, clipped to [0, 1]). S = 1 before the first row.
     *
     * @param group the name of the first column telling the curves apart, or null for one curve
     */
    public static ChartTable retention(String group, List<Charts.Curve> curves) {
        List<List<Object>> rows = new ArrayList<>();
        for (Charts.Curve c : curves) {
            for (KaplanMeier.Row r : c.km().rows()) {
                List<Object> row = new ArrayList<>();
                if (group != null) {
                    row.add(c.label());
                }
                row.addAll(List.of((long) r.time(), r.atRisk(), r.events(), r.censored(), r.survival(),
                        r.standardError(), r.lower(), r.upper()));
                rows.add(row);
            }
        }
        return new ChartTable(withGroup(group, RETENTION_COLUMNS), rows);
    }

    /**
     * The model's retention (series {@code model}, columns as {@link #retention}) and the published
     * ranges (series {@code published}: the range's session, its bounds as lower and upper, the other
     * columns empty).
     */
    public static ChartTable retentionWithAnchors(KaplanMeier km, List<double[]> anchors) {
        List<List<Object>> rows = new ArrayList<>(retention("series", List.of(new Charts.Curve("model", km))).rows());
        for (double[] a : anchors) {
            rows.add(java.util.Arrays.asList("published", (long) a[0], null, null, null, null, null, a[1], a[2]));
        }
        return new ChartTable(withGroup("series", RETENTION_COLUMNS), rows);
    }

    /**
     * Where a detailed retention axis starts ({@link Charts#retentionDetail}): the tenth at least
     * 0.01 below the lowest band value of the table's curves (rows of series {@code published}
     * left out), and 0 when there is none.
     */
    public static double retentionFloor(ChartTable table) {
        double lowest = 1;
        boolean grouped = !table.columns().get(0).equals("session");
        for (int i = 0; i < table.rows().size(); i++) {
            if (grouped && table.text(i, table.columns().get(0)).equals("published")) {
                continue;
            }
            double v = table.number(i, "lower");
            if (!Double.isNaN(v)) {
                lowest = Math.min(lowest, v);
            }
        }
        return Math.max(0, Math.floor((lowest - 0.01) * 10 + 1e-9) / 10);
    }

    /** Mean series over sessions with 95% bands: {@code group}, session, mean, lower, upper. */
    public static ChartTable series(String group, List<Series> series) {
        List<List<Object>> rows = new ArrayList<>();
        for (Series s : series) {
            for (int i = 0; i < s.sessions().length; i++) {
                rows.add(List.of(s.name(), (long) s.sessions()[i], s.mean()[i], s.lower()[i], s.upper()[i]));
            }
        }
        return new ChartTable(List.of(group, "session", "mean", "lower", "upper"), rows);
    }

    /**
     * Dropouts by the session not attended, mean per replication, sessions 2 to the limit (session
     * 1 is never missed by a dropout: a dropout has attended at least one session).
     */
    public static ChartTable dropoutTiming(double[] perSession, int sessionLimit) {
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 2; s <= Math.min(sessionLimit, perSession.length - 1); s++) {
            rows.add(List.of((long) s, perSession[s]));
        }
        return new ChartTable(List.of("session", "dropouts_per_replication"), rows);
    }

    /**
     * One box per end reason that occurred: the numbers {@link #box} draws, the families beyond the
     * whiskers below ({@code outliers_low}) and above ({@code outliers_high}), and the values drawn
     * as circles ({@code outliers}: the distinct binned values beyond the whiskers, each to within
     * half a bin, separated by spaces, increasing; empty when there are none).
     */
    public static ChartTable improvementByEnd(Map<EndReason, Histogram> values) {
        List<List<Object>> rows = new ArrayList<>();
        for (EndReason r : EndReason.values()) {
            Histogram h = values.get(r);
            if (h != null && h.count() > 0) {
                BoxAndWhiskerItem b = box(h);
                double low = b.getMinRegularValue().doubleValue();
                double high = b.getMaxRegularValue().doubleValue();
                long below = 0;
                long above = 0;
                StringBuilder drawn = new StringBuilder();
                for (double[] o : h.outside(low, high)) {
                    if (o[0] < low) {
                        below += (long) o[1];
                    } else {
                        above += (long) o[1];
                    }
                    drawn.append(drawn.length() == 0 ? "" : " ").append(org.alliancesim.analysis.experiment.Csv.exact(o[0]));
                }
                rows.add(List.of(r.name().toLowerCase(Locale.ROOT), h.count(), b.getMean().doubleValue(),
                        b.getQ1().doubleValue(), b.getMedian().doubleValue(), b.getQ3().doubleValue(), low, high,
                        b.getMinOutlier().doubleValue(), b.getMaxOutlier().doubleValue(), below, above,
                        drawn.toString()));
            }
        }
        return new ChartTable(List.of("end_reason", "n", "mean", "q1", "median", "q3", "whisker_low", "whisker_high",
                "min", "max", "outliers_low", "outliers_high", "outliers"), rows);
    }

    /** The values a box's {@code outliers} cell lists (see {@link #improvementByEnd}). */
    static List<Double> outliers(String cell) {
        List<Double> out = new ArrayList<>();
        for (String v : cell.trim().split(" +")) {
            if (!v.isEmpty()) {
                out.add(Double.parseDouble(v));
            }
        }
        return out;
    }

    /**
     * A parameter path as a chart label: the field in words, then where it sits in the documented
     * bracket form ({@code therapists.1.repair_skill} reads "repair skill (therapists[1])",
     * {@code run.session_limit} "session limit (run)"); a path of one field is that field in words.
     */
    public static String parameterLabel(String path) {
        String[] parts = path.split("\\.");
        String field = parts[parts.length - 1].replace('_', ' ');
        if (parts.length == 1) {
            return field;
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].chars().allMatch(Character::isDigit) && i > 0) {
                where.append('[').append(parts[i]).append(']');
            } else {
                where.append(where.length() == 0 ? "" : ".").append(parts[i]);
            }
        }
        return field + " (" + where + ")";
    }

    /** A metric key as a chart label: {@code dropout_share} reads "dropout share". */
    public static String metricLabel(String metric) {
        return metric.replace('_', ' ');
    }

    /** The optimiser's trace: evaluation (from 1), distance, best so far. */
    public static ChartTable trace(double[] distance, double[] best) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < distance.length; i++) {
            rows.add(List.of((long) i + 1, distance[i], best[i]));
        }
        return new ChartTable(List.of("evaluation", "distance", "best"), rows);
    }

    /** A metric against a parameter, one row per sweep point: {x, mean, ci95_low, ci95_high} each. */
    public static ChartTable scatter(String parameter, String metric, List<double[]> points) {
        List<List<Object>> rows = new ArrayList<>();
        for (double[] p : points) {
            rows.add(List.of(parameter, p[0], metric, p[1], p[2], p[3]));
        }
        return new ChartTable(List.of("parameter", "value", "metric", "mean", "ci95_low", "ci95_high"), rows);
    }

    /** A metric over a two-parameter grid, one row per cell {x, y, mean}. */
    public static ChartTable heatMap(String xParameter, String yParameter, String metric, List<double[]> cells) {
        List<List<Object>> rows = new ArrayList<>();
        for (double[] c : cells) {
            rows.add(List.of(xParameter, c[0], yParameter, c[1], metric, c[2]));
        }
        return new ChartTable(List.of("parameter_x", "x", "parameter_y", "y", "metric", "mean"), rows);
    }

    /** Sobol indices, one row per bar: parameter, index ({@code first_order} or {@code total}), estimate, CI. */
    public static ChartTable sobol(String metric, List<SobolIndex> indices) {
        List<List<Object>> rows = new ArrayList<>();
        for (SobolIndex i : indices) {
            rows.add(List.of(i.parameter(), metric, "first_order", i.first(), i.firstLow(), i.firstHigh()));
            rows.add(List.of(i.parameter(), metric, "total", i.total(), i.totalLow(), i.totalHigh()));
        }
        return new ChartTable(List.of("parameter", "metric", "index", "estimate", "ci95_low", "ci95_high"), rows);
    }

    private static List<String> withGroup(String group, List<String> columns) {
        if (group == null) {
            return columns;
        }
        List<String> out = new ArrayList<>(columns.size() + 1);
        out.add(group);
        out.addAll(columns);
        return out;
    }
}
