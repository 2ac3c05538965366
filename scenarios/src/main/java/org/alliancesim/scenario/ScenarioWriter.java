package org.alliancesim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * A resolved scenario written out in file layout (snake_case fields, lower-case enum values, the
 * model's fields beside the experiment's, defaults included): as a tree for provenance records, or
 * as the YAML {@code scenarios show} prints. What it writes loads back to the same scenario.
 * Thread-safe.
 */
final class ScenarioWriter {

    /** Block style, no document marker, quotes only where YAML needs them, one value per line. */
    private static final ObjectMapper YAML = new ObjectMapper(SourceText.yamlBuilder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private ScenarioWriter() {}

    /** The scenario as a tree in file layout. */
    static ObjectNode tree(Scenario s) {
        return TreeCodec.scenario(s);
    }

    /** The scenario as YAML text. */
    static String yaml(Scenario s) {
        try {
            return YAML.writeValueAsString(TreeCodec.scenario(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write scenario", e);
        }
    }
}
