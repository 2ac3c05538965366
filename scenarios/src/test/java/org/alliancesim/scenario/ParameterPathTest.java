package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.Experience;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Role;
import org.junit.jupiter.api.Test;

class ParameterPathTest {

    @Test
    void dotAndBracketFormsAddressTheSameFieldAndPrintCanonically() throws Exception {
        ParameterPath a = ParameterPath.parse("families.1.conflict");
        ParameterPath b = ParameterPath.parse(" families[1].conflict ");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("families[1].conflict", a.toString());
        assertEquals(List.of("families", 1, "conflict"), a.segments());
        assertEquals(double.class, a.type());
        assertEquals(int.class, ParameterPath.parse("run.families").type());
        assertEquals(long.class, ParameterPath.parse("seed").type());
    }

    @Test
    void unknownFieldIsLocatedWithASuggestionAndTheAllowedNames() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ParameterPath.parse("rules.trust_update.gain_upp"));
        Problem p = e.problems().get(0);
        assertEquals("rules.trust_update", p.path());
        assertTrue(p.message().startsWith("unknown field 'gain_upp' (did you mean 'gain_up'?); allowed here: "
                + "rule, gain_up, gain_down"), p.message());
    }

    @Test
    void indicesOnlyFollowListsAndStaySane() throws ScenarioException {
        assertEquals("'run' is not a list, so entry 0 does not apply",
                assertThrows(ScenarioException.class, () -> ParameterPath.parse("run.0.families")).problems().get(0)
                        .message());
        // 2^31 used to reach Integer.parseInt and fail with an internal error.
        assertEquals("list index 2147483648 is too large (at most 9999)",
                assertThrows(ScenarioException.class, () -> ParameterPath.parse("therapists.2147483648.warmth"))
                        .problems().get(0).message());
        assertEquals("bad list index '[x]'; expected a whole number from 0, or * for every entry",
                assertThrows(ScenarioException.class, () -> ParameterPath.parse("therapists[x].warmth")).problems()
                        .get(0).message());
        assertEquals(ParameterPath.parse("therapists[1]"), ParameterPath.parse("therapists.00001"), "leading zeros");
        assertEquals("list entries are numbered from 0, found -1", assertThrows(ScenarioException.class,
                () -> ParameterPath.parse("families.-1.share")).problems().get(0).message());
        assertThrows(ScenarioException.class, () -> ParameterPath.parse("run..families"));
        assertThrows(ScenarioException.class, () -> ParameterPath.parse(""));
        assertThrows(ScenarioException.class, () -> ParameterPath.parse("run.families.x"));
    }

    @Test
    void aWildcardInEitherFormAddressesEveryEntryAndPrintsAsWritten() throws Exception {
        ParameterPath a = ParameterPath.parse("therapists[*].warmth");
        ParameterPath b = ParameterPath.parse("therapists.*.warmth");
        assertEquals(a, b);
        assertEquals("therapists[*].warmth", b.toString());
        assertEquals(List.of("therapists", ParameterPath.Wildcard.ALL, "warmth"), a.segments());
        assertEquals(double.class, a.type());
        assertTrue(a.hasWildcard());
        assertTrue(!ParameterPath.parse("therapists[0].warmth").hasWildcard());
        assertEquals("'run' is not a list, so the wildcard * (every entry) does not apply",
                assertThrows(ScenarioException.class, () -> ParameterPath.parse("run.*.families")).problems().get(0)
                        .message());
        assertThrows(ScenarioException.class, () -> ParameterPath.parse("therapists[*].warmthh"));
    }

    @Test
    void aWildcardExpandsToEveryEntryOfTheScenariosList() throws Exception {
        Scenario base = ScenarioLoader.load("involuntary-referral");
        assertEquals(List.of(ParameterPath.parse("families[0].conflict"), ParameterPath.parse("families[1].conflict")),
                ParameterPath.parse("families[*].conflict").expand(base));
        // Nested: every role of every family (3 + 3, in row order).
        List<ParameterPath> roles = ParameterPath.parse("families[*].roles[*]").expand(base);
        assertEquals(6, roles.size());
        assertEquals("families[1].roles[0]", roles.get(3).toString());
        Scenario edited = base.with("families[*].conflict", 0.8);
        assertEquals(List.of(0.8, 0.8), edited.valuesAt(ParameterPath.parse("families.*.conflict")));
        assertEquals(0.8, edited.valueAt(ParameterPath.parse("families[*].conflict")));
        // By hand: the two types' referrals differ, so there is no single value to read.
        ScenarioException differ = assertThrows(ScenarioException.class,
                () -> base.valueAt(ParameterPath.parse("families[*].referral")));
        assertTrue(differ.problems().get(0).message().startsWith("the entries hold different values (voluntary and"
                + " involuntary)"), differ.getMessage());
    }

    @Test
    void aWildcardOverAnEmptyListOrEntriesLackingAnIndexIsALocatedError() throws Exception {
        Scenario base = ScenarioLoader.load("involuntary-referral");
        Scenario none = base.with("measurement.schedule.softa_o_sessions", List.of());
        Problem empty = assertThrows(ScenarioException.class,
                () -> none.with("measurement.schedule.softa_o_sessions[*]", 2)).problems().get(0);
        assertEquals("measurement.schedule.softa_o_sessions", empty.path());
        assertEquals("'measurement.schedule.softa_o_sessions' is empty, so the wildcard in"
                + " 'measurement.schedule.softa_o_sessions[*]' matches no entry", empty.message());
        Scenario uneven = base.with("families[0].roles", List.of("parent", "parent", "adolescent", "child"));
        Problem lacking = assertThrows(ScenarioException.class,
                () -> uneven.with("families[*].roles[3]", "child")).problems().get(0);
        assertEquals("families[1].roles", lacking.path());
        assertEquals("no entry 3; families[1].roles has 3 (numbered from 0), so 'families[*].roles[3]' does not apply"
                + " to every entry", lacking.message());
    }

    @Test
    void aWildcardEditTakesItsPlaceInTheOrderOfEdits() throws Exception {
        Scenario base = ScenarioLoader.load("involuntary-referral");
        Map<ParameterPath, Object> thenOne = new LinkedHashMap<>();
        thenOne.put(ParameterPath.parse("families[*].conflict"), 0.8);
        thenOne.put(ParameterPath.parse("families[1].conflict"), 0.2);
        Scenario a = base.with(thenOne, "test");
        assertEquals(0.8, a.model().families().get(0).conflict());
        assertEquals(0.2, a.model().families().get(1).conflict());
        Map<ParameterPath, Object> oneThen = new LinkedHashMap<>();
        oneThen.put(ParameterPath.parse("families[1].conflict"), 0.2);
        oneThen.put(ParameterPath.parse("families[*].conflict"), 0.8);
        assertEquals(0.8, base.with(oneThen, "test").model().families().get(1).conflict());
        // A refused value is located at the entry concerned.
        Problem p = assertThrows(ScenarioException.class, () -> base.with("therapists[*].warmth", 1.5)).problems()
                .get(0);
        assertEquals("therapists[0].warmth", p.path());
    }

    @Test
    void anEditEqualsTheSameOverrideReadFromText() throws Exception {
        Scenario base = ScenarioLoader.load("involuntary-referral");
        Object[][] edits = {
            {"run.families", 300, "300"},
            {"rules.trust_update.gain_up", 0.21, "0.21"},
            {"therapists[0].warmth", 0.35, "0.35"},
            {"families.1.referral", "voluntary", "voluntary"},
            {"families.0.roles", List.of("parent", "parent", "child"), "[parent, parent, child]"},
            {"setting.cameras", true, "true"},
            {"seed", 7L, "7"},
            {"replications", 3, "3"},
        };
        for (Object[] e : edits) {
            String path = (String) e[0];
            Scenario typed = base.with(path, e[1]);
            Scenario text = ScenarioLoader.load("involuntary-referral", List.of(path + "=" + e[2]));
            assertEquals(text, typed, path);
            assertNotEquals(base, typed, path);
        }
        Scenario s = base.with("families[1].referral", Referral.VOLUNTARY).with("therapists.0.experience",
                Experience.NOVICE);
        assertEquals(Referral.VOLUNTARY, s.model().families().get(1).referral());
        assertEquals(List.of(Role.PARENT, Role.PARENT, Role.CHILD),
                base.with("families.0.roles", List.of("parent", "parent", "child")).model().families().get(0).roles());
        assertEquals(0.21, base.with("rules.trust_update.gain_up", 0.21).valueAt(ParameterPath.parse("rules.trust_update.gain_up")));
    }

    @Test
    void editsValidOnlyTogetherAreAppliedTogether() throws Exception {
        Scenario base = ScenarioLoader.load("involuntary-referral");
        // Alone, either share edit breaks "shares sum to 1"; together they keep it.
        assertThrows(ScenarioException.class, () -> base.with("families[0].share", 0.3));
        Map<ParameterPath, Object> both = new LinkedHashMap<>();
        both.put(ParameterPath.parse("families[0].share"), 0.3);
        both.put(ParameterPath.parse("families[1].share"), 0.7);
        both.put(ParameterPath.parse("run.families"), 50);
        Scenario s = base.with(both, "test");
        assertEquals(0.3, s.model().families().get(0).share());
        assertEquals(0.7, s.model().families().get(1).share());
        assertEquals(50, s.model().run().families());
        assertEquals(ScenarioLoader.load("involuntary-referral",
                List.of("families[0].share=0.3", "families[1].share=0.7", "run.families=50")), s);
        Problem p = assertThrows(ScenarioException.class, () -> base.with(Map.of(
                ParameterPath.parse("families[0].share"), 0.3), "sweep point 4")).problems().get(0);
        assertEquals("sweep point 4", p.file());
    }

    @Test
    void theExactValueIsKeptWithoutRounding() throws Exception {
        double x = 0.123456789012345678;
        Scenario s = ScenarioLoader.load("default").with("rules.trust_update.gain_up", x);
        assertEquals(x, s.model().rules().trustUpdate().gainUp(), 0.0);
    }

    @Test
    void refusedValuesNameTheFieldAndWhatIsAllowed() throws Exception {
        Scenario base = ScenarioLoader.load("default");
        Problem range = assertThrows(ScenarioException.class, () -> base.with("therapists[0].warmth", 1.5))
                .problems().get(0);
        assertEquals("therapists[0].warmth", range.path());
        assertEquals("must be in [0.0, 1.0], was 1.5", range.message());
        Problem index = assertThrows(ScenarioException.class, () -> base.with("therapists[7].warmth", 0.5))
                .problems().get(0);
        assertEquals("therapists[7]", index.path());
        assertEquals("no entry 7; therapists has " + base.model().therapists().size() + " (numbered from 0)",
                index.message());
        assertEquals("expected a whole number, found 400.5 (number)",
                assertThrows(ScenarioException.class, () -> base.with("run.families", 400.5)).problems().get(0)
                        .message());
        assertEquals(400, base.with("run.families", 400.0).model().run().families());
        assertTrue(assertThrows(ScenarioException.class, () -> base.with("families[0].referral", "court"))
                .problems().get(0).message().startsWith("found 'court'; allowed: voluntary, involuntary"));
        assertTrue(assertThrows(ScenarioException.class, () -> base.with("dynamics.trust", 0.5)).problems().get(0)
                .message().startsWith("is a group of fields"));
        assertThrows(ScenarioException.class, () -> base.with("setting.cameras", "yes"));
        assertThrows(ScenarioException.class, () -> base.with("run.families", null));
    }
}
