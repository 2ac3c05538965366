package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example file a checked document quotes ({@code <!-- drift-file: PATH -->}, {@link DocDrift})
 * is the file in the repository: the whole file, or with {@code excerpt} a run of its lines, with
 * {@code nocomments} ignoring YAML comments. Fast: part of {@code mvn verify}. With
 * {@code -Ddrift.update=true} a whole-file quote without {@code nocomments} is rewritten from the file.
 */
class DocFilesDriftTest {

    @TestFactory
    Stream<DynamicTest> everyQuotedFileIsTheFileInTheRepository() {
        Path root = DocDrift.root();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : DocDrift.documents(root)) {
            List<DocDrift.Quote> quotes = DocDrift.quotes(doc);
            for (int k = 0; k < quotes.size(); k++) {
                DocDrift.Quote q = quotes.get(k);
                if (q.file()) {
                    int index = k;
                    tests.add(DynamicTest.dynamicTest(q.where(root) + " " + q.target(), () -> check(root, doc, index)));
                }
            }
        }
        return tests.stream();
    }

    /** The docs this issue names quote at least one file and one command each where they quote any: the markers exist. */
    @Test
    void theDocumentsCarryMarkers() {
        Path root = DocDrift.root();
        long files = DocDrift.documents(root).stream().flatMap(d -> DocDrift.quotes(d).stream()).filter(DocDrift.Quote::file)
                .count();
        long commands = DocDrift.documents(root).stream().flatMap(d -> DocDrift.quotes(d).stream())
                .filter(q -> !q.file()).count();
        assertTrue(files >= 2, "file quotes marked: " + files);
        assertTrue(commands >= 5, "command quotes marked: " + commands);
    }

    private static void check(Path root, Path doc, int index) throws IOException {
        DocDrift.Quote q = DocDrift.quotes(doc).get(index);
        Path file = root.resolve(q.target());
        assertTrue(Files.isRegularFile(file), q.where(root) + ": no file " + q.target());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = DocDrift.expected(q, text);
        if (DocDrift.updating() && q.option("excerpt") == null && q.option("nocomments") == null) {
            DocDrift.rewrite(doc, List.of(q), List.of(lines));
            return;
        }
        String difference = DocDrift.compare(q, lines);
        assertNull(difference, () -> q.where(root) + ": " + q.target() + ": " + difference);
    }
}
