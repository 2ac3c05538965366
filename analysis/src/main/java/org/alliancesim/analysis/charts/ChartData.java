package org.alliancesim.analysis.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.model.EndReason;

/** Pure data preparation for the charts (tested without drawing anything). */
public final class ChartData {

    private ChartData() {}

    /**
     * Points of a Kaplan-Meier step curve as {x, survival, lower, upper}: starting at (0, 1) and
     * holding each value until the next event time; the last point repeats the last value at the
     * largest observed time so the curve runs to the end of follow-up.
     */
    public static List<double[]> retentionPoints(KaplanMeier km) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {0, 1, 1, 1});
        for (KaplanMeier.Step s : km.steps()) {
            out.add(new double[] {s.time(), s.survival(), s.lower(), s.upper()});
        }
        return out;
    }

    /** End reasons as words. */
    public static String label(EndReason r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
