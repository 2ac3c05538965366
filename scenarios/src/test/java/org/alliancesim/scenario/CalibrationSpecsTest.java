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
                "d_dropout", "therapist_dropout_icc"), Set.of("d_dropout"));
        assertEquals("default", s.base());
        assertEquals(8, s.targets().size());
        CalibrationSpec.Target sharf = s.targets().get(6);
        assertEquals("d_dropout", sharf.statistic());
        assertEquals(1301, sharf.n(), "Sharf et al. 2010: 1,301 clients");
        assertEquals(0.55, sharf.target(), 1e-12);
        assertTrue(sharf.source().contains("individual therapy"), sharf.source());
        assertTrue(s.targets().subList(0, 6).stream().noneMatch(CalibrationSpec.Target::sized), "the others state no n");
        CalibrationSpec.Target icc = s.targets().get(7);
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

    @Test
    void aStatedSampleSizeIsKeptAndAbsentIsZero() throws ScenarioException {
        CalibrationSpec s = CalibrationSpecs.parse("t.yaml", "targets:\n"
                + "  - {statistic: dropout_share, min: 0.3, max: 0.4, n: 250}\n"
                + "  - {statistic: median_sessions, min: 4, max: 6}\n"
                + "  - {statistic: dropout_share, target: 0.4, standard_error: 0.03, n: 2}\n", STATS);
        assertEquals(250, s.targets().get(0).n());
        assertTrue(s.targets().get(0).sized());
        assertEquals(0, s.targets().get(1).n());
        assertEquals(2, s.targets().get(2).n(), "2 is the smallest n allowed");
    }

    @Test
    void aSampleSizeBelowTwoIsALocatedError() {
        for (String n : new String[] {"0", "1", "-3", "1.5"}) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                    "targets:\n  - {statistic: dropout_share, min: 0.3, max: 0.4, n: " + n + "}\n", STATS), n);
            assertEquals(1, e.problems().size(), e.getMessage());
            // column 55: where the value of n starts on line 2
            assertTrue(e.getMessage().contains("t.yaml:2:55: targets[0].n: must be a sample size from 2 to 1000000"),
                    e.getMessage());
        }
        ScenarioException t = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: dropout_share, min: 0.3, max: 0.4, n: many}\n", STATS));
        assertTrue(t.getMessage().contains("t.yaml:2:55: targets[0].n: expected a whole number"), t.getMessage());
    }

    @Test
    void aStudyStatisticNeedsTheSourcesSize() {
        Set<String> stats = Set.of("dropout_share", "d_dropout");
        ScenarioException none = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: d_dropout, min: 0.4, max: 0.7}\n", stats, Set.of("d_dropout")));
        assertTrue(none.getMessage().contains("t.yaml:2:17: targets[0].statistic: d_dropout is computed on a virtual"
                + " study of the source's size: state it with n: (from 20 to 100000)"), none.getMessage());
        ScenarioException small = assertThrows(ScenarioException.class, () -> CalibrationSpecs.parse("t.yaml",
                "targets:\n  - {statistic: d_dropout, min: 0.4, max: 0.7, n: 19}\n", stats, Set.of("d_dropout")));
        assertTrue(small.getMessage().contains("t.yaml:2:51: targets[0].n: d_dropout is computed on a virtual study"
                + " of the source's size: n must be from 20 to 100000, was 19"), small.getMessage());
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
