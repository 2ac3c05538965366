package org.alliancesim.measurement;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.stats.CronbachAlpha;
import org.alliancesim.analysis.stats.Estimate;
import org.alliancesim.analysis.stats.RaterIcc;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's check "recovered reliabilities": the default scenario measured as
 * {@code bin/alliancesim run default --reps 5 --measure} measures it (its seed 20261125, replications
 * 0-4, 5,000 families, sessions 1 and 3, two raters, 2% item non-response) gives each SOFTA-o
 * dimension's inter-rater ICC(2,1) ({@link RaterIcc}, about 24,000 member-sessions, 8,400
 * family-sessions for shared purpose) and each SOFTA-s subscale's Cronbach's alpha
 * ({@link CronbachAlpha}, about 18,000 complete member-sessions) with an interval that contains
 * the configured value (.89, .88, .74 and .95; alpha .80).
 *
 * <p>Error budget: the eight checks are one family at 95%: each estimator's 95% interval (McGraw and
 * Wong; Feldt) is widened about its estimate by z(1 - .05/16) / z(.975) = 1.40 (Bonferroni), so an
 * exact method fails this test for at most one seed in twenty; the seed is the scenario's own, not
 * chosen. At this seed the plain 95% intervals contain six of the eight values and miss safety's
 * ICC (.746, lower bound .7405) and engagement's alpha (.795, upper bound .79995) narrowly: the
 * recovered values lie within 1.6 standard errors of the reliabilities that the exact formula gives
 * for these 5,000 families' own latent values, which differ slightly from the 20 replications of
 * the reference. Under Sheppard's correction (error variance V (1 - r) / r - 1/12, the method
 * before) shared purpose had no rater error (1.000, no residual variance at all, RaterIcc refuses),
 * and engagement (.900) and the alphas (.808, .816, .811, .791) lay 4 to 7 standard errors off.
 */
class ReliabilityRecoveryTest {

    private static final int REPLICATIONS = 5;
    /** Eight checks at a family-wise 95%: z(1 - .05/16) / z(.975), 2.734 / 1.960. */
    private static final double WIDEN = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.05 / 16)
            / NormalDistribution.of(0, 1).inverseSurvivalProbability(0.05 / 2);
    private static Scenario scenario;
    private static final List<Measure> MEASURES = new ArrayList<>();

    @BeforeAll
    static void measure() throws Exception {
        scenario = ScenarioLoader.load("default");
        Measurement m = Measurement.of(scenario.measurement(), scenario.seed());
        for (int r = 0; r < REPLICATIONS; r++) {
            MEASURES.addAll(m.measure(scenario.model(), r).measures());
        }
    }

    private static String key(Measure m) {
        return m.replication() + "/" + m.familyId() + "/" + m.memberId() + "/" + m.session();
    }

    @Test
    void interRaterIccsContainTheConfiguredReliabilities() {
        ObserverRatings o = scenario.measurement().softaO();
        for (Dimension d : Dimension.values()) {
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (Measure m : MEASURES) {
                if (m.instrument() == Instrument.SOFTA_O && m.scale().equals(d.scale()) && m.rater() != Measure.NONE) {
                    rows.computeIfAbsent(key(m), k -> new double[o.raters()])[m.rater() - 1] = m.score();
                }
            }
            Estimate icc = widened(RaterIcc.of(rows.values().toArray(double[][]::new)).agreement());
            assertTrue(icc.contains(o.reliability(d)), d + ": configured " + o.reliability(d) + ", recovered " + icc
                    + " over " + rows.size() + " targets");
        }
    }

    @Test
    void cronbachsAlphasContainTheConfiguredValues() {
        SelfReport s = scenario.measurement().softaS();
        for (Dimension d : Dimension.values()) {
            Map<String, double[]> rows = new LinkedHashMap<>();
            for (Measure m : MEASURES) {
                if (m.instrument() == Instrument.SOFTA_S && m.scale().startsWith(d.scale() + "_")) {
                    int item = Integer.parseInt(m.scale().substring(d.scale().length() + 1));
                    rows.computeIfAbsent(key(m), k -> new double[SelfReport.ITEMS_PER_SCALE])[item - 1] = m.score();
                }
            }
            CronbachAlpha alpha = CronbachAlpha.of(rows.values().toArray(double[][]::new));
            assertTrue(widened(alpha.alpha()).contains(s.alpha(d)), d + ": configured " + s.alpha(d) + ", recovered "
                    + alpha.alpha() + " (widened " + widened(alpha.alpha()) + ") over " + alpha.n() + " respondents");
        }
    }

    /** The interval widened about its estimate by {@link #WIDEN} on each side. */
    private static Estimate widened(Estimate e) {
        return new Estimate(e.value(), e.value() - WIDEN * (e.value() - e.lower()),
                e.value() + WIDEN * (e.upper() - e.value()));
    }
}
