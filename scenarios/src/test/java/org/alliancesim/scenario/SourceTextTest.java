package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input limits: size checked before parsing, nesting and aliases refused with a position, the
 * parsers configured from the same numbers, and the limits stated in docs/scenarios.md.
 */
class SourceTextTest {

    @TempDir
    Path dir;

    private static Problem only(ScenarioException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    /** One scalar of {@code bytes} bytes: SnakeYAML reads such a scalar in time quadratic in its length. */
    private Path oneLongScalar(String name, int bytes) throws IOException {
        Path f = dir.resolve(name);
        byte[] text = new byte[bytes];
        byte[] head = "description: ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, text, 0, head.length);
        java.util.Arrays.fill(text, head.length, bytes, (byte) 'x');
        Files.write(f, text);
        return f;
    }

    // Before the limit, this file took 33 s to read (and then loaded); 10 s is a guard, not the claim.
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anEightMegabyteScalarIsRefusedBeforeAnyParserReadsIt() throws IOException {
        Path f = oneLongScalar("long.yaml", 8 << 20);
        Problem p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f.toString())));
        assertEquals(f.toString(), p.file());
        assertEquals(0, p.line());
        assertEquals(f + ": is 8388608 bytes, more than the 1048576 bytes (1 MiB) a scenario, sweep or targets"
                + " file may have; nothing of it was read as YAML", p.toString());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theLimitHoldsForExtendsTargetsSweepsAndTargetsFilesAndText() throws IOException {
        Path big = oneLongScalar("big.yaml", SourceText.MAX_BYTES + 1);
        Path variant = dir.resolve("variant.yaml");
        Files.writeString(variant, "extends: big.yaml\n");
        List<ScenarioException> refusals = List.of(
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(variant.toString())),
                assertThrows(ScenarioException.class, () -> SweepSpecs.load(big, Set.of("dropout_share"))),
                assertThrows(ScenarioException.class, () -> CalibrationSpecs.load(big.toString(), Set.of("dropout_share"))));
        for (ScenarioException e : refusals) {
            Problem p = only(e);
            assertTrue(p.file().endsWith("big.yaml"), p.toString());
            assertTrue(p.message().startsWith("is 1048577 bytes, more than the 1048576 bytes"), p.toString());
        }
        String text = "description: " + "x".repeat(SourceText.MAX_BYTES);
        Problem p = only(assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadText("t.yaml", text, dir, List.of())));
        assertTrue(p.message().startsWith("is " + text.length() + " characters, more than"), p.message());
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws IOException, ScenarioException {
        // Comment lines pad it: they are read in linear time, so the test stays fast.
        StringBuilder text = new StringBuilder("seed: 7\n");
        String line = "# " + "x".repeat(97) + "\n";
        while (text.length() + line.length() <= SourceText.MAX_BYTES) {
            text.append(line);
        }
        text.append("#".repeat(SourceText.MAX_BYTES - text.length() - 1)).append('\n');
        Path f = dir.resolve("at-limit.yaml");
        Files.writeString(f, text, StandardCharsets.US_ASCII);
        assertEquals(SourceText.MAX_BYTES, Files.size(f));
        assertEquals(7, ScenarioLoader.load(f.toString()).seed());
    }

    @Test
    void theParsersAreConfiguredWithTheSameLimits() throws IOException {
        YAMLFactory f = SourceText.yamlBuilder().build();
        assertEquals(SourceText.MAX_BYTES, f.streamReadConstraints().getMaxDocumentLength());
        assertEquals(SourceText.MAX_BYTES, f.streamReadConstraints().getMaxStringLength());
        assertEquals(SourceText.MAX_DEPTH + 1, f.streamReadConstraints().getMaxNestingDepth());
        // The parser stops a longer document even when it is given as text (short lines: read in linear time).
        String text = "a: 1\n" + ("# " + "x".repeat(97) + "\n").repeat(SourceText.MAX_BYTES / 100 + 1);
        try (JsonParser p = f.createParser(text)) {
            Exception e = assertThrows(Exception.class, () -> {
                while (p.nextToken() != null) {
                    p.getText();
                }
            });
            assertTrue(e.getMessage().contains(String.valueOf(SourceText.MAX_BYTES)), e.getMessage());
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWithItsPosition() {
        // The root mapping is level 1, run's list level 2: the list opened in column 6 + 15 is level 17.
        String text = "run: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        Problem p = only(assertThrows(ScenarioException.class, () -> ScenarioLoader.loadText("deep.yaml", text, dir, List.of())));
        assertEquals("deep.yaml:1:21: nested more than 16 levels deep (mappings and lists); a scenario needs 4", p.toString());
    }

    @Test
    void aliasesAreRefusedWhereTheyAre() {
        Problem p = only(assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadText("a.yaml", "seed: &s 5\nreplications: *s\n", dir, List.of())));
        assertEquals("a.yaml:2:15: replications: aliases (*name) are not supported; write the value out", p.toString());
    }

    @Test
    void docsStateTheLimits() throws IOException {
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs");
        String scenarios = Files.readString(docs.resolve("scenarios.md"));
        assertTrue(scenarios.contains(SourceText.LIMIT), "docs/scenarios.md states " + SourceText.LIMIT);
        assertTrue(scenarios.contains(SourceText.MAX_DEPTH + " levels"), "docs/scenarios.md states the depth");
        assertTrue(scenarios.contains(Scenario.MAX_NAME_LENGTH + " characters"), "docs/scenarios.md states the name length");
    }
}
