package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {

    @Test
    void eachBuiltinIsParsedOnceAndLabelledAsABuiltin() {
        for (String name : ScenarioLibrary.NAMES) {
            SourceTree t = ScenarioLibrary.tree(name);
            assertSame(t, ScenarioLibrary.tree(name), name);
            assertEquals("built-in:" + name, t.file);
            t.origins.values().forEach(o -> assertEquals("built-in:" + name, o.file(), name));
        }
    }

    @Test
    void onlyBuiltinNamesAreRead() {
        assertTrue(ScenarioLibrary.contains("default"));
        for (String other : List.of("../../../pom", "Default", "default.yaml", "")) {
            assertTrue(!ScenarioLibrary.contains(other), other);
            assertThrows(IllegalStateException.class, () -> ScenarioLibrary.text(other), other);
        }
    }

    @Test
    void theDefaultsAreTheCalibratedModelFromBuiltInDefaults() {
        SourceTree d = ScenarioLibrary.defaults();
        assertEquals(TreeCodec.defaults(), d.root);
        assertEquals(ScenarioLibrary.DEFAULTS_LABEL, d.origins.get("rules.trust_update.gain_up").file());
        assertSame(d, ScenarioLibrary.defaults());
    }

    @Test
    void loadingAndEditingLeaveTheSharedTreesAsTheyWere() throws ScenarioException {
        String name = "involuntary-referral";
        SourceTree shared = ScenarioLibrary.tree(name);
        var before = shared.root.deepCopy();
        var originsBefore = new java.util.TreeMap<>(shared.origins);
        Scenario s = ScenarioLoader.load(name, List.of("families.0.conflict=0.1", "run.families=7"));
        ScenarioLoader.loadText("x.yaml", "extends: " + name + "\nfamilies:\n  - {size: 4}\n", Path.of("."), List.of());
        assertEquals(0.1, s.model().families().get(0).conflict());
        assertEquals(before, shared.root);
        assertEquals(originsBefore, shared.origins);
        assertEquals(TreeCodec.defaults(), ScenarioLibrary.defaults().root);
    }
}
