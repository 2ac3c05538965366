package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command whose output README.md, docs/cli.md, studies.md, hypotheses.md, calibration.md and
 * sweeps.md quote (a {@code <!-- drift: ... -->} marker, {@link DocDrift}) is run in this JVM
 * through {@link AllianceSim#execute} and its standard output compared with the quote, figures
 * included. With {@code -Ddrift.update=true} each quote is rewritten from the output instead;
 * {@code -Ddrift.only=REGEX} (such as {@code 'README|verify'}) runs only the quotes whose
 * "doc:line command" the regular expression finds.
 * Tagged {@code docs}: the commands take minutes on two cores (.ci/run runs the group).
 */
@Tag("docs")
class DocOutputsDriftTest {

    @TestFactory
    Stream<DynamicTest> everyQuotedOutputIsWhatTheProgramPrints() {
        Path root = DocDrift.root();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : DocDrift.documents(root)) {
            List<DocDrift.Quote> quotes = DocDrift.quotes(doc);
            for (int k = 0; k < quotes.size(); k++) {
                DocDrift.Quote q = quotes.get(k);
                if (q.file()) {
                    continue;
                }
                int index = k;
                String name = q.where(root) + " " + q.target();
                // -Ddrift.only=REGEX runs only the quotes whose "doc:line command" it finds.
                if (java.util.regex.Pattern.compile(System.getProperty("drift.only", "")).matcher(name).find()) {
                    tests.add(DynamicTest.dynamicTest(name, () -> check(root, doc, index)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(Path root, Path doc, int index) throws IOException {
        Path tmp = Files.createTempDirectory("drift");
        try {
            check(root, doc, index, tmp);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void check(Path root, Path doc, int index, Path tmp) throws IOException {
        DocDrift.Quote q = DocDrift.quotes(doc).get(index);
        List<String> args = new ArrayList<>();
        String shownOut = null;
        List<String> words = DocDrift.words(q.target());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i > 0 && words.get(i - 1).equals("--out")) {
                // The results go to a fresh folder; the output names the folder the doc shows.
                shownOut = w;
                args.add(tmp.resolve("out").toString());
            } else if (!w.startsWith("-") && !Path.of(w).isAbsolute() && w.contains("/")
                    && Files.exists(root.resolve(w))) {
                // Paths are relative to the repository's root, as in the docs (the tests run in analysis/).
                args.add(root.resolve(w).toString());
            } else {
                args.add(w);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AllianceSim.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        String expectedExit = q.option("exit");
        assertEquals(expectedExit == null ? 0 : Integer.parseInt(expectedExit), code,
                q.where(root) + ": exit code of " + q.target() + "; standard error: " + err);
        String printed = out.toString();
        if (shownOut != null) {
            printed = printed.replace(tmp.resolve("out").toString(), shownOut);
        }
        printed = printed.replace(root + "/", "");
        List<String> actual = DocDrift.expected(q, printed);
        if (DocDrift.updating()) {
            // Read the quote again: the doc may have been edited while the command ran.
            DocDrift.Quote now = DocDrift.quotes(doc).get(index);
            if (!now.target().equals(q.target())) {
                throw new IllegalStateException(q.where(root) + ": the doc's quotes changed while the command ran");
            }
            DocDrift.rewrite(doc, List.of(now), List.of(now.updated(actual)));
            return;
        }
        String difference = DocDrift.compare(q, actual);
        assertNull(difference, () -> q.where(root) + ": `alliancesim " + q.target() + "` " + difference
                + "\n(rewrite the quotes from the program with -Ddrift.update=true, docs/testing.md)");
    }
}
