package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.model.ModelParameters;
import org.junit.jupiter.api.Test;

/** A scenario's name names its results folder: only names that stay one folder inside it. */
class ScenarioTest {

    private static Scenario named(String name) {
        return new Scenario(name, "", 1, 1, ModelParameters.defaults());
    }

    @Test
    void namesThatStayOneFolderAreAccepted() {
        for (String name : new String[] {"default", "a", "7", "my_scenario-2.v1", "x".repeat(Scenario.MAX_NAME_LENGTH)}) {
            assertEquals(name, named(name).name());
        }
    }

    @Test
    void namesThatLeaveTheFolderOrBreakLinesAreRefused() {
        for (String name : new String[] {"../../escaped", "a/b", "a\\b", "..", "a..b", ".hidden", "-x", "_x", "a b",
            "a\nb", "a\tb", "a\rb", "", "x".repeat(Scenario.MAX_NAME_LENGTH + 1), "caf\u00e9"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> named(name), name);
            assertTrue(e.getMessage().startsWith("name must be 1 to 64 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit, without '..' (it names the results folder), was '"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> named(null));
    }

    @Test
    void fileNamesBecomeValidNames() {
        assertEquals("involuntary-referral", ScenarioLoader.nameOf("involuntary-referral.yaml"));
        assertEquals("my-scenario--v2-", ScenarioLoader.nameOf("my scenario (v2).yaml"));
        assertEquals("evil", ScenarioLoader.nameOf("..evil.yaml"));
        assertEquals("a.b", ScenarioLoader.nameOf("a...b.json"));
        assertEquals("a-b", ScenarioLoader.nameOf("a\nb.yaml"));
        assertEquals("scenario", ScenarioLoader.nameOf("\u00e9\u00e9.yaml"));
        assertEquals(Scenario.MAX_NAME_LENGTH, ScenarioLoader.nameOf("y".repeat(300) + ".yaml").length());
        for (String f : new String[] {"my scenario (v2).yaml", "..evil.yaml", "a...b.json", "a\nb.yaml", "-.-.yaml"}) {
            named(ScenarioLoader.nameOf(f));
        }
    }
}
