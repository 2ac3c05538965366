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

    /** Therapist 0 loses all 10 families, therapist 1 none: all dropout variance is between therapists. */
    @Test
    void dropoutIccIsOneWhenTherapistsAloneDecide() {
        TherapistTally t = new TherapistTally();
        for (int i = 0; i < 20; i++) {
            t.add(course(i, i % 2, i % 2 == 0 ? EndReason.DROPOUT : EndReason.GOALS_MET, 3, 1, 0, 0));
        }
        assertEquals(1.0, ValidationStatistic.dropoutIcc(t), 1e-12);
    }

    /**
     * Rates count therapists with at least 10 families only (0.3, 0.6 and 0.1); a therapist
     * with 2 families, both dropouts, is left out. The deterioration proxy rises with dropout: rho 1.
     */
    @Test
    void ratesAndRhoUseTherapistsWithEnoughFamilies() {
        ReplicationData d = new ReplicationData(0, 20, false);
        int f = 0;
        int[][] spec = {{0, 10, 3, 1}, {1, 10, 6, 3}, {2, 2, 2, 0}, {3, 10, 1, 0}};
        for (int[] s : spec) {
            for (int i = 0; i < s[1]; i++) {
                boolean dropout = i < s[2];
                boolean unimproved = !dropout && i < s[2] + s[3];
                d.courseEnded(course(f++, s[0], dropout ? EndReason.DROPOUT : EndReason.SESSION_LIMIT, 20,
                        unimproved ? 0.5 : 1.5, 0, 0));
            }
        }
        assertEquals(0.1, ValidationStatistic.THERAPIST_DROPOUT_RATE_LOWEST.of(d), 1e-12);
        assertEquals(0.6, ValidationStatistic.THERAPIST_DROPOUT_RATE_HIGHEST.of(d), 1e-12);
        assertEquals(1.0, ValidationStatistic.THERAPIST_DROPOUT_DETERIORATION_RHO.of(d), 1e-12);
        assertTrue(ValidationStatistic.THERAPIST_IMPROVEMENT_ICC.of(d) > 0);
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
                "targets:\n  - {statistic: therapist_dropout_icc, min: 0.05, max: 0.2}\n", Calibration.STATISTICS));
        assertTrue(e.getMessage().contains("unknown statistic 'therapist_dropout_icc'"), e.getMessage());
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
