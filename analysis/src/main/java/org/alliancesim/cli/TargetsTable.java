package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.scenario.CalibrationSpec;

/** The table of calibration targets that {@code validate} and {@code calibrate} print. */
final class TargetsTable {

    private TargetsTable() {}

    /** One line per target: statistic, published range, model estimate, its 95% CI, in range or not. */
    static void print(PrintWriter o, List<CalibrationReport.Row> rows) {
        o.printf(Locale.ROOT, "%-28s %-16s %9s  %-20s %s%n", "statistic", "published", "model", "95% CI", "");
        for (CalibrationReport.Row r : rows) {
            CalibrationSpec.Target t = r.target();
            o.printf(Locale.ROOT, "%-28s %-16s %9.3f  %-20s %s%n", t.statistic(),
                    String.format(Locale.ROOT, "[%.2f, %.2f]", t.min(), t.max()), r.estimate().mean(),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", r.estimate().lower(), r.estimate().upper()),
                    r.inRange() ? "in range" : "OUT of range");
        }
    }
}
