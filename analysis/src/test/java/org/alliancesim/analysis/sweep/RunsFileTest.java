package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * runs.csv's layout: every index {@link RunsFile} gives names the column it says, in a sweep and
 * in an effect sweep, and a row it writes has its fields in those columns. Catches an index off by
 * the replication column, by the parameters, or by the arms of an effect sweep.
 */
class RunsFileTest {

    @Test
    void everyIndexNamesItsColumn() {
        for (boolean effect : new boolean[] {false, true}) {
            RunsFile r = new RunsFile(List.of("a.x", "b"), List.of("dropout_share", "improvement"), effect);
            List<String> c = r.columns();
            assertEquals(r.fields(), c.size());
            assertEquals("replication", c.get(r.replicationColumn()));
            assertEquals("b", c.get(r.parameterColumn(1)));
            for (int m = 0; m < 2; m++) {
                for (int a = 0; a < r.valuesPerMetric(); a++) {
                    String metric = List.of("dropout_share", "improvement").get(m);
                    assertEquals(effect ? metric + (a == 0 ? "_a" : "_b") : metric, c.get(r.valueColumn(m, a)));
                    assertEquals(m, r.metricOf(r.valueColumn(m, a)));
                }
            }
            assertEquals(String.join(",", c) + "\n", r.header());
        }
    }

    @Test
    void aRowHasItsFieldsInTheirColumns() {
        RunsFile r = new RunsFile(List.of("p"), List.of("m1", "m2"), true);
        StringBuilder sb = new StringBuilder();
        r.appendRow(sb, 7, 1, ",0.5", List.of(List.of("1", "2"), List.of("3", "4"), List.of("5", "6"), List.of("7", "8")));
        String[] f = sb.toString().strip().split(",", -1);
        assertEquals(r.fields(), f.length);
        assertEquals("1", f[r.replicationColumn()]);
        assertEquals("0.5", f[r.parameterColumn(0)]);
        assertEquals(List.of("2", "4", "6", "8"), List.of(f[r.valueColumn(0, 0)], f[r.valueColumn(0, 1)],
                f[r.valueColumn(1, 0)], f[r.valueColumn(1, 1)]));
    }
}
