package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendsResolverTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> files(List<SourceTree> chain) {
        return chain.stream().map(t -> t.file).toList();
    }

    @Test
    void theChainIsBaseFirstWithRelativePathsFromTheExtendingFile() throws Exception {
        Path a = write("a.yaml", "extends: sub/b.yaml\nseed: 1\n");
        Path b = write("sub/b.yaml", "extends: c.yaml\n");
        Path c = write("sub/c.yaml", "extends: involuntary-referral\n");
        List<SourceTree> chain = ExtendsResolver.chain(a.toString());
        // involuntary-referral itself extends default.
        assertEquals(List.of("built-in:default", "built-in:involuntary-referral", c.toString(), b.toString(),
                a.toString()), files(chain));
        assertSame(ScenarioLibrary.tree("involuntary-referral"), chain.get(1), "built-ins are shared, not re-read");
        assertEquals(List.of("built-in:default"), files(ExtendsResolver.chain("default")));
    }

    @Test
    void aCycleIsOneProblemAtTheExtendsThatClosesIt() throws Exception {
        Path a = write("a.yaml", "extends: b.yaml\n");
        write("b.yaml", "seed: 2\nextends: a.yaml\n");
        Problem p = only(assertThrows(ScenarioException.class, () -> ExtendsResolver.chain(a.toString())));
        assertEquals(dir.resolve("b.yaml").toString(), p.file());
        assertEquals(2, p.line());
        assertEquals("extends", p.path());
        assertEquals("extends makes a cycle: " + a + " -> " + dir.resolve("b.yaml") + " -> a.yaml", p.message());
    }

    @Test
    void aMissingBaseIsLocatedWithASuggestion() throws Exception {
        SourceTree own = SourceTree.parse("own.yaml", "seed: 1\nextends: involuntary-referal\n", false);
        Problem p = only(assertThrows(ScenarioException.class, () -> ExtendsResolver.chain(own, dir)));
        assertEquals(new SourceTree.Origin("own.yaml", 2, 10), new SourceTree.Origin(p.file(), p.line(), p.column()));
        assertTrue(p.message().startsWith("extends 'involuntary-referal': no built-in scenario of that name (did you"
                + " mean 'involuntary-referral'?) and no such file ("), p.message());
        Problem list = only(assertThrows(ScenarioException.class,
                () -> ExtendsResolver.chain(SourceTree.parse("own.yaml", "extends: [a, b]\n", false), dir)));
        assertEquals("expected the name of a built-in scenario or a file path, found a list", list.message());
        Problem none = only(assertThrows(ScenarioException.class, () -> ExtendsResolver.chain("no-such.yaml")));
        assertEquals("no-such.yaml", none.file());
        assertTrue(none.message().endsWith("; built-ins: " + String.join(", ", ScenarioLibrary.NAMES)), none.message());
    }

    @Test
    void problemsOfEveryLevelAreReportedTogether() throws Exception {
        Path a = write("a.yaml", "extends: b.yaml\n");
        write("b.yaml", "extends: c.yaml\n");
        write("c.yaml", "seed: [\n");
        Problem p = only(assertThrows(ScenarioException.class, () -> ExtendsResolver.chain(a.toString())));
        assertEquals(dir.resolve("c.yaml").toString(), p.file());
        assertTrue(p.message().startsWith("malformed YAML (the parser's message is not shown"), p.message());
        ScenarioException both = assertThrows(ScenarioException.class, () -> ExtendsResolver.chain(
                SourceTree.parse("own.yaml", "extends: nothing-here.yaml\n", false), dir));
        assertEquals(1, both.problems().size());
    }

    private static Problem only(ScenarioException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }
}
