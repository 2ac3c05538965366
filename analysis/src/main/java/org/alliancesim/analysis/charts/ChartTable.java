package org.alliancesim.analysis.charts;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.Csv;

/**
 * The data of one chart as a tidy table: one row per point, bar or box, snake_case columns. A
 * chart is drawn from its table ({@link Charts}) and the table is written beside it as
 * {@code charts/NAME.csv}, so the picture and the data cannot disagree.
 *
 * <p>A cell is a {@link String} (text), a {@link Long} or {@link Integer} (a count), a
 * {@link Double} (written with every digit, {@link Csv#exact(double)}, so other programs can check
 * it to 1e-9; NaN is an empty field) or {@code null} (an empty field). Immutable.
 *
 * @param columns column names
 * @param rows rows, each as long as {@code columns}
 */
public record ChartTable(List<String> columns, List<List<Object>> rows) {

    public ChartTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + r.size() + " cells, the table " + columns.size()
                        + " columns " + columns);
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = List.copyOf(copy);
    }

    /** The number in {@code column} of row {@code row}; NaN for an empty cell. */
    public double number(int row, String column) {
        Object v = rows.get(row).get(index(column));
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The text in {@code column} of row {@code row}. */
    public String text(int row, String column) {
        return String.valueOf(rows.get(row).get(index(column)));
    }

    /** The distinct values of a text column, in order of first appearance. */
    public List<String> groups(String column) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String g = text(i, column);
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The table as CSV text: a header line, then one line per row, each ending in a line feed. */
    public String csv() {
        StringBuilder sb = new StringBuilder(64 + 64 * rows.size());
        sb.append(String.join(",", columns)).append('\n');
        for (List<Object> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object v = r.get(i);
                if (v instanceof Double d) {
                    sb.append(Csv.exact(d));
                } else if (v instanceof Number n) {
                    sb.append(n.longValue());
                } else if (v != null) {
                    sb.append(Csv.text(v.toString()));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private int index(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return i;
    }
}
