package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeMergeTest {

    private static SourceTree layer(String file, String yaml) throws ScenarioException {
        return SourceTree.parse(file, yaml, false);
    }

    @Test
    void mappingsMergeFieldByFieldAndEachValueKeepsItsOrigin() throws ScenarioException {
        SourceTree base = layer("base.yaml", "run:\n  families: 50\n  session_limit: 12\n");
        SourceTree own = layer("own.yaml", "seed: 3\nrun:\n  families: 60\n");
        TreeMerge m = TreeMerge.of(List.of(base, own), "own");
        assertEquals(60, m.root.at("/run/families").intValue());
        assertEquals(12, m.root.at("/run/session_limit").intValue(), "kept from the base");
        assertEquals("cohort", m.root.at("/run/mode").asText(), "kept from the defaults");
        assertEquals(new SourceTree.Origin("own.yaml", 3, 13), m.origins.get("run.families"));
        assertEquals(new SourceTree.Origin("base.yaml", 3, 18), m.origins.get("run.session_limit"));
        assertEquals(ScenarioLibrary.DEFAULTS_LABEL, m.origins.get("run.mode").file());
    }

    @Test
    void aListReplacesTheWholeListAndItsOrigins() throws ScenarioException {
        SourceTree own = layer("own.yaml", "families:\n  - {share: 1, conflict: 0.2}\n");
        TreeMerge m = TreeMerge.of(List.of(own), "own");
        assertEquals(1, m.root.get("families").size());
        assertFalse(m.root.get("families").get(0).has("roles"), "entry defaults are not the merge's job");
        assertEquals("own.yaml", m.origins.get("families[0].conflict").file());
        assertNull(m.origins.get("families[3]"), "the defaults' fourth family went with its list");
        assertNull(m.origins.get("families[0].roles"));
        assertFalse(m.origins.keySet().stream().anyMatch(k -> k.startsWith("families[1]")), m.origins.toString());
    }

    @Test
    void nameAndDescriptionBelongToTheFileAskedFor() throws ScenarioException {
        SourceTree base = layer("base.yaml", "name: base\ndescription: the base\nseed: 9\n");
        SourceTree own = layer("own.yaml", "extends: base.yaml\nreplications: 2\n");
        TreeMerge m = TreeMerge.of(List.of(base, own), "own-file");
        assertEquals("own-file", m.root.get("name").asText());
        assertEquals("", m.root.get("description").asText());
        assertEquals(9, m.root.get("seed").intValue());
        assertNull(m.root.get("extends"));
        TreeMerge named = TreeMerge.of(List.of(base), "ignored");
        assertEquals("base", named.root.get("name").asText());
        assertEquals(new SourceTree.Origin("base.yaml", 1, 7), named.origins.get("name"));
    }

    @Test
    void theResultIsACopyTheLayersDoNotShare() throws ScenarioException {
        SourceTree own = layer("own.yaml", "run: {families: 5}\nfamilies:\n  - {share: 1}\n");
        var before = own.root.deepCopy();
        TreeMerge m = TreeMerge.of(List.of(own), "own");
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.root.get("families").get(0)).put("share", 0.5);
        ((com.fasterxml.jackson.databind.node.ObjectNode) m.root.get("run")).put("families", 6);
        assertEquals(before, own.root);
        assertEquals(TreeCodec.defaults(), ScenarioLibrary.defaults().root);
    }
}
