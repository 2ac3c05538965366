package org.alliancesim.analysis.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a sweep's runs.csv, the one statement of it (docs/sweeps.md): {@code point},
 * {@code replication}, each parameter's path, then each metric's value (in an effect sweep its value
 * in arm A and in arm B, {@code <m>_a, <m>_b}). The runner writes its rows by it and the checkpoint
 * reads them back by it, as {@link org.alliancesim.analysis.experiment.PointsFile} for points.csv.
 * Immutable.
 *
 * @param parameters the parameters' paths, in the sweep file's order
 * @param metrics the metrics' keys, in the sweep file's order
 * @param effect whether this is an effect sweep (two values per metric: arm A, arm B)
 */
record RunsFile(List<String> parameters, List<String> metrics, boolean effect) {

    /** Copies the lists. */
    RunsFile {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
    }

    /** Values of each metric in a row: 1, or 2 in an effect sweep (arm A, arm B). */
    int valuesPerMetric() {
        return effect ? 2 : 1;
    }

    /** Every column's name, in order. */
    List<String> columns() {
        List<String> c = new ArrayList<>(List.of("point", "replication"));
        c.addAll(parameters);
        for (String m : metrics) {
            if (effect) {
                c.addAll(List.of(m + "_a", m + "_b"));
            } else {
                c.add(m);
            }
        }
        return c;
    }

    /** The header line, with its line end. */
    String header() {
        return String.join(",", columns()) + "\n";
    }

    /** Fields in a row: point, replication, the parameters, the metrics' values. */
    int fields() {
        return valueColumn(0, 0) + valuesPerMetric() * metrics.size();
    }

    /** The 0-based column of the replication. */
    int replicationColumn() {
        return 1;
    }

    /** The 0-based column of parameter {@code k}. */
    int parameterColumn(int k) {
        return 2 + k;
    }

    /** The 0-based column of metric {@code m}'s value in arm {@code arm} (0, or 1 for arm B of an effect sweep). */
    int valueColumn(int m, int arm) {
        return parameterColumn(parameters.size()) + valuesPerMetric() * m + arm;
    }

    /** The metric whose value the 0-based {@code column} (at or after {@link #valueColumn valueColumn(0, 0)}) holds. */
    int metricOf(int column) {
        return (column - valueColumn(0, 0)) / valuesPerMetric();
    }

    /**
     * Appends the row of replication {@code rep} of {@code point}: {@code parameterColumns} (each
     * preceded by a comma) and, metric by metric and arm by arm, the value {@code written} holds at
     * {@code rep} (one list per metric and arm, in column order).
     */
    void appendRow(StringBuilder sb, int point, int rep, String parameterColumns, List<List<String>> written) {
        sb.append(point).append(',').append(rep).append(parameterColumns);
        for (List<String> v : written) {
            sb.append(',').append(v.get(rep));
        }
        sb.append('\n');
    }
}
