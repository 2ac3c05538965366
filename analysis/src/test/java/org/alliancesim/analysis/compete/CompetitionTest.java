package org.alliancesim.analysis.compete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.ValidationSpec;
import org.junit.jupiter.api.Test;

class CompetitionTest {

    static ValidationSet.Row row(double min, double max, double estimate) {
        return new ValidationSet.Row(new ValidationSpec.Pattern("v_shaped_share", min, max, "", ""),
                new MetricSummary(estimate, 0, estimate, estimate, 2));
    }

    /** Squared distance from the middle of each range in half-widths; an undefined statistic adds nothing. */
    @Test
    void theValidationDistanceIsStandardisedByEachRangesHalfWidth() {
        assertEquals(0.0, Competition.validationDistance(List.of(row(0.1, 0.3, 0.2))), 1e-12);
        assertEquals(1.0, Competition.validationDistance(List.of(row(0.1, 0.3, 0.3))), 1e-12);
        assertEquals(4.0 + 1.0, Competition.validationDistance(List.of(row(0.0, 1.0, 1.5), row(-1.0, 0.0, -1.0))),
                1e-12);
        assertEquals(1.0, Competition.validationDistance(List.of(row(0.1, 0.3, Double.NaN), row(0.1, 0.3, 0.1))),
                1e-12);
    }
}
