package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CalibrationSpecsTest {

    static final Set<String> STATS = Set.of("dropout_share", "median_sessions");

    @Test
    void literatureTargetsLoadWithTheirSources() throws ScenarioException {
        CalibrationSpec s = CalibrationSpecs.load("literature", Set.of("dropout_share", "early_dropout_share",
                "median_sessions", "improved_by_session_8", "dropout_share_involuntary", "dropout_share_voluntary",
                "therapist_dropout_icc"));
        assertEquals("default", s.base());
        assertEquals(7, s.targets().size());
        CalibrationSpec.Target icc = s.targets().get(6);
        assertEquals("therapist_dropout_icc", icc.statistic());
        assertTrue(icc.inRange(0.126) && !icc.inRange(0.016), "Saxon et al.'s 12.6% in, main's model's 1.6% out");
        assertTrue(s.targets().stream().allMatch(t -> !t.source().isBlank()), "every target cites a source");
        assertTrue(s.parameters().size() >= 8, "the fit covers at least 8 parameters (issue 13): " + s.parameters().size());
        assertEquals(1, s.anchors().size());
    }

    @Test
    void toleranceAndStandardErrorBecomeRanges() throws ScenarioException {
        CalibrationSpec s = CalibrationSpecs.parse("t.yaml", "targets:\n"
                + "  - {statistic: median_sessions, target: 5, tolerance: 1}\n"
                + "  - {statistic: dropout_share, target: 0.4, standard_error: 0.01}\n", STATS);
        assertEquals(4, s.targets().get(0).min(), 1e-12);
        assertEquals(6, s.targets().get(0).max(), 1e-12);
        assertEquals(0.4 - 0.0196, s.targets().get(1).min(), 1e-12);
        assertEquals(0.4 + 0.0196, s.targets().get(1).max(), 1e-12);
    }

    @Test
    void problemsAreLocated() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: median_sessions, min: 6, max: 4}\n", STATS));
        String m = e.getMessage();
        assertTrue(m.contains("t.yaml:2:") && m.contains("targets[0].min: must be below max"), m);
        ScenarioException r = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: median_sessions, min: 4, max: 6}\nreplications: 0\n", STATS));
        assertTrue(r.getMessage().contains("t.yaml:3:15: replications: must be in [1, 1000], was 0"), r.getMessage());
        ScenarioException u = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: dropuot_share, min: 0.3, max: 0.4}\n", STATS));
        assertTrue(u.getMessage().contains("did you mean 'dropout_share'?"), u.getMessage());
    }
}
