package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationSpecsTest {

    static final Set<String> STATS = Set.of("therapist_dropout_icc", "repair_improvement_r");

    @Test
    void theBuiltInSetCitesEverySource() throws ScenarioException {
        ValidationSpec v = ValidationSpecs.load("validation", Set.of(
                "therapist_dropout_rate_lowest", "therapist_dropout_rate_highest", "therapist_improvement_icc",
                "therapist_dropout_deterioration_rho", "repair_improvement_r", "v_shaped_share",
                "v_shaped_gain_difference", "good_enough_rate_by_length_r"));
        assertEquals(8, v.patterns().size());
        assertTrue(v.patterns().stream().allMatch(p -> !p.source().isBlank() && !p.published().isBlank()));
        ValidationSpec.Pattern icc = v.patterns().get(2);
        assertEquals("therapist_improvement_icc", icc.statistic());
        assertTrue(icc.inRange(0.058) && !icc.inRange(0.012), "Saxon et al.'s 5.8% in, the model's 1.2% out");
    }

    @Test
    void errorsAreLocatedAndNameWhatIsAllowed() {
        ScenarioException u = assertThrows(ScenarioException.class, () -> ValidationSpecs.parse("v.yaml",
                "patterns:\n  - {statistic: therapist_dropout_ic, min: 0, max: 1}\n", STATS));
        assertTrue(u.getMessage().contains("did you mean 'therapist_dropout_icc'?"), u.getMessage());
        ScenarioException r = assertThrows(ScenarioException.class, () -> ValidationSpecs.parse("v.yaml",
                "patterns:\n  - {statistic: repair_improvement_r, min: 0.4, max: 0.2}\n", STATS));
        assertTrue(r.getMessage().contains("v.yaml:2"), r.getMessage());
        assertTrue(r.getMessage().contains("below max"), r.getMessage());
    }

    /** A calibration targets file is no validation set, and the other way round (CalibrationSpecs). */
    @Test
    void theTargetsFileIsNoValidationSet() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ValidationSpecs.parse("literature.yaml",
                CalibrationSpecs.builtinText("literature"), STATS));
        assertTrue(e.getMessage().contains("literature.yaml"), e.getMessage());
    }
}
