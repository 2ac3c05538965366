package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A problem is shown on one line, whatever the input it quotes holds. */
class ProblemTest {

    @Test
    void controlCharactersFromTheInputAreShownEscaped() {
        Problem p = new Problem("a\nb.yaml", 2, 3, "name", "was 'x\ny\tz\r\u001b[31mred\u202e\u0000'");
        assertEquals("a\\nb.yaml:2:3: name: was 'x\\ny\\tz\\r\\u001b[31mred\\u202e\\u0000'", p.toString());
        assertEquals(1, p.toString().lines().count());
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertEquals("f.yaml:1: caf\u00e9 \u00fcber \u4e2d", new Problem("f.yaml", 1, 0, "", "caf\u00e9 \u00fcber \u4e2d").toString());
    }

    @Test
    void longValuesAreCut() {
        assertEquals("x".repeat(60) + "... (1000 characters)", Problem.excerpt("x".repeat(1000)));
        assertEquals("short", Problem.excerpt("short"));
        // A pair of surrogates (one character outside the BMP) is never split.
        String emoji = "x".repeat(59) + "\ud83d\ude00" + "y".repeat(10);
        assertEquals("x".repeat(59) + "... (71 characters)", Problem.excerpt(emoji));
    }
}
