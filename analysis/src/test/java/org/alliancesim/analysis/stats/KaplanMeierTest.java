package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    /**
     * The 6-MP arm of the Freireich et al. (1963) leukaemia trial, the worked example of Kaplan-Meier
     * estimation in Kleinbaum and Klein, "Survival Analysis" (ch. 2), and of R's
     * {@code survfit(Surv(time, cens) ~ 1)} on {@code MASS::gehan}: weeks of remission, * = censored:
     * 6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*.
     * Published estimates (survival, Greenwood standard error), to the printed 3 and 4 decimals.
     */
    @Test
    void matchesThePublishedSixMpExample() {
        KaplanMeier km = gehanSixMp();
        List<KaplanMeier.Step> steps = km.steps();
        double[][] published = {
            // time, at risk, events, survival, std.err
            {6, 21, 3, 0.857, 0.0764},
            {7, 17, 1, 0.807, 0.0869},
            {10, 15, 1, 0.753, 0.0963},
            {13, 12, 1, 0.690, 0.1068},
            {16, 11, 1, 0.627, 0.1141},
            {22, 7, 1, 0.538, 0.1282},
            {23, 6, 1, 0.448, 0.1346},
        };
        assertEquals(published.length, steps.size());
        for (int i = 0; i < published.length; i++) {
            KaplanMeier.Step s = steps.get(i);
            assertEquals(published[i][0], s.time());
            assertEquals((long) published[i][1], s.atRisk(), "at risk at " + s.time());
            assertEquals((long) published[i][2], s.events());
            assertEquals(published[i][3], s.survival(), 0.0005, "survival at " + s.time());
            assertEquals(published[i][4], s.standardError(), 0.00005, "Greenwood se at " + s.time());
        }
        assertEquals(0.753, km.survivalAt(12), 0.0005);
        assertEquals(1.0, km.survivalAt(5));
    }

    @Test
    void mergingEqualsAddingEverything() {
        KaplanMeier a = new KaplanMeier();
        KaplanMeier b = new KaplanMeier();
        KaplanMeier all = new KaplanMeier();
        for (int i = 0; i < 50; i++) {
            boolean ev = i % 3 != 0;
            (i % 2 == 0 ? a : b).add(i % 7, ev);
            all.add(i % 7, ev);
        }
        a.addAll(b);
        assertEquals(all.steps(), a.steps());
    }

    /** The life table has every observed time, censoring-only times included, with the censored counts. */
    /** Counts made elsewhere (per replication, on a worker) give the curve of adding each subject. */
    @Test
    void addingCountsEqualsAddingEachSubject() {
        KaplanMeier counted = new KaplanMeier();
        KaplanMeier each = new KaplanMeier();
        long[][] counts = {{0, 0}, {3, 1}, {0, 2}, {4, 0}, {0, 0}, {1, 5}};
        for (int t = 0; t < counts.length; t++) {
            counted.add(t, true, counts[t][0]);
            counted.add(t, false, counts[t][1]);
            for (int k = 0; k < counts[t][0]; k++) {
                each.add(t, true);
            }
            for (int k = 0; k < counts[t][1]; k++) {
                each.add(t, false);
            }
        }
        assertEquals(each.rows(), counted.rows());
        assertEquals(each.subjects(), counted.subjects());
    }

    @Test
    void rowsCountCensoringsAtEveryObservedTime() {
        KaplanMeier km = gehanSixMp();
        List<KaplanMeier.Row> rows = km.rows();
        assertEquals(List.of(6.0, 7.0, 9.0, 10.0, 11.0, 13.0, 16.0, 17.0, 19.0, 20.0, 22.0, 23.0, 25.0, 32.0, 34.0, 35.0),
                rows.stream().map(KaplanMeier.Row::time).toList());
        KaplanMeier.Row nine = rows.get(2);
        assertEquals(16, nine.atRisk());
        assertEquals(0, nine.events());
        assertEquals(1, nine.censored());
        assertEquals(rows.get(1).survival(), nine.survival(), "a censoring does not move S");
        assertEquals(2, rows.get(13).censored());
        assertEquals(21, rows.stream().mapToLong(r -> r.events() + r.censored()).sum());
        // The event rows are the steps, number for number.
        assertEquals(km.steps(), rows.stream().filter(r -> r.events() > 0).map(r -> new KaplanMeier.Step(r.time(),
                r.atRisk(), r.events(), r.survival(), r.standardError(), r.lower(), r.upper())).toList());
    }

    /** The 6-MP group of the Gehan remission data (see {@link #matchesThePublishedSixMpExample}). */
    private static KaplanMeier gehanSixMp() {
        KaplanMeier km = new KaplanMeier();
        double[] times = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
        boolean[] event = {true, true, true, false, true, false, true, false, false, true, true, false, false,
            false, true, true, false, false, false, false, false};
        for (int i = 0; i < times.length; i++) {
            km.add(times[i], event[i]);
        }
        return km;
    }

    /**
     * Six subjects: events at 1, 2, 2 and 4, censored at 3 and 5. By hand (Greenwood): S = 5/6, 1/2, 1/4 after
     * 1, 2, 4; the Greenwood sums 1/30, 1/6, 2/3; plain 95% bounds S -+ 1.96 SE clamped to [0, 1]. R 4.2.2
     * {@code survfit(Surv(c(1,2,2,3,4,5), c(1,1,1,0,1,0)) ~ 1, conf.type = "plain")} prints the same to 1e-5
     * (it uses qnorm(.975) = 1.959964 for 1.96): lower 0.5351343, 0.0999240, 0; upper 1, 0.9000760, 0.6500760.
     */
    @Test
    void boundsAreTheClampedPlainIntervalAndSurvivalAtAnEventTimeIncludesIt() {
        KaplanMeier km = new KaplanMeier();
        double[] t = {1, 2, 2, 3, 4, 5};
        boolean[] event = {true, true, true, false, true, false};
        for (int i = 0; i < t.length; i++) {
            km.add(t[i], event[i]);
        }
        List<KaplanMeier.Step> steps = km.steps();
        assertEquals(3, steps.size());
        double[] s = {5.0 / 6, 0.5, 0.25};
        double[] se = {5.0 / 6 * Math.sqrt(1.0 / 30), 0.5 * Math.sqrt(1.0 / 6), 0.25 * Math.sqrt(2.0 / 3)};
        double[] lower = {s[0] - 1.96 * se[0], s[1] - 1.96 * se[1], 0}; // 0.25 - 0.40 clamps to 0
        double[] upper = {1, s[1] + 1.96 * se[1], s[2] + 1.96 * se[2]}; // 0.83 + 0.30 clamps to 1
        double[] rLower = {0.5351343093804739, 0.0999240269703909, 0};
        double[] rUpper = {1, 0.900075973029609, 0.650075973029609};
        for (int i = 0; i < 3; i++) {
            KaplanMeier.Step st = steps.get(i);
            assertEquals(s[i], st.survival(), 1e-12);
            assertEquals(se[i], st.standardError(), 1e-12);
            assertEquals(lower[i], st.lower(), 1e-12, "lower " + i);
            assertEquals(upper[i], st.upper(), 1e-12, "upper " + i);
            assertEquals(rLower[i], st.lower(), 1e-5);
            assertEquals(rUpper[i], st.upper(), 1e-5);
        }
        // The survival function is right-continuous: at an event time it already includes that event.
        assertEquals(1.0, km.survivalAt(0.5), 0);
        assertEquals(5.0 / 6, km.survivalAt(1.0), 1e-15);
        assertEquals(5.0 / 6, km.survivalAt(1.999), 1e-15);
        assertEquals(0.5, km.survivalAt(2.0), 1e-15);
        assertEquals(0.5, km.survivalAt(3.0), 1e-15);
        assertEquals(0.25, km.survivalAt(4.0), 1e-15);
        assertEquals(0.25, km.survivalAt(100), 1e-15);
        assertEquals(6, km.subjects());
    }

    @Test
    void whenTheLastSubjectHasTheEventTheErrorIsZeroNotNaN() {
        // Events at 1 and 2 among two subjects: S = 1/2 then 0. At S = 0 Greenwood's sum is infinite; the
        // standard error is 0 by convention (as R's survfit prints), so the bounds are 0 and 0.
        KaplanMeier km = new KaplanMeier();
        km.add(1, true);
        km.add(2, true, 1);
        km.add(3, false, 0); // no subjects: nothing added
        List<KaplanMeier.Step> steps = km.steps();
        assertEquals(2, steps.size());
        assertEquals(0.0, steps.get(1).survival());
        assertEquals(0.0, steps.get(1).standardError());
        assertEquals(0.0, steps.get(1).lower());
        assertEquals(0.0, steps.get(1).upper());
        assertEquals(2, km.subjects());
        // Merging a fit with a time this one lacks adds that time's counts.
        KaplanMeier other = new KaplanMeier();
        other.add(0.5, false);
        km.addAll(other);
        assertEquals(3, km.subjects());
        assertEquals(3, km.rows().size());
        assertEquals(1, km.rows().get(0).censored());
        assertEquals(3, km.rows().get(0).atRisk());
        assertEquals(2, km.rows().get(1).atRisk(), "the subject censored at 0.5 has left");
        assertThrows(IllegalArgumentException.class, () -> km.add(Double.POSITIVE_INFINITY, true));
        assertThrows(IllegalArgumentException.class, () -> km.add(-1, true));
        assertThrows(IllegalArgumentException.class, () -> km.add(1, true, -1));
    }
}
