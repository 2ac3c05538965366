package org.alliancesim.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The repository's CITATION.cff is valid Citation File Format 1.2.0 and names the version the build makes. */
class CitationFileTest {

    private static final Path CFF = Path.of("..", "CITATION.cff");

    private static JsonSchema schema() throws Exception {
        try (InputStream in = CitationFileTest.class.getResourceAsStream("/cff/schema-1.2.0.json")) {
            JsonNode tree = new ObjectMapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
        }
    }

    private static JsonNode cff() throws Exception {
        return new YAMLMapper().readTree(Files.readString(CFF));
    }

    @Test
    void citationFileIsValidCff120() throws Exception {
        Set<ValidationMessage> errors = schema().validate(cff());
        assertTrue(errors.isEmpty(), "CITATION.cff: " + errors);
    }

    @Test
    void theSchemaRefusesWhatCff120Refuses() throws Exception {
        // The validator and the schema are live: a file without authors, with an unknown field, or with
        // a date that is not a date fails.
        JsonSchema schema = schema();
        ObjectNode noAuthors = (ObjectNode) cff().deepCopy();
        noAuthors.remove("authors");
        assertFalse(schema.validate(noAuthors).isEmpty(), "authors is required");
        ObjectNode unknown = (ObjectNode) cff().deepCopy();
        unknown.put("cite-as", "x");
        assertFalse(schema.validate(unknown).isEmpty(), "no additional properties");
        ObjectNode badDate = (ObjectNode) cff().deepCopy();
        badDate.put("date-released", "7 December 2026");
        assertFalse(schema.validate(badDate).isEmpty(), "date-released is YYYY-MM-DD");
    }

    @Test
    void citationFileNamesTheVersionTheBuildMakes() throws Exception {
        assertEquals(Provenance.build().version(), cff().get("version").asText(),
                "CITATION.cff's version must be the parent pom's revision");
        assertEquals("1.2.0", cff().get("cff-version").asText());
    }
}
