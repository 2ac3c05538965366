package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A study folder's study-data.yaml: defaults, the example, the required definition, every refusal located. */
class StudyDataSpecsTest {

    private static final String DEFINED = "dropout_definition: left early\n";

    static String problem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudyDataSpecs.parse("d.yaml", text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }

    @Test
    void fieldsLeftOutTakeTheDefaultsButTheDefinitionOfDropoutIsRequired() throws Exception {
        StudyDataSpec d = StudyDataSpecs.parse("d.yaml", DEFINED);
        assertEquals(new StudyDataSpec("observer", List.of(1), 1, 0.80, "outcome", 0.85, 0, 6, 0, "left early", true,
                Scenario.DEFAULT_SEED), d);
        assertTrue(d.observer());
        assertEquals("d.yaml:1:1: dropout_definition: missing; give a value (text)", problem("seed: 3\n"));
    }

    @Test
    void theExampleLoads() throws Exception {
        StudyDataSpec d = StudyDataSpecs.load(Path.of("data", "example"));
        assertEquals(List.of(1, 3), d.softaSessions());
        assertEquals(20261207L, d.seed());
    }

    @Test
    void refusalsAreLocated() {
        assertTrue(problem(DEFINED + "softa_form: self_report\n").startsWith("d.yaml:2:13: softa_form: "),
                problem(DEFINED + "softa_form: self_report\n"));
        assertTrue(problem(DEFINED + "softa_form: self_report\n").contains("one of observer, none"));
        assertTrue(problem(DEFINED + "softa_sessions: [1, 3]\nearly_session: 2\n").contains("early_session"),
                problem(DEFINED + "softa_sessions: [1, 3]\nearly_session: 2\n"));
        assertTrue(problem(DEFINED + "outcome_min: 6\noutcome_max: 1\n").contains("outcome_min"));
        assertTrue(problem(DEFINED + "softa_reliability: 1.5\n").startsWith("d.yaml:2:20: softa_reliability: must be"
                + " in (0.0, 1.0], was 1.5"), problem(DEFINED + "softa_reliability: 1.5\n"));
        assertTrue(problem(DEFINED + "dropout_defintion: x\n").contains("unknown field 'dropout_defintion'"));
        assertTrue(problem("dropout_definition: \"  \"\n").contains("dropout_definition"));
    }
}
