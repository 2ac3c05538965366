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
        ScenarioException e = assertThrows(ScenarioException.class, () -> ParameterPath.parse("dynamics.trust.gain_upp"));
        Problem p = e.problems().get(0);
        assertEquals("dynamics.trust", p.path());
        assertTrue(p.message().startsWith("unknown field 'gain_upp' (did you mean 'gain_up'?); allowed here: "
                + "warmth_weight, empathy_weight"), p.message());
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
        assertEquals("bad list index '[x]'; expected a whole number from 0",
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
    void anEditEqualsTheSameOverrideReadFromText() throws Exception {
        Scenario base = ScenarioLoader.load("involuntary-referral");
        Object[][] edits = {
            {"run.families", 300, "300"},
            {"dynamics.trust.gain_up", 0.21, "0.21"},
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
        assertEquals(0.21, base.with("dynamics.trust.gain_up", 0.21).valueAt(ParameterPath.parse("dynamics.trust.gain_up")));
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
        Scenario s = ScenarioLoader.load("default").with("dynamics.trust.gain_up", x);
        assertEquals(x, s.model().dynamics().trust().gainUp(), 0.0);
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
