package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.ChallengePolicy;
import org.alliancesim.model.Role;
import org.alliancesim.model.RunMode;
import org.junit.jupiter.api.Test;

/** {@code --set}: text read once into typed edits, applied together after the file is bound. */
class OverridesTest {

    /** A file using the shorthands only files have (size, entry defaults), to edit. */
    private static final String FILE = "families:\n  - {size: 4, share: 0.6}\n  - {share: 0.4, referral: involuntary}\n"
            + "therapists:\n  - {warmth: 0.5}\n";

    private static Scenario load(String... overrides) throws ScenarioException {
        return ScenarioLoader.loadText("f.yaml", FILE, Path.of("."), List.of(overrides));
    }

    private static Problem refused(String... overrides) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(overrides));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void anOverrideByTextEqualsTheSameTypedEdit() throws ScenarioException {
        Scenario base = load();
        Object[][] cases = {
            {"families[0].conflict=0.85", "families[0].conflict", 0.85},
            {"families.1.roles=[parent, other_adult, child]", "families[1].roles",
                List.of(Role.PARENT, Role.OTHER_ADULT, Role.CHILD)},
            {"therapists[0].policy=escalating", "therapists[0].policy", ChallengePolicy.ESCALATING},
            {"dynamics.start.role_offset.child=-0.25", "dynamics.start.role_offset.child", -0.25},
            {"run.mode=clinic", "run.mode", RunMode.CLINIC},
            {"run.families=250", "run.families", 250},
            {"seed=-7", "seed", -7L},
            {"replications=3", "replications", 3},
            {"name=edited", "name", "edited"},
            {"description=two words, one line", "description", "two words, one line"},
            {"setting.cameras=true", "setting.cameras", true},
            {"rules.trust_update.gain_up=0.1234567890123456789", "rules.trust_update.gain_up", 0.1234567890123456789},
        };
        for (Object[] c : cases) {
            ParameterPath path = ParameterPath.parse((String) c[1]);
            Scenario text = load((String) c[0]);
            assertEquals(base.with(path, c[2]), text, (String) c[0]);
            assertEquals(c[2], text.valueAt(path), (String) c[0]);
        }
        // All at once, as one map of edits.
        Map<ParameterPath, Object> all = new LinkedHashMap<>();
        for (Object[] c : cases) {
            all.put(ParameterPath.parse((String) c[1]), c[2]);
        }
        assertEquals(base.with(all, "test"), load(java.util.Arrays.stream(cases).map(c -> (String) c[0])
                .toArray(String[]::new)));
    }

    @Test
    void twoShareEditsValidOnlyTogetherSucceed() throws ScenarioException {
        Scenario s = load("families[0].share=0.3", "families[1].share=0.7");
        assertEquals(0.3, s.model().families().get(0).share());
        assertEquals(0.7, s.model().families().get(1).share());
        Problem alone = refused("families[0].share=0.3");
        assertEquals("--set families[0].share=0.3", alone.file());
        assertEquals("families", alone.path());
    }

    @Test
    void aRefusalConcerningSeveralOverridesNamesThemAll() {
        Problem p = refused("run.families=40", "families[0].share=0.3", "families.1.share=0.5");
        assertEquals("--set families[0].share=0.3 --set families.1.share=0.5: families: must be a mixture whose shares"
                + " sum to 1, was shares summing to 0.8", p.toString());
        Problem range = refused("run.families=40", "run.session_limit=0");
        assertEquals("--set run.session_limit=0", range.file());
        assertEquals("run.session_limit", range.path());
    }

    @Test
    void aWildcardOverrideSetsEveryEntryAndARefusalNamesItAsTyped() throws ScenarioException {
        Scenario s = load("families[*].conflict=0.9", "families.*.referral=involuntary");
        assertEquals(0.9, s.model().families().get(0).conflict());
        assertEquals(0.9, s.model().families().get(1).conflict());
        assertEquals(org.alliancesim.model.Referral.INVOLUNTARY, s.model().families().get(0).referral());
        Problem p = refused("run.families=40", "families[*].conflict=1.5");
        assertEquals("--set families[*].conflict=1.5", p.file());
        assertEquals("families[0].conflict", p.path());
        // Family 0 has 4 roles and family 1 the default 3: entry 3 is not in every family.
        Problem lacking = refused("families[*].roles[3]=child");
        assertEquals("--set families[*].roles[3]=child", lacking.file());
        assertEquals("families[1].roles", lacking.path());
    }

    @Test
    void aLaterOverrideOfTheSameFieldWins() throws ScenarioException {
        assertEquals(9, load("run.families=0", "run.families=9").model().run().families());
        assertEquals(0.2, load("families[0].conflict=0.9", "families.0.conflict=0.2").model().families().get(0)
                .conflict());
    }

    @Test
    void entryDefaultsAreDerivedWhenTheFileIsRead() throws ScenarioException {
        // families[0] has size 4: parents, adolescent (the identified patient, 2), child.
        assertEquals(2, load().model().families().get(0).identifiedPatient());
        Problem p = refused("families[0].roles=[parent, child]");
        assertEquals("--set families[0].roles=[parent, child]: families[0].identified_patient: must be in [-1, 1],"
                + " was 2", p.toString());
        Scenario both = load("families[0].roles=[parent, child]", "families[0].identified_patient=1");
        assertEquals(1, both.model().families().get(0).identifiedPatient());
        Problem size = refused("families[0].size=3");
        assertTrue(size.message().startsWith("unknown field 'size'; allowed here: name, share, roles,"), size.message());
    }

    @Test
    void onlySingleValuesAndListsOfThemCanBeSet() {
        Problem mapping = refused("families.0={conflict: 0.3}");
        assertEquals("--set families.0={conflict: 0.3}", mapping.file());
        assertTrue(mapping.message().startsWith("a mapping cannot be set as a whole"), mapping.message());
        Problem group = refused("dynamics.trust=0.5");
        assertTrue(group.message().startsWith("is a group of fields"), group.message());
        Problem ext = refused("extends=default");
        assertTrue(ext.message().startsWith("unknown field 'extends'"), ext.message());
        assertEquals("the value is empty; give one after '='", refused("run.families=").message());
        assertEquals("the value is empty; give one after '='", refused("run.families=~").message());
        assertEquals("aliases (*name) are not supported; write the value out", refused("run.families=*a").message());
        assertTrue(refused("run.families=1\n---\n2").message().endsWith("is more than one YAML value"));
        assertTrue(refused("run.families=\"open").message().startsWith("cannot read the value '\"open':"));
    }

    @Test
    void valuesOfTheWrongKindAreReportedWithTheFilesProblems() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadText("f.yaml",
                "run: {families: 0}\n", Path.of("."), List.of("seed=x", "run.mode=clinik")));
        assertEquals(List.of("--set seed=x: seed: expected a whole number, found 'x' (text)",
                "--set run.mode=clinik: run.mode: found 'clinik'; allowed: cohort, clinic (did you mean 'clinic'?)",
                "f.yaml:1:17: run.families: must be in [1, 1000000], was 0"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void whatAMessageQuotesOfAValueIsShort() {
        String longText = "z".repeat(500);
        for (String override : List.of("run.mode=" + longText, "run.families=" + longText, "name=" + longText,
                "run.families=" + "9".repeat(500))) {
            Problem p = refused(override);
            assertTrue(p.toString().length() < 400, p.toString());
            assertTrue(p.file().startsWith("--set run.") || p.file().startsWith("--set name="), p.file());
        }
    }

    @Test
    void docsStateTheLargestIndex() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/scenarios.md"));
        assertTrue(docs.contains("an index over " + ParameterPath.MAX_INDEX), "docs/scenarios.md states the largest index");
    }
}
