package org.alliancesim.analysis.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.jfree.data.statistics.BoxAndWhiskerItem;
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

    /** End reasons as words. */
    public static String label(EndReason r) {
        return r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
