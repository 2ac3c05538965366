package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compete} on the command line: the ranking printed, bad input located with exit code 2. */
class CompeteCommandTest {

    static final String SMALL = """
            max_evaluations: 3
            replications: 2
            families: 100
            validation_replications: 2
            variants:
              - name: fitted
                fit: [{path: dynamics.attendance.intercept, min: -5.0, max: -2.0}]
              - name: fixed
                edits: {therapists.1.repair_skill: 0.2}
            """;

    @TempDir
    Path dir;

    @Test
    void printsTheRankingAndWritesTheFolder() throws Exception {
        Path file = dir.resolve("h.yaml");
        Files.writeString(file, SMALL);
        Path out = dir.resolve("out");
        Outcome o = AllianceSimTest.run("compete", file.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("compete " + file + ": 2 variants, budget 3 evaluations each"), o.out());
        assertTrue(o.out().contains("rank  variant"), o.out());
        assertTrue(o.out().contains("/8 "), "patterns met of the built-in validation set's 8: " + o.out());
        assertEquals(3, Files.readAllLines(out.resolve("ranking.csv")).size());
        assertTrue(Files.isRegularFile(out.resolve("variants/fixed/validation.csv")));
    }

    @Test
    void badInputIsLocatedExitsWith2AndWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        String[][] cases = {
            {SMALL.replace("max_evaluations: 3\n", "max_evaluations: 3\ncolour: red\n"), ":2:1: colour: unknown field"},
            {"variants: []\n", ":1:11: variants: must be a list of at least one variant"},
            {SMALL.replace("max_evaluations: 3", "max_evaluations: 0"), ":1:18: max_evaluations: must be"},
            {SMALL.replace("attendance.intercept", "attendance.intercpt"), ":7:18: variants[0].fit[0].path: not a field"},
            {SMALL.replace("min: -5.0", "min: -50.0"), ":7:54: variants[0].fit[0].min: the range reaches -50.0"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, c[0]);
            Outcome o = AllianceSimTest.run("compete", file.toString(), "--out", out.toString(), "--quiet");
            assertEquals(2, o.code(), c[1] + ": " + o.err());
            assertTrue(o.err().startsWith(file + c[1]), c[1] + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
            assertFalse(Files.exists(out), "nothing written: " + c[1]);
        }
    }

    @Test
    void aBadTargetsFileIsLocatedInThatFile() throws Exception {
        Path targets = dir.resolve("t.yaml");
        Files.writeString(targets, "targets:\n  - {statistic: dropuot_share, min: 0.3, max: 0.4}\n");
        Path file = dir.resolve("h.yaml");
        Files.writeString(file, "targets: " + targets + "\n" + SMALL);
        Path out = dir.resolve("out");
        Outcome o = AllianceSimTest.run("compete", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith(targets + ":2:"), o.err());
        assertFalse(Files.exists(out));
    }
}
