package org.alliancesim.analysis.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.TherapistTally;
import org.alliancesim.model.TherapistType;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class ValidationSetTest {

    /**
     * The default gives each therapist 22 families on average (caseloads 15 and 25, shares 0.3 and 0.7),
     * too few for the rates; with source-like caseloads every type's caseload is 100, the pool of a
     * 1000-family replication is ceil(1000 / 100) = 10 therapists, and every therapist met sees at least
     * 41 families (the floor, ValidationStatistic.MIN_CASELOAD; about 100 +- 10 by binomial spread, so
     * a floor of 41 is six standard deviations below). Fails if the edit misses a type, or if a
     * therapist below the floor were counted or one above it left out (the rates are checked against
     * the extremes computed here from the tallies).
     */
    @Test
    void sourceCaseloadsGiveEveryTherapistTheFloorAndTheRatesAreTheirExtremes() throws Exception {
        Scenario base = ScenarioLoader.load("default").withSeed(99);
        Scenario s = ValidationSet.sourceCaseloads(base);
        assertEquals(base.model().therapists().size(), s.model().therapists().size());
        for (TherapistType t : s.model().therapists()) {
            assertEquals(ValidationSet.SOURCE_CASELOAD, t.caseload(), t.name());
        }
        List<double[]> byHand = new ArrayList<>();
        Experiment.run(ExperimentPlan.of(s).replications(2).threads(2).sessionDetail(false).build(), d -> {
            TherapistTally t = d.therapists();
            double lo = 1;
            double hi = 0;
            int met = 0;
            for (int i = 0; i < t.therapists(); i++) {
                if (t.families(i) > 0) {
                    met++;
                    assertTrue(t.families(i) >= ValidationStatistic.MIN_CASELOAD, "therapist " + i + ": "
                            + t.families(i));
                    double rate = (double) t.dropouts(i) / t.families(i);
                    lo = Math.min(lo, rate);
                    hi = Math.max(hi, rate);
                }
            }
            assertEquals(10, met);
            byHand.add(new double[] {lo, hi}); // the sink hears replications in order
        });
        ValidationSet v = new ValidationSet();
        v.runSourceCaseloads(base, 0, 2, 2);
        double[] lowest = v.values(ValidationStatistic.THERAPIST_DROPOUT_RATE_LOWEST);
        double[] highest = v.values(ValidationStatistic.THERAPIST_DROPOUT_RATE_HIGHEST);
        assertEquals(2, lowest.length);
        for (int r = 0; r < 2; r++) {
            assertEquals(byHand.get(r)[0], lowest[r], 1e-12);
            assertEquals(byHand.get(r)[1], highest[r], 1e-12);
        }
    }

    /**
     * Without the source-caseload run the rates are undefined (the scenario's own run is never used for
     * them, even where its caseloads would do), while the other statistics come from the scenario's run.
     */
    @Test
    void ratesComeOnlyFromTheSourceCaseloadRun() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 200).withSeed(99);
        ValidationSet v = new ValidationSet();
        Experiment.run(ExperimentPlan.of(s).replications(2).threads(2).sessionDetail(false).build(), v::add);
        assertTrue(Double.isNaN(v.summary(ValidationStatistic.THERAPIST_DROPOUT_RATE_HIGHEST).mean()));
        assertEquals(0, v.summary(ValidationStatistic.THERAPIST_DROPOUT_RATE_LOWEST).n());
        assertEquals(2, v.summary(ValidationStatistic.THERAPIST_IMPROVEMENT_ICC).n());
        v.runSourceCaseloads(s, 0, 2, 2);
        assertEquals(2, v.summary(ValidationStatistic.THERAPIST_DROPOUT_RATE_HIGHEST).n());
        assertEquals(2, v.summary(ValidationStatistic.THERAPIST_IMPROVEMENT_ICC).n());
    }
}
