package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An effect sweep's compare: block: what it binds to, and every refusal located at its line and column. */
class SweepSpecsTest {

    static final String HEAD = "base: involuntary-referral\nmetrics: [dropout_share]\nparameters:\n"
            + "  - {path: families.1.conflict, values: [0.2, 0.8]}\n";

    static SweepSpec parse(String text) throws ScenarioException {
        return SweepSpecs.parse("s.yaml", text, Set.of("dropout_share"));
    }

    /** The one problem of {@code text}: file, line, column, field path; its message contains {@code says}. */
    static void refused(String text, int line, int column, String path, String says) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(text));
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem p = e.problems().get(0);
        assertEquals("s.yaml", p.file(), e.getMessage());
        assertEquals(line, p.line(), e.getMessage());
        assertEquals(column, p.column(), e.getMessage());
        assertEquals(path, p.path(), e.getMessage());
        assertTrue(p.message().contains(says), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.yaml:" + line + ":" + column + ": " + path + ": "), e.getMessage());
    }

    @Test
    void aCompareBlockBindsInTheFilesOrderAndAFileWithoutOneIsAPlainSweep() throws Exception {
        SweepSpec s = parse(HEAD + "compare:\n  set: {therapists.1.empathy: 0.9}\n  add: {therapists.0.warmth: 0.2,"
                + " run.session_limit: 2}\n");
        assertTrue(s.isEffectSweep());
        assertEquals(Map.of("therapists.1.empathy", 0.9), s.compare().set());
        assertEquals(List.of("therapists.0.warmth", "run.session_limit"), List.copyOf(s.compare().add().keySet()));
        assertEquals("therapists.1.empathy = 0.9, therapists.0.warmth +0.2, run.session_limit +2", s.compare().describe());
        SweepSpec plain = parse(HEAD);
        assertNull(plain.compare());
        assertTrue(!plain.isEffectSweep());
    }

    /** B's value is A's plus the amount, in decimal: 0.7 + 0.2 is 0.9 (the double sum is 0.8999999999999999). */
    @Test
    void addIsComputedInDecimalFromArmAsValue() throws Exception {
        SweepSpec s = parse(HEAD + "compare:\n  add: {therapists.0.warmth: 0.2, run.session_limit: -2}\n");
        Scenario a = ScenarioLoader.load("involuntary-referral");
        Scenario b = CompareEdits.of(s.compare()).apply(a, "test");
        assertEquals(0.7, a.model().therapists().get(0).warmth());
        assertEquals(0.9, b.model().therapists().get(0).warmth());
        assertEquals(0.7, b.model().therapists().get(1).warmth(), "only the path named is edited");
        assertEquals(a.model().run().sessionLimit() - 2, b.model().run().sessionLimit());
    }

    /**
     * A wildcard in add: adds to each entry its own value (therapists at 0.7 and 0.5 become 0.9 and
     * 0.7), not one common value; a version that read the wildcard's value once would refuse these
     * unequal entries or give both 0.9.
     */
    @Test
    void aWildcardAddRaisesEachEntryFromItsOwnValue() throws Exception {
        Scenario a = CompareEdits.of(parse(HEAD + "compare:\n  set: {therapists.1.warmth: 0.5}\n").compare())
                .apply(ScenarioLoader.load("involuntary-referral"), "test");
        assertEquals(0.7, a.model().therapists().get(0).warmth());
        assertEquals(0.5, a.model().therapists().get(1).warmth());
        Scenario b = CompareEdits.of(parse(HEAD + "compare:\n  add:\n    therapists[*].warmth: 0.2\n").compare())
                .apply(a, "test");
        assertEquals(0.9, b.model().therapists().get(0).warmth());
        assertEquals(0.7, b.model().therapists().get(1).warmth());
        assertEquals(a.model().therapists().get(0).empathy(), b.model().therapists().get(0).empathy(),
                "only warmth is edited");
    }

    @Test
    void badCompareBlocksAreRefusedAtTheirPosition() {
        refused(HEAD + "compare:\n  add: {therapists.0.warmht: 0.2}\n", 6, 9, "compare.add.therapists.0.warmht",
                "warmht");
        refused(HEAD + "compare:\n  add: {therapists.0.warmth: high}\n", 6, 30, "compare.add.therapists.0.warmth",
                "expected a number to add to arm A's value, found high");
        refused(HEAD + "compare:\n  set: {seed: 3}\n", 6, 9, "compare.set.seed",
                "seed is set for both arms at every point by this file's own 'seed:'");
        refused(HEAD + "compare:\n  set: {run.families: 30}\n", 6, 9, "compare.set.run.families", "'families:'");
        refused(HEAD + "compare:\n  add: {therapists.0.warmth: 0.5}\n", 6, 30, "compare.add.therapists.0.warmth",
                "1.2");
        refused(HEAD + "compare:\n  add: {therapists.0.policy: 1}\n", 6, 30, "compare.add.therapists.0.policy",
                "is not a number");
        refused(HEAD + "compare:\n  add: {run.session_limit: 0.5}\n", 6, 28, "compare.add.run.session_limit",
                "takes whole numbers; found the fraction 0.5");
        refused(HEAD + "compare:\n  set: {therapists.0.warmth: 0.9}\n  add: {therapists.0.warmth: 0.1}\n", 7, 9,
                "compare.add.therapists.0.warmth", "edited twice in compare (also at compare.set.therapists.0.warmth)");
        refused(HEAD + "compare: {}\n", 5, 10, "compare", "no edits for arm B");
        refused(HEAD + "compare:\n  sett: {therapists.0.warmth: 0.9}\n", 6, 3, "compare.sett", "unknown field 'sett'");
    }
}
