package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.measurement.MeasurementSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code measurement:} section: defaults, partial sections, typed edits, and bad input located. */
class MeasurementSectionTest {

    @TempDir
    Path dir;

    private Scenario load(String text, String... sets) throws ScenarioException {
        return ScenarioLoader.loadText("s.yaml", text, dir, List.of(sets));
    }

    private Problem refused(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void aFileWithoutTheSectionHasTheDefaultsAndDoesNotMeasure() throws ScenarioException {
        Scenario s = load("seed: 3\n");
        assertEquals(MeasurementSpec.defaults(), s.measurement());
        assertFalse(s.measurement().enabled());
        assertEquals(MeasurementSpec.defaults(), ScenarioLoader.load("default").measurement());
    }

    @Test
    void aSectionTurnsMeasurementOnAndKeepsTheDefaultsItLeavesOut() throws ScenarioException {
        Scenario s = load("measurement:\n  softa_o:\n    raters: 3\n    safety: 0.8\n");
        assertTrue(s.measurement().enabled());
        assertEquals(3, s.measurement().softaO().raters());
        assertEquals(0.8, s.measurement().softaO().safety());
        assertEquals(0.89, s.measurement().softaO().engagement());
        assertEquals(MeasurementSpec.defaults().schedule(), s.measurement().schedule());
        assertFalse(load("measurement:\n  enabled: false\n  softa_o:\n    raters: 3\n").measurement().enabled());
    }

    @Test
    void scheduleSessionsAreSortedWithoutRepeats() throws ScenarioException {
        Scenario s = load("measurement:\n  schedule:\n    softa_o_sessions: [5, 1, 5, 2]\n");
        assertEquals(List.of(1, 2, 5), s.measurement().schedule().softaOSessions());
    }

    @Test
    void typedEditsReachMeasurementFields() throws ScenarioException {
        Scenario s = load("seed: 3\n", "measurement.softa_o.raters=1", "measurement.schedule.outcome_every=2");
        assertEquals(1, s.measurement().softaO().raters());
        assertEquals(2, s.measurement().schedule().outcomeEvery());
        assertFalse(s.measurement().enabled(), "--set alone does not turn measurement on");
        Scenario t = s.with("measurement.outcome.reliability", 0.7).with("measurement.schedule.softa_s_sessions",
                List.of(2, 4));
        assertEquals(0.7, t.measurement().outcome().reliability());
        assertEquals(List.of(2, 4), t.measurement().schedule().softaSSessions());
        assertEquals(0.7, t.valueAt(ParameterPath.parse("measurement.outcome.reliability")));
        assertEquals(s.model(), t.model());
        assertTrue(s.withMeasurementEnabled(true).measurement().enabled());
        ScenarioException e = assertThrows(ScenarioException.class, () -> s.with("measurement.softa_o.raters", 4));
        assertEquals("measurement.softa_o.raters", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("must be in [1, 3], was 4"), e.getMessage());
    }

    @Test
    void theResolvedScenarioWrittenOutLoadsBackTheSame() throws ScenarioException {
        Scenario s = load("measurement:\n  softa_s:\n    safety: 0.7\n  follow_up:\n    weeks: 12\n");
        Scenario back = ScenarioLoader.loadText("s.yaml", ScenarioLoader.toYaml(s), dir, List.of());
        assertEquals(s, back);
        Scenario off = load("seed: 3\n");
        assertEquals(off, ScenarioLoader.loadText("s.yaml", ScenarioLoader.toYaml(off), dir, List.of()));
    }

    @Test
    void aReliabilityOutsideZeroToOneIsLocated() {
        Problem p = refused("seed: 1\nmeasurement:\n  softa_o:\n    engagement: 1.5\n");
        assertEquals("s.yaml:4:17: measurement.softa_o.engagement: must be in (0.0, 1.0], was 1.5", p.toString());
        Problem zero = refused("measurement:\n  outcome:\n    reliability: 0\n");
        assertEquals("measurement.outcome.reliability", zero.path());
        assertEquals(3, zero.line());
        assertTrue(zero.message().contains("must be in (0.0, 1.0], was 0.0"), zero.message());
    }

    @Test
    void ratersBelowOneAreLocated() {
        Problem p = refused("measurement:\n  softa_o:\n    raters: 0\n");
        assertEquals("s.yaml:3:13: measurement.softa_o.raters: must be in [1, 3], was 0", p.toString());
    }

    @Test
    void aScheduleSessionBelowOneIsLocated() {
        Problem p = refused("measurement:\n  schedule:\n    softa_o_sessions: [1, 0]\n");
        assertEquals("measurement.schedule.softa_o_sessions", p.path());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("must be a list of sessions, each in [1, 200], was entry 1 = 0"), p.message());
    }

    @Test
    void anUnknownInstrumentGetsASuggestion() {
        Problem p = refused("measurement:\n  softa_x:\n    raters: 2\n");
        assertEquals("measurement.softa_x", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("unknown field 'softa_x' (did you mean 'softa_o'?)"), p.message());
        assertTrue(p.message().contains("allowed here: enabled, softa_o, softa_s, outcome, schedule, nonresponse,"
                + " follow_up"), p.message());
    }
}
