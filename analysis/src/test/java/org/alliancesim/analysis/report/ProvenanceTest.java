package org.alliancesim.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void placeholdersMavenLeftAndMissingValuesReadAsUnknown() {
        assertEquals("unknown", Provenance.known(null));
        assertEquals("unknown", Provenance.known(""));
        assertEquals("unknown", Provenance.known("${project.version}"));
        assertEquals("0.3.0", Provenance.known(" 0.3.0\\n".replace("\\n", "\n")));
    }

    @Test
    void theCommitLineSaysWhetherTheTreeWasClean() {
        String id = "4ac0ab5f250ef7e38c2d4267a16edb2c22934cb0";
        assertEquals("commit " + id + " (clean work tree)", new Provenance.Build("0.3.0", id, "true").commitLine());
        assertEquals("commit " + id + " (work tree with uncommitted changes)",
                new Provenance.Build("0.3.0", id, "false").commitLine());
        assertEquals("commit unknown (built outside a git work tree)",
                new Provenance.Build("0.3.0", "unknown", "unknown").commitLine());
        assertEquals("0.3.0, commit " + id + " (clean work tree)", new Provenance.Build("0.3.0", id, "true").describe());
    }

    @Test
    void summaryProvenanceRecordsVersionCommitAndClean() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode clean = json.createObjectNode();
        new Provenance.Build("0.3.0", "abc", "true").putInto(clean);
        assertEquals("{\"version\":\"0.3.0\",\"commit\":\"abc\",\"clean\":true}", clean.toString());
        ObjectNode unknown = json.createObjectNode();
        new Provenance.Build("0.3.0", "unknown", "unknown").putInto(unknown);
        assertEquals("{\"version\":\"0.3.0\",\"commit\":\"unknown\",\"clean\":null}", unknown.toString());
    }

    @Test
    void everyReportFooterNamesTheVersionToCite() {
        String page = HtmlReport.page("t", "i", List.of(), List.of(), List.<String[]>of(), "");
        String version = Provenance.build().version();
        assertTrue(page.contains("To cite these results, cite alliancesim version " + version + " "), page);
        assertTrue(page.contains("Made by alliancesim " + Provenance.build().describe()), page);
        assertTrue(!version.equals("unknown"), "the build filled in the version");
    }
}
