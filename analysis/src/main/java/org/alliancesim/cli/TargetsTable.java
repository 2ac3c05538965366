package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ValidationSpec;

/** The tables that {@code validate} and {@code calibrate} print: the calibration set, the validation set. */
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

    /** One line per pattern of the validation set, as {@link #print}, with the published figure. */
    static void printValidation(PrintWriter o, List<ValidationSet.Row> rows) {
        o.printf(Locale.ROOT, "%-36s %-16s %9s  %-20s %-13s %s%n", "statistic", "range", "model", "95% CI", "",
                "published");
        for (ValidationSet.Row r : rows) {
            ValidationSpec.Pattern t = r.pattern();
            o.printf(Locale.ROOT, "%-36s %-16s %9.3f  %-20s %-13s %s%n", t.statistic(),
                    String.format(Locale.ROOT, "[%.2f, %.2f]", t.min(), t.max()), r.estimate().mean(),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", r.estimate().lower(), r.estimate().upper()),
                    r.inRange() ? "in range" : "OUT of range", t.published());
        }
    }
}
