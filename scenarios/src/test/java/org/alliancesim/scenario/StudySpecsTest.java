package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Study design files: defaults, the example, and every refusal located at file:line:column. */
class StudySpecsTest {

    /** The one problem of {@code text}, as the command line prints it. */
    static String problem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudySpecs.parse("s.yaml", text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }

    @Test
    void fieldsLeftOutTakeTheDefaults() throws Exception {
        assertEquals(StudySpec.defaults(), StudySpecs.parse("s.yaml", "families: 200\n"));
        assertEquals(new StudySpec(80, 8, 3, 0.01, 7), StudySpecs.parse("s.yaml",
                "families: 80\ntherapists: 8\nearly_session: 3\nalpha: 0.01\nseed: 7\n"));
    }

    @Test
    void theExampleFileLoads() throws Exception {
        assertEquals(StudySpec.defaults().earlySession() + 2,
                StudySpecs.load(Path.of("studies", "example.yaml")).earlySession());
    }

    @Test
    void anUnknownFieldIsLocated() {
        assertEquals("s.yaml:2:1: familes: unknown field 'familes' (did you mean 'families'?); allowed here: families,"
                + " therapists, early_session, alpha, seed", problem("seed: 1\nfamiles: 80\n"));
    }

    @Test
    void valuesOutOfBoundsAreLocated() {
        assertEquals("s.yaml:1:11: families: must be in [20, 100000], was 10",
                problem("families: 10\n"));
        assertEquals("s.yaml:2:16: early_session: must be in [1, 200], was 0",
                problem("families: 50\nearly_session: 0\n"));
        assertEquals("s.yaml:1:8: alpha: must be in (0.0, 0.5], was 0.0",
                problem("alpha: 0\n"));
    }

    @Test
    void moreFamiliesThanTheTherapistsCanSeeAreRefused() {
        assertEquals("s.yaml:1:11: families: must be at most 100 families per therapist, so at most 2000"
                + " with 20 therapists, was 2001", problem("families: 2001\n"));
    }

    @Test
    void aMissingFileIsNamed() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudySpecs.load(Path.of("no-such.yaml")));
        assertEquals("no-such.yaml: no such file", e.problems().get(0).toString());
    }
}
