package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated schema, checked with a real validator (networknt json-schema-validator, draft 2020-12). */
class ScenarioSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ScenarioSchema.generate());

    static List<String> builtins() {
        return ScenarioLoader.BUILTINS;
    }

    private static Set<ValidationMessage> validate(String yaml) throws Exception {
        JsonNode node = YAML.readTree(yaml);
        return SCHEMA.validate(node);
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void everyBuiltinValidates(String name) throws Exception {
        Set<ValidationMessage> errors = validate(ScenarioLibrary.text(name));
        assertTrue(errors.isEmpty(), name + ": " + errors);
    }

    /** The first line of every built-in file, for the YAML language server (VS Code's Red Hat YAML extension). */
    static final String SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/scenario.schema.json";

    @ParameterizedTest
    @MethodSource("builtins")
    void everyBuiltinPointsEditorsAtTheCommittedSchema(String name) throws Exception {
        String first = ScenarioLibrary.text(name).lines().findFirst().orElse("");
        assertEquals(SCHEMA_COMMENT, first, name);
        Path schema = LibraryTest.libraryDir().resolve(first.substring(first.indexOf('=') + 1)).normalize();
        assertTrue(Files.isRegularFile(schema), schema.toString());
    }

    @Test
    void theCommittedSchemaIsTheGeneratedOne() throws Exception {
        Path committed = LibraryTest.libraryDir().resolveSibling("schema").resolve("scenario.schema.json");
        assertEquals(ScenarioSchema.json(), Files.readString(committed),
                "regenerate it: bin/alliancesim scenarios schema --out scenarios/schema/scenario.schema.json");
    }

    @Test
    void theResolvedFormOfEveryBuiltinValidates() throws Exception {
        for (String name : ScenarioLoader.BUILTINS) {
            Set<ValidationMessage> errors = validate(ScenarioLoader.toYaml(ScenarioLoader.load(name)));
            assertTrue(errors.isEmpty(), name + ": " + errors);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "run: {familes: 400}",
        "run: {families: many}",
        "run: {families: 0}",
        "families: [{conflict: 1.5}]",
        "families: [{referral: voluntery}]",
        "families: [{roles: [parent, parent, child, child, child, child, child]}]",
        "families: [{size: 9}]",
        "families: []",
        "therapists: [{policy: aggressive}]",
        "setting: {cameras: maybe}",
        "rules: {trust_update: {gain_up: 0}}",
        "dynamics: {start: {decision_weight: {parent: 1, teenager: 2}}}",
        "seed: 1.5",
        "colour: blue",
        "name: ../../escaped",
        "name: a..b",
        "name: \"a\\nb\"",
        "name: .hidden",
    })
    void invalidFilesDoNot(String yaml) throws Exception {
        Set<ValidationMessage> errors = validate(yaml);
        assertFalse(errors.isEmpty(), "schema accepted: " + yaml);
    }

    @Test
    void schemaCarriesDescriptionsAndRanges() {
        JsonNode conflict = ScenarioSchema.generate().at("/properties/families/items/properties/conflict");
        assertEquals("number", conflict.get("type").asText());
        assertEquals(0.0, conflict.get("minimum").asDouble());
        assertEquals(1.0, conflict.get("maximum").asDouble());
        assertTrue(conflict.get("description").asText().contains("conflict"));
        JsonNode gainDown = ScenarioSchema.generate().at("/properties/rules/properties/trust_update/properties/gain_down");
        assertTrue(gainDown.get("description").asText().contains("Slovic"), gainDown.toString());
        assertEquals("https://json-schema.org/draft/2020-12/schema", ScenarioSchema.generate().get("$schema").asText());
    }
}
