package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated scenario files (lines deleted, duplicated, retyped, truncated, random bytes inserted):
 * every result is either a valid scenario or a {@link ScenarioException} with located, non-empty
 * problems; never another exception. The same for hostile {@code --set} overrides. Fixed jqwik seed.
 */
class MutationPropertiesTest {

    /** One mutation: kind, position and a replacement token. */
    record Mutation(int kind, int position, String token) {}

    private static final List<String> TOKENS = List.of("abc", "-5", "1e309", "[1, 2]", "{}", "true", "null", "''",
            "0.5", "7", "- x", ": :", "{a: [", "\"unterminated", "\t", "@", "&anchor", "*alias", "!!binary x",
            "2000000000000", "-0", ".nan", "other_adult", "cohort");

    @Provide
    Arbitrary<String> builtin() {
        return Arbitraries.of(ScenarioLoader.BUILTINS);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(8)))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
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

    @Provide
    Arbitrary<String> overrides() {
        Arbitrary<String> path = Arbitraries.of(PATH_PARTS).list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join(".", parts).replace(".[", "["));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(6));
        return Combinators.combine(path, value).as((p, v) -> p + "=" + v);
    }

    @Property(tries = 500, seed = "20261125")
    void hostileOverridesApplyOrFailClearly(@ForAll("overrides") String override) {
        try {
            ScenarioLoader.load("default", List.of(override));
            Statistics.collect("valid");
        } catch (ScenarioException e) {
            Statistics.collect("invalid");
            assertFalse(e.problems().isEmpty());
            for (Problem p : e.problems()) {
                assertFalse(p.message().isBlank(), "message for " + p);
                assertTrue(p.file().startsWith("--set "), "located at the override: " + p);
                assertFalse(p.toString().contains("\n"), "one line: " + p);
                assertFalse(p.message().contains("Exception"), "no exception names in messages: " + p);
            }
        }
    }

    @Property(tries = 1500, seed = "20261125")
    void mutatedFilesLoadOrFailClearly(@ForAll("builtin") String name, @ForAll("mutations") List<Mutation> ms) {
        String text = ScenarioLoader.builtinText(name);
        for (Mutation m : ms) {
            text = mutate(text, m);
        }
        try {
            Scenario s = ScenarioLoader.loadText(name + ".yaml", text, Path.of("."), List.of());
            assertNotNull(s.model());
            Statistics.collect("valid");
        } catch (ScenarioException e) {
            Statistics.collect(e.problems().get(0).message().startsWith("malformed") ? "malformed" : "invalid");
            assertFalse(e.problems().isEmpty());
            for (Problem p : e.problems()) {
                assertFalse(p.message().isBlank(), "message for " + p);
                assertFalse(p.file().isBlank(), "file for " + p);
                assertTrue(p.line() > 0 || !p.path().isEmpty() || p.message().startsWith("malformed"),
                        "located: " + p);
                assertFalse(p.message().contains("Exception"), "no exception names in messages: " + p);
            }
        }
    }
}
