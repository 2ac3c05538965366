package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a sweep's points.csv, the one statement of it (docs/sweeps.md): {@code point}, each
 * parameter's path, each metric's summary columns ({@link #SUFFIXES}, or {@link #EFFECT_SUFFIXES} in
 * an effect sweep), and {@code error} (empty when the point ran). The sweep writes and checks its
 * rows by it, the report reads them by it. Immutable.
 *
 * @param parameters the parameters' paths, in the sweep file's order
 * @param metrics the metrics' keys, in the sweep file's order
 * @param effect whether this is an effect sweep (two arms per point, the paired effect B - A)
 */
public record PointsFile(List<String> parameters, List<String> metrics, boolean effect) {

    /** A sweep's summary columns of each metric, after the metric's key. */
    public static final List<String> SUFFIXES = List.of("_mean", "_sd", "_ci95_low", "_ci95_high", "_n");
    /** An effect sweep's summary columns of each metric, after the metric's key. */
    public static final List<String> EFFECT_SUFFIXES = List.of("_a_mean", "_b_mean", "_effect_mean",
            "_effect_ci95_low", "_effect_ci95_high", "_effect_p", "_n");

    /** Copies the lists. */
    public PointsFile {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
    }

    /** The summary columns of each metric, after its key. */
    public List<String> suffixes() {
        return effect ? EFFECT_SUFFIXES : SUFFIXES;
    }

    /** Every column's name, in order. */
    public List<String> columns() {
        List<String> c = new ArrayList<>(List.of("point"));
        c.addAll(parameters);
        for (String m : metrics) {
            suffixes().forEach(x -> c.add(m + x));
        }
        c.add("error");
        return c;
    }

    /** The header line, with its line end. */
    public String header() {
        return String.join(",", columns()) + "\n";
    }

    /** Fields in a row: 1 + parameters + summary columns per metric x metrics + 1. */
    public int fields() {
        return 1 + parameters.size() + suffixes().size() * metrics.size() + 1;
    }

    /** The 0-based column of parameter {@code k}. */
    public int parameterColumn(int k) {
        return 1 + k;
    }

    /** The 0-based column of metric {@code m}'s {@code i}-th summary column ({@link #suffixes}). */
    public int summaryColumn(int m, int i) {
        return 1 + parameters.size() + suffixes().size() * m + i;
    }

    /** The 0-based column of the error. */
    public int errorColumn() {
        return fields() - 1;
    }

    /** Whether the 0-based {@code column} is a summary column that counts replications ({@code _n}). */
    public boolean isCount(int column) {
        int j = column - 1 - parameters.size();
        return j >= 0 && j < suffixes().size() * metrics.size() && j % suffixes().size() == suffixes().size() - 1;
    }

    /**
     * The 0-based columns of what a chart shows of metric {@code m}: its mean, 95% low and 95% high
     * ({@code _mean, _ci95_low, _ci95_high}; in an effect sweep the effect's).
     */
    public int[] chartColumns(int m) {
        String prefix = effect ? "_effect" : "";
        return new int[] {summaryColumn(m, suffixes().indexOf(prefix + "_mean")),
            summaryColumn(m, suffixes().indexOf(prefix + "_ci95_low")),
            summaryColumn(m, suffixes().indexOf(prefix + "_ci95_high"))};
    }
}
