package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparer of {@link DocDrift} on a fixture document (drift-fixture.md), without running the program. */
class DocDriftTest {

    private static Path fixture() throws URISyntaxException {
        return Path.of(DocDriftTest.class.getResource("drift-fixture.md").toURI());
    }

    private static final String RUN = "default: 20 replications x 1000 families, seed 20261125\n"
            + "metric                      mean  95% CI\n"
            + "dropout share              0.383  [0.371, 0.396]\n"
            + "early dropout share        0.698  [0.686, 0.709]\n"
            + "results: results/x\n";

    @Test
    void markersAreParsedWithTheirOptions() throws Exception {
        List<DocDrift.Quote> q = DocDrift.quotes(fixture());
        assertEquals(4, q.size());
        assertEquals("bin/alliancesim run default --out results/x", q.get(0).target());
        assertEquals("3", q.get(0).option("head"));
        assertEquals(5, q.get(0).markerLine());
        assertEquals(3, q.get(0).block().size());
        assertEquals(List.of("[0-9.]+ s on"), q.get(1).all("mask"));
        assertEquals("3", q.get(1).option("exit"));
        assertTrue(q.get(2).file());
        assertEquals("", q.get(2).option("nocomments"));
        assertEquals(List.of("compete", "scenarios/h.yaml", "--threads", "2"), DocDrift.words(q.get(1).target()));
        assertEquals(List.of("run", "default", "--out", "results/x"), DocDrift.words(q.get(0).target()));
    }

    /** The quote passes on the output it shows (head: the lines after the third are not compared). */
    @Test
    void aQuoteMatchingTheOutputPasses() throws Exception {
        DocDrift.Quote q = DocDrift.quotes(fixture()).get(0);
        assertNull(DocDrift.compare(q, DocDrift.expected(q, RUN)));
    }

    /** One changed figure fails, and the message shows the line from the doc and from the program. */
    @Test
    void aChangedFigureFails() throws Exception {
        DocDrift.Quote q = DocDrift.quotes(fixture()).get(0);
        String message = DocDrift.compare(q, DocDrift.expected(q, RUN.replace("0.383", "0.380")));
        assertNotNull(message);
        assertTrue(message.startsWith("line 3 "), message);
        assertTrue(message.contains("doc:     dropout share              0.383"), message);
        assertTrue(message.contains("program: dropout share              0.380"), message);
        // A missing line fails too.
        assertNotNull(DocDrift.compare(q, List.of("default: 20 replications x 1000 families, seed 20261125")));
    }

    /** A mask leaves out what it matches (a wall time), and only that. */
    @Test
    void masksLeaveOutWallTimesOnly() throws Exception {
        DocDrift.Quote q = DocDrift.quotes(fixture()).get(1);
        assertNull(DocDrift.compare(q, List.of("compete scenarios/h.yaml: 3 variants, 12.1 s on 2 threads")));
        assertNotNull(DocDrift.compare(q, List.of("compete scenarios/h.yaml: 4 variants, 8.8 s on 2 threads")));
    }

    @Test
    void fileQuotesIgnoreCommentsOrMatchAnExcerptWhenAsked() throws Exception {
        List<DocDrift.Quote> q = DocDrift.quotes(fixture());
        List<String> file = List.of("# a header comment", "base: default", "", "seed: 7");
        assertNull(DocDrift.compare(q.get(2), file));
        assertNotNull(DocDrift.compare(q.get(2), List.of("base: default", "seed: 8")));
        assertNull(DocDrift.compare(q.get(3), file));
        assertNotNull(DocDrift.compare(q.get(3), List.of("base: default", "seed: 70")));
    }

    /** Update mode's rewrite replaces the block with the program's lines and nothing else. */
    @Test
    void rewriteReplacesOnlyTheBlock(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("doc.md");
        Files.copy(fixture(), doc);
        String before = Files.readString(doc);
        DocDrift.Quote q = DocDrift.quotes(doc).get(0);
        List<String> now = DocDrift.expected(q, RUN.replace("0.383", "0.380"));
        DocDrift.rewrite(doc, List.of(q), List.of(now));
        DocDrift.Quote after = DocDrift.quotes(doc).get(0);
        assertNull(DocDrift.compare(after, now));
        assertEquals(before.replace("0.383", "0.380"), Files.readString(doc));
    }

    @Test
    void aMarkerWithoutABlockIsAnError(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("doc.md");
        Files.writeString(doc, "<!-- drift: verify -->\ntext\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DocDrift.quotes(doc));
        assertTrue(e.getMessage().contains("doc.md:1"), e.getMessage());
    }
}
