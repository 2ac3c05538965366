package org.alliancesim.analysis.validation;

import static org.alliancesim.analysis.experiment.Courses.course;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.experiment.TherapistTally;
import org.alliancesim.model.EndReason;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ValidationSpec;
import org.junit.jupiter.api.Test;

class ValidationStatisticTest {

    /**
     * Improvement 1, 2, 3 for therapist 0 and 5, 6, 7 for therapist 1 (equal caseloads): REML equals
     * the ANOVA estimates, MSB = 24, MSW = 1, var_u = (24 - 1) / 3, ICC = (23/3) / (23/3 + 1) = 23/26.
     */
    @Test
    void improvementIccIsTheRemlShare() {
        TherapistTally t = new TherapistTally();
        double[] improvement = {1, 2, 3, 5, 6, 7};
        for (int i = 0; i < 6; i++) {
            t.add(course(i, i / 3, EndReason.GOALS_MET, 3, improvement[i], 0, 0));
        }
        assertEquals(23.0 / 26, ValidationStatistic.improvementIcc(t), 1e-7);
    }

    /**
     * Rates count therapists with caseloads like the source's, at least 41 families (here 0.3, 0.6 and
     * 0.1 of 50, 50 and 41); a therapist with 40 families, all dropouts, is left out. Rho counts
     * therapists with at least 10 families: the deterioration proxy rises with dropout over therapists
     * 0, 1, 3 and the 40-family one, rho 1.
     */
    @Test
    void ratesUseTherapistsWithCaseloadsLikeTheSources() {
        ReplicationData d = new ReplicationData(0, 20, false);
        int f = 0;
        int[][] spec = {{0, 50, 15, 5}, {1, 50, 30, 12}, {2, 40, 38, 2}, {3, 41, 4, 1}, {4, 9, 0, 0}};
        for (int[] s : spec) {
            for (int i = 0; i < s[1]; i++) {
                boolean dropout = i < s[2];
                boolean unimproved = !dropout && i < s[2] + s[3];
                d.courseEnded(course(f++, s[0], dropout ? EndReason.DROPOUT : EndReason.SESSION_LIMIT, 20,
                        unimproved ? 0.5 : 1.5, 0, 0));
            }
        }
        assertEquals(4.0 / 41, ValidationStatistic.THERAPIST_DROPOUT_RATE_LOWEST.of(d), 1e-12);
        assertEquals(0.6, ValidationStatistic.THERAPIST_DROPOUT_RATE_HIGHEST.of(d), 1e-12);
        assertEquals(1.0, ValidationStatistic.THERAPIST_DROPOUT_DETERIORATION_RHO.of(d), 1e-12);
        assertTrue(ValidationStatistic.THERAPIST_IMPROVEMENT_ICC.of(d) > 0);
    }

    /** Smaller caseloads leave the rates undefined rather than comparing unlike extremes. */
    @Test
    void ratesAreUndefinedWithoutCaseloadsLikeTheSources() {
        ReplicationData d = new ReplicationData(0, 20, false);
        for (int i = 0; i < 80; i++) {
            d.courseEnded(course(i, i % 2, i % 3 == 0 ? EndReason.DROPOUT : EndReason.SESSION_LIMIT, 20, 1, 0, 0));
        }
        assertTrue(Double.isNaN(ValidationStatistic.THERAPIST_DROPOUT_RATE_LOWEST.of(d)));
        assertTrue(Double.isNaN(ValidationStatistic.THERAPIST_DROPOUT_RATE_HIGHEST.of(d)));
    }

    /** The validation set can never be a calibration objective: no key is a metric a targets file may name. */
    @Test
    void noValidationStatisticIsACalibrationStatistic() {
        Set<String> both = new HashSet<>(ValidationStatistic.KEYS);
        both.retainAll(Metric.KEYS);
        assertEquals(Set.of(), both);
        assertEquals(ValidationStatistic.KEYS.size(), ValidationStatistic.values().length);
    }

    @Test
    void aTargetsFileNamingAValidationStatisticIsRefused() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: therapist_improvement_icc, min: 0.03, max: 0.09}\n", Calibration.STATISTICS));
        assertTrue(e.getMessage().contains("unknown statistic 'therapist_improvement_icc'"), e.getMessage());
        assertThrows(ScenarioException.class, () -> Calibration.targets("validation"),
                "the validation file is no targets file");
    }

    @Test
    void theBuiltInSetNamesEveryStatisticOnce() throws Exception {
        ValidationSpec v = ValidationSet.spec("validation");
        assertEquals(ValidationStatistic.KEYS, Set.copyOf(v.patterns().stream().map(ValidationSpec.Pattern::statistic)
                .toList()));
        assertEquals(ValidationStatistic.values().length, v.patterns().size());
    }
}
