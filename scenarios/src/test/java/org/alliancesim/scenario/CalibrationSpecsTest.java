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
                "median_sessions", "improved_by_session_8", "dropout_share_involuntary", "dropout_share_voluntary"));
        assertEquals("default", s.base());
        assertEquals(6, s.targets().size());
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

    static final String HEAD = "targets:\n  - {statistic: median_sessions, min: 4, max: 6}\nparameters:\n";

    @Test
    void priorsDefaultToUniformAndMayBeStated() throws ScenarioException {
        CalibrationSpec s = CalibrationSpecs.parse("t.yaml", HEAD
                + "  - {path: a.b, min: 0, max: 2}\n"
                + "  - {path: a.c, min: 0, max: 2, prior: {distribution: normal, mean: 1, sd: 0.5}}\n"
                + "  - {path: a.d, min: 0.1, max: 5, prior: {distribution: lognormal, mean: 0, sd: 1}}\n"
                + "  - {path: a.e, min: -1, max: 1, prior: {distribution: truncated_normal, mean: 0, sd: 1,"
                + " lower: -0.5, upper: 0.5}}\n", STATS);
        assertEquals(CalibrationSpec.Distribution.UNIFORM, s.parameters().get(0).prior().distribution());
        assertTrue(Double.isNaN(s.parameters().get(0).prior().mean()));
        assertEquals(CalibrationSpec.Distribution.NORMAL, s.parameters().get(1).prior().distribution());
        assertEquals(0.5, s.parameters().get(1).prior().sd(), 0);
        assertEquals(CalibrationSpec.Distribution.LOGNORMAL, s.parameters().get(2).prior().distribution());
        assertEquals(-0.5, s.parameters().get(3).prior().lower(), 0);
    }

    @Test
    void badPriorsAreLocated() {
        String[][] cases = {
            {"  - {path: a.b, min: 0, max: 2, prior: {distribution: cauchy}}\n",
                "t.yaml:4:", "parameters[0].prior.distribution: found 'cauchy' (text); allowed: uniform, normal, lognormal,"
                        + " truncated_normal"},
            {"  - {path: a.b, min: 0, max: 2, prior: {distribution: normal, mean: 3, sd: 1}}\n",
                "t.yaml:4:", "parameters[0].prior.mean: must be inside the parameter's bounds [0.0, 2.0], was 3.0"},
            {"  - {path: a.b, min: 0, max: 2, prior: {distribution: normal, mean: 1}}\n",
                "t.yaml:4:", "parameters[0].prior.sd: must be a number (a normal prior needs it)"},
            {"  - {path: a.b, min: 0, max: 2, prior: {distribution: uniform, sd: 1}}\n",
                "t.yaml:4:", "parameters[0].prior.sd: must be not given for a uniform prior, was 1.0"},
            {"  - {path: a.b, min: -1, max: 2, prior: {distribution: lognormal, mean: 0, sd: 1}}\n",
                "t.yaml:4:", "a lognormal prior only on a parameter whose min is at least 0"},
            {"  - {path: a.b, min: 0, max: 2, prior: {distribution: truncated_normal, mean: 1, sd: 1, lower: 0.5,"
                    + " upper: 3}}\n", "t.yaml:4:", "parameters[0].prior.upper: must be inside the parameter's bounds"},
        };
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                    HEAD + c[0], STATS), c[0]);
            String m = e.getMessage();
            assertTrue(m.contains(c[1]) && m.contains(c[2]), m);
        }
    }

    /** A spec written back by Jackson (as slurm --compete copies a hypotheses file) reads as it was. */
    @Test
    void aPriorWrittenBackByJacksonReadsAgain() throws ScenarioException {
        CalibrationSpec s = CalibrationSpecs.parse("t.yaml", HEAD + "  - {path: a.b, min: 0, max: 2, prior:"
                + " {distribution: UNIFORM, mean: NaN, sd: NaN, lower: NaN, upper: NaN}}\n", STATS);
        assertEquals(CalibrationSpec.Prior.UNIFORM, s.parameters().get(0).prior());
    }
}
