package org.alliancesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** Runs the JShell blocks of docs/api.md, snippet by snippet, in this JVM. */
class ApiDocTest {

    @Test
    void theJShellExamplesRun() throws Exception {
        String doc = Files.readString(docs().resolve("api.md"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> snippets = new ArrayList<>();
        int blocks = 0;
        for (int start = doc.indexOf("```jshell\n"); start >= 0; start = doc.indexOf("```jshell\n", start)) {
            start += "```jshell\n".length();
            snippets.addAll(run(doc.substring(start, doc.indexOf("```", start)), out));
            blocks++;
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertTrue(blocks >= 2, "jshell blocks: " + blocks);
        assertTrue(snippets.size() >= 10, "snippets: " + snippets.size());
        for (String expected : List.of("dropout ", "replications for a dropout CI", "dropout difference",
                "intercept -2.5", "Family 5 of scenario 'involuntary-referral'", "kernel checks pass",
                " targets in range", "evaluation 3/3, best distance", "after 3 evaluations", "300 courses")) {
            assertTrue(printed.contains(expected), expected + " in\n" + printed);
        }
        assertTrue(printed.contains("sweep: 6 points, 0 failed") && printed.contains("merged equals whole: true")
                && printed.contains("submit with: bash '"), printed);
    }

    /** Runs one block, snippet by snippet, in a JShell of its own in this JVM; returns the snippets. */
    static List<String> run(String code, ByteArrayOutputStream out) {
        List<String> snippets = new ArrayList<>();
        // The local execution engine runs snippets in this JVM: their System.out is ours.
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (JShell js = JShell.builder().executionEngine("local")
                .out(new PrintStream(out, true, StandardCharsets.UTF_8)).build()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                js.addToClasspath(entry);
            }
            SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
            String remaining = code;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                String source = info.source();
                if (source == null || source.isBlank()) {
                    break;
                }
                snippets.add(source);
                for (SnippetEvent e : js.eval(source)) {
                    assertFalse(e.status() == Snippet.Status.REJECTED,
                            "rejected: " + source + " " + js.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
                    assertEquals(null, e.exception(), "threw: " + source);
                }
                remaining = info.remaining();
            }
        } finally {
            System.setOut(original);
        }
        return snippets;
    }

    static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/api.md"))) {
                return p.resolve("docs");
            }
        }
        throw new AssertionError("docs/api.md not found");
    }
}
