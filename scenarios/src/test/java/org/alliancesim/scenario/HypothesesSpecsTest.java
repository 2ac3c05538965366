package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hypotheses files: defaults, typed edits, and every refusal located at file:line:column. */
class HypothesesSpecsTest {

    static final String GOOD = """
            base: default
            max_evaluations: 5
            variants:
              - name: a
                edits: {therapists.0.spread: 0.3, run.session_limit: 12}
                fit: [{path: dynamics.attendance.intercept, min: -5.0, max: -2.0}]
              - name: b
            """;

    /** The one problem of {@code text}, as the command line prints it. */
    static String problem(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> HypothesesSpecs.parse("h.yaml", text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }

    @Test
    void aFileWithDefaultsAndTypedEdits() throws Exception {
        HypothesesSpec s = HypothesesSpecs.parse("h.yaml", GOOD);
        assertEquals("literature", s.targets());
        assertEquals("validation", s.validation());
        assertEquals(Scenario.DEFAULT_SEED, s.seed());
        assertEquals(HypothesesSpec.VALIDATION_SEED, s.validationSeed());
        assertEquals(Map.of("therapists.0.spread", 0.3, "run.session_limit", 12L), s.variants().get(0).edits());
        assertEquals(List.of(), s.variants().get(1).fit());
        Scenario a = HypothesesSpecs.edited(ScenarioLoader.load("default"), s.variants().get(0));
        assertEquals(0.3, a.valueAt(ParameterPath.parse("therapists[0].spread")));
        assertEquals(12, a.valueAt(ParameterPath.parse("run.session_limit")));
    }

    @Test
    void theExampleFileLoads() throws Exception {
        HypothesesSpec s = HypothesesSpecs.load(java.nio.file.Path.of("hypotheses", "example.yaml"));
        assertEquals(List.of("default-spread", "strong-spread", "no-spread"),
                s.variants().stream().map(HypothesesSpec.Variant::name).toList());
    }

    @Test
    void anUnknownFieldIsLocated() {
        assertEquals("h.yaml:2:1: max_evaluation: unknown field 'max_evaluation' (did you mean 'max_evaluations'?);"
                + " allowed here: base, targets, validation, max_evaluations, replications, families, seed,"
                + " validation_replications, validation_seed, variants",
                problem(GOOD.replace("max_evaluations: 5", "max_evaluation: 5")));
    }

    @Test
    void anEmptyVariantListIsRefused() {
        assertEquals("h.yaml:1:11: variants: must be a list of at least one variant, was an empty list",
                problem("variants: []\n"));
    }

    @Test
    void aBudgetBelowTheFittedParametersIsRefused() {
        String two = GOOD.replace("max_evaluations: 5", "max_evaluations: 1").replace("max: -2.0}]",
                "max: -2.0}, {path: dynamics.attendance.barrier_sd, min: 0.0, max: 5.0}]");
        assertEquals("h.yaml:2:18: max_evaluations: must be at least the number of parameters a variant fits"
                + " (variant a fits 2), was 1", problem(two));
    }

    @Test
    void anUnknownParameterPathIsLocated() {
        String p = problem(GOOD.replace("dynamics.attendance.intercept", "dynamics.attendance.intercpt"));
        assertTrue(p.startsWith("h.yaml:6:18: variants[0].fit[0].path: not a field of a scenario: after"
                + " 'dynamics.attendance', unknown field 'intercpt' (did you mean 'intercept'?)"), p);
        String e = problem(GOOD.replace("therapists.0.spread", "therapists.0.sprad"));
        assertTrue(e.startsWith("h.yaml:5:13: variants[0].edits.therapists.0.sprad: not a field of a scenario"), e);
    }

    @Test
    void aRangeOutsideTheParametersBoundsIsLocated() {
        String p = problem(GOOD.replace("path: dynamics.attendance.intercept, min: -5.0, max: -2.0",
                "path: therapists.0.warmth, min: 0.5, max: 1.5"));
        assertTrue(p.startsWith("h.yaml:6:54: variants[0].fit[0].max: the range reaches 1.5, which"
                + " therapists[0].warmth cannot take: "), p);
    }

    @Test
    void anEditTheModelRefusesIsLocatedAtItsValue() {
        String p = problem(GOOD.replace("spread: 0.3", "spread: -1"));
        assertTrue(p.startsWith("h.yaml:5:34: variants[0].edits.therapists.0.spread: must be in [0.0, 0.5], was -1.0"), p);
    }

    /**
     * A variant may edit and fit with wildcards: every therapist type takes the edit, the fit is
     * checked over every entry, and a value the model refuses is located at the wildcard key as
     * written (the refusal names the entry).
     */
    @Test
    void aVariantEditsAndFitsWithWildcards() throws Exception {
        String wild = GOOD.replace("therapists.0.spread: 0.3", "\"therapists[*].spread\": 0.3")
                .replace("path: dynamics.attendance.intercept", "path: \"therapists.*.warmth\"")
                .replace("min: -5.0, max: -2.0", "min: 0.2, max: 0.9");
        HypothesesSpec s = HypothesesSpecs.parse("h.yaml", wild);
        Scenario a = HypothesesSpecs.edited(ScenarioLoader.load("default"), s.variants().get(0));
        assertEquals(List.of(0.3, 0.3), a.valuesAt(ParameterPath.parse("therapists[*].spread")));
        assertEquals("therapists[*].warmth", ParameterPath.parse(s.variants().get(0).fit().get(0).path()).toString());
        String p = problem(wild.replace("spread\": 0.3", "spread\": -1"));
        assertTrue(p.startsWith("h.yaml:5:37: variants[0].edits.therapists[*].spread: must be in [0.0, 0.5], was -1.0"),
                p);
        String range = problem(wild.replace("min: 0.2, max: 0.9", "min: 0.2, max: 1.5"));
        assertTrue(range.contains("variants[0].fit[0].max: the range reaches 1.5, which therapists[*].warmth cannot"
                + " take"), range);
    }

    @Test
    void theValidationSeedMustDifferFromTheFitSeed() {
        String p = problem(GOOD + "seed: 5\nvalidation_seed: 5\n");
        assertTrue(p.startsWith("h.yaml:9:18: validation_seed: must be a seed other than seed (5;"), p);
    }

    @Test
    void variantNamesAreFolderNamesAndUnique() {
        assertTrue(problem(GOOD.replace("name: b", "name: ../b")).startsWith("h.yaml:7:11: variants[1].name: must be"
                + " 1 to 64 letters"));
        assertTrue(problem(GOOD.replace("name: b", "name: a")).contains("variants: must be a different name for each"
                + " variant"));
    }
}
