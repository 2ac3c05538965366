package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.stats.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The power analysis' counting ({@link StudyPower#points}) and its rule for a detection
 * ({@link StudyStatistic#detected}), on hand-made samples whose detections are counted here by eye.
 */
class StudyPowerTest {

    private static StudyStatistic p(String name, double pValue) {
        return new StudyStatistic(name, name + " label", new Estimate(0.3, 0.1, 0.5), pValue, 0.3, 40,
                StudyStatistic.Test.P_VALUE);
    }

    private static StudyStatistic share(String name, double lower) {
        return new StudyStatistic(name, name + " label", new Estimate(0.2, lower, 0.4), Double.NaN, 0.2, 40,
                StudyStatistic.Test.INTERVAL);
    }

    private static StudyStatistic reliability() {
        return new StudyStatistic("icc_raters", "raters", new Estimate(0.8, 0.7, 0.9), Double.NaN, 0.8, 40,
                StudyStatistic.Test.NONE);
    }

    @Test
    void aDetectionIsAPValueBelowAlphaOrAnIntervalAboveZeroStrictly() {
        assertTrue(p("d", 0.049).detected(0.05));
        assertFalse(p("d", 0.05).detected(0.05), "p = alpha is not below alpha");
        assertFalse(p("d", 0.2).detected(0.05));
        assertFalse(p("d", Double.NaN).detected(0.05), "not computed: not detected");
        assertTrue(p("d", 0.009).detected(0.01));
        assertFalse(p("d", 0.02).detected(0.01), "the design's alpha, not .05");
        assertTrue(share("s", 1e-9).detected(0.05));
        assertFalse(share("s", 0.0).detected(0.05), "a lower bound of 0 is not above 0");
        assertFalse(share("s", -0.1).detected(0.05));
        assertFalse(share("s", Double.NaN).detected(0.05));
        assertFalse(reliability().detected(0.05));
        assertFalse(reliability().detected(1.0), "a reliability is never an effect");
    }

    @Test
    void pointsCountDetectionsPerEffectAndSizeAndLeaveReliabilitiesOut() {
        // Two sizes (30, 60), three samples each; per sample: a p-value effect, a reliability, a share of variance.
        double[][] pValues = {{0.01, 0.2, 0.04}, {0.001, 0.003, 0.5}};
        double[][] lowers = {{-0.1, 0.02, 0.0}, {0.05, 0.01, 0.03}};
        List<List<StudyStatistic>> results = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < 3; r++) {
                results.add(List.of(p("d_dropout", pValues[s][r]), reliability(), share("icc_therapist", lowers[s][r])));
            }
        }
        List<StudyPower.Point> points = StudyPower.points(results, List.of(30, 60), 3, 0.05);
        assertEquals(4, points.size(), "two effects times two sizes; the reliability has no power");
        // d_dropout: size 30 detects 0.01 and 0.04 (2 of 3); size 60 detects 0.001 and 0.003 (2 of 3).
        check(points.get(0), "d_dropout", 30, 2);
        check(points.get(1), "d_dropout", 60, 2);
        // icc_therapist: size 30 only 0.02 (1 of 3: -0.1 and 0 are not above 0); size 60 all three.
        check(points.get(2), "icc_therapist", 30, 1);
        check(points.get(3), "icc_therapist", 60, 3);
        // At alpha .005 only size 60's 0.001 and 0.003 count.
        List<StudyPower.Point> strict = StudyPower.points(results, List.of(30, 60), 3, 0.005);
        check(strict.get(0), "d_dropout", 30, 0);
        check(strict.get(1), "d_dropout", 60, 2);
    }

    private static void check(StudyPower.Point pt, String effect, int families, int detected) {
        assertEquals(effect, pt.effect());
        assertEquals(effect + " label", pt.label());
        assertEquals(families, pt.families());
        assertEquals(3, pt.replications());
        assertEquals(detected, pt.detected(), effect + " at " + families);
        assertEquals(detected / 3.0, pt.power().value(), 1e-12);
        assertTrue(pt.power().lower() <= pt.power().value() && pt.power().value() <= pt.power().upper());
    }
}
