package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Mutated scenario files (lines deleted, duplicated, retyped, truncated, random bytes inserted):
 * every result is either a valid scenario or a {@link ScenarioException} with located, non-empty
 * problems; never another exception. The same for hostile {@code --set} overrides.
 *
 * <p>QuickTheories with a fixed seed: the same 1500 mutated files on every run. A failure reports
 * the built-in scenario and the fewest, simplest mutations it shrank to, and ends with "Seed was N";
 * rerun with {@code mvn -pl scenarios -am test -Dtest=MutationPropertiesTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, or pass N to {@code withFixedSeed}.
 */
class MutationPropertiesTest {

    private static final long SEED = 20261125L;
    private static final int FILES = 1500;

    /** One mutation: kind, position and a replacement token. */
    record Mutation(int kind, int position, String token) {}

    private static final List<String> TOKENS = List.of("abc", "-5", "1e309", "[1, 2]", "{}", "true", "null", "''",
            "0.5", "7", "- x", ": :", "{a: [", "\"unterminated", "\t", "@", "&anchor", "*alias", "!!binary x",
            "2000000000000", "-0", ".nan", "other_adult", "cohort");

    static Gen<String> builtin() {
        return arbitrary().pick(ScenarioLoader.BUILTINS);
    }

    static Gen<List<Mutation>> mutations() {
        Gen<String> token = Generate.oneOf(arbitrary().pick(TOKENS), strings().allPossible().ofLengthBetween(0, 8));
        Gen<Mutation> one = integers().between(0, 5).zip(integers().between(0, 100_000), token, Mutation::new);
        return lists().of(one).ofSizeBetween(1, 4);
    }

    static String mutate(String text, Mutation m) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = lines.isEmpty() ? 0 : m.position() % lines.size();
        switch (m.kind()) {
            case 0: // delete a line
                if (!lines.isEmpty()) {
                    lines.remove(line);
                }
                return String.join("\n", lines);
            case 1: // duplicate a line
                if (!lines.isEmpty()) {
                    lines.add(line, lines.get(line));
                }
                return String.join("\n", lines);
            case 2: { // retype: replace the value after the first ':' of a line
                String l = lines.isEmpty() ? "" : lines.get(line);
                int colon = l.indexOf(": ");
                if (colon >= 0) {
                    lines.set(line, l.substring(0, colon + 2) + m.token());
                }
                return String.join("\n", lines);
            }
            case 3: // truncate
                return text.substring(0, text.isEmpty() ? 0 : m.position() % text.length());
            case 4: { // random characters inserted
                int at = text.isEmpty() ? 0 : m.position() % text.length();
                return text.substring(0, at) + m.token() + text.substring(at);
            }
            default: { // random bytes as characters, control characters included
                int at = text.isEmpty() ? 0 : m.position() % text.length();
                StringBuilder junk = new StringBuilder();
                for (char c : m.token().toCharArray()) {
                    junk.append((char) (c % 32));
                }
                return text.substring(0, at) + junk + text.substring(at);
            }
        }
    }

    /** Parts of --set paths and values, hostile ones included (indices beyond int, negative, empty). */
    private static final List<String> PATH_PARTS = List.of("therapists", "families", "run", "families", "warmth",
            "conflict", "share", "0", "1", "3", "-1", "2147483648", "99999999999999999999999", "[0]", "[2147483648]",
            "[-1]", "[x]", "[", "]", "", "roles", "name", "dynamics", "trust", "gain_up", "x\ny");

    static Gen<String> overrides() {
        Gen<String> path = lists().of(arbitrary().pick(PATH_PARTS)).ofSizeBetween(1, 4)
                .map(parts -> String.join(".", parts).replace(".[", "["));
        Gen<String> value = Generate.oneOf(arbitrary().pick(TOKENS), strings().allPossible().ofLengthBetween(0, 6));
        return path.zip(value, (p, v) -> p + "=" + v);
    }

    @Test
    void hostileOverridesApplyOrFailClearly() {
        Map<String, Integer> outcomes = new TreeMap<>();
        // QuickTheories skips a case it has already run, so ask for a few more than the 500 intended.
        qt().withFixedSeed(SEED).withExamples(510).forAll(overrides()).checkAssert(override -> {
            try {
                ScenarioLoader.load("default", List.of(override));
                outcomes.merge("valid", 1, Integer::sum);
            } catch (ScenarioException e) {
                outcomes.merge("invalid", 1, Integer::sum);
                assertFalse(e.problems().isEmpty());
                for (Problem p : e.problems()) {
                    assertFalse(p.message().isBlank(), "message for " + p);
                    assertTrue(p.file().startsWith("--set "), "located at the override: " + p);
                    assertFalse(p.toString().contains("\n"), "one line: " + p);
                    assertFalse(p.message().contains("Exception"), "no exception names in messages: " + p);
                }
            }
        });
        assertTrue(outcomes.values().stream().mapToInt(Integer::intValue).sum() >= 500, outcomes::toString);
    }

    @Test
    void mutatedFilesLoadOrFailClearly() {
        Map<String, Integer> outcomes = new TreeMap<>();
        // QuickTheories skips a case it has already run, so ask for a few more than FILES.
        qt().withFixedSeed(SEED).withExamples(FILES + 10).forAll(builtin(), mutations())
                .checkAssert((name, ms) -> outcomes.merge(loadsOrFailsClearly(name, ms), 1, Integer::sum));
        int files = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(files >= FILES, "distinct mutated files loaded: " + files);
        // The mutations reach all three outcomes, so neither the loader nor the validator is skipped.
        assertEquals(List.of("invalid", "malformed", "valid"), List.copyOf(outcomes.keySet()), outcomes::toString);
    }

    /** Loads the mutated built-in; returns "valid", "invalid" or "malformed", or fails an assertion. */
    private static String loadsOrFailsClearly(String name, List<Mutation> ms) {
        String text = ScenarioLibrary.text(name);
        for (Mutation m : ms) {
            text = mutate(text, m);
        }
        try {
            Scenario s = ScenarioLoader.loadText(name + ".yaml", text, Path.of("."), List.of());
            assertNotNull(s.model());
            return "valid";
        } catch (ScenarioException e) {
            assertFalse(e.problems().isEmpty());
            for (Problem p : e.problems()) {
                assertFalse(p.message().isBlank(), "message for " + p);
                assertFalse(p.file().isBlank(), "file for " + p);
                assertTrue(p.line() > 0 || !p.path().isEmpty() || p.message().startsWith("malformed"),
                        "located: " + p);
                assertFalse(p.message().contains("Exception"), "no exception names in messages: " + p);
            }
            return e.problems().get(0).message().startsWith("malformed") ? "malformed" : "invalid";
        }
    }
}
