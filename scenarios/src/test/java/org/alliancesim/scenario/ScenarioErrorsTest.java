package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets a precise message: file, line, column, field path, found, allowed. */
class ScenarioErrorsTest {

    @TempDir
    Path dir;

    private ScenarioException fails(String text) {
        return fails(text, List.of());
    }

    private ScenarioException fails(String text, List<String> sets) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.loadText("bad.yaml", text, dir, sets));
    }

    private static Problem only(ScenarioException e) {
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void threeLineFileIsAValidScenario() throws ScenarioException {
        Scenario s = ScenarioLoader.loadText("small.yaml", "run:\n  families: 300\nseed: 7\n", dir, List.of());
        assertEquals(300, s.model().run().families());
        assertEquals(7, s.seed());
        assertEquals("small", s.name());
    }

    @Test
    void unknownFieldGetsASuggestion() {
        Problem p = only(fails("run:\n  familes: 400\n"));
        assertEquals("bad.yaml", p.file());
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        assertEquals("run.familes", p.path());
        assertTrue(p.message().contains("unknown field 'familes' (did you mean 'families'?)"), p.message());
        assertTrue(p.message().contains("allowed here: mode, families, horizon_days, session_limit"), p.message());
        assertEquals("bad.yaml:2:3: run.familes: " + p.message(), p.toString());
    }

    @Test
    void wrongTypeSaysWhatWasFoundAndWhatIsExpected() {
        Problem p = only(fails("run:\n  families: many\n"));
        assertEquals("run.families", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("expected a whole number, found 'many' (text)"), p.message());
    }

    @Test
    void outOfRangeValueSaysTheRange() {
        Problem p = only(fails("families:\n  - {share: 1, conflict: 1.5}\n"));
        assertEquals("families[0].conflict", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("must be in [0.0, 1.0], was 1.5"), p.message());
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        Problem p = only(fails("families:\n  - {referral: voluntery}\n"));
        assertEquals("families[0].referral", p.path());
        assertTrue(p.message().contains("found 'voluntery' (text); allowed: voluntary, involuntary"), p.message());
        assertTrue(p.message().contains("did you mean 'voluntary'?"), p.message());
    }

    @Test
    void sharesThatDoNotSumToOne() {
        Problem p = only(fails("families:\n  - {share: 0.6}\n  - {share: 0.3}\n"));
        assertEquals("families", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("must be a mixture whose shares sum to 1, was shares summing to 0.9"), p.message());
    }

    @Test
    void emptyPopulation() {
        Problem p = only(fails("families: []\n"));
        assertEquals("families", p.path());
        assertTrue(p.message().contains("at least one family type"), p.message());
    }

    @Test
    void missingShareInAMixture() {
        Problem p = only(fails("families:\n  - {share: 0.5}\n  - {referral: involuntary}\n"));
        assertEquals("families[1].share", p.path());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("missing"), p.message());
    }

    @Test
    void unknownBuiltinInExtends() {
        Problem p = only(fails("extends: defualt\n"));
        assertEquals("extends", p.path());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("did you mean 'default'?"), p.message());
        assertTrue(p.message().contains("built-ins: default,"), p.message());
    }

    @Test
    void cycleOfExtends() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("a.yaml").toString()));
        Problem p = only(e);
        assertEquals("extends", p.path());
        assertTrue(p.message().contains("extends makes a cycle"), p.message());
        assertTrue(p.message().contains("a.yaml") && p.message().contains("b.yaml"), p.message());
        assertTrue(p.file().endsWith("b.yaml"), p.file());
        assertEquals(1, p.line());
    }

    @Test
    void extendsAFileRelativeToTheExtendingFile() throws IOException, ScenarioException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("base.yaml"), "run: {families: 250}\nseed: 3\n");
        Files.writeString(dir.resolve("sub/variant.yaml"), "extends: ../base.yaml\nrun: {session_limit: 12}\n");
        Scenario s = ScenarioLoader.load(dir.resolve("sub/variant.yaml").toString());
        assertEquals(250, s.model().run().families());
        assertEquals(12, s.model().run().sessionLimit());
        assertEquals(3, s.seed());
        assertEquals("variant", s.name());
    }

    @Test
    void malformedYamlHasALineAndColumn() {
        // The flow mapping opened on line 1 is still open where line 2 starts a block key: "seed" ends at 2:5.
        Problem p = only(fails("run: {families: 400\nseed: 3\n"));
        assertEquals("bad.yaml:2:5: malformed YAML: while parsing a flow mapping", p.toString());
        // An unterminated quote: reported where the parser stood, after the key of line 2.
        Problem q = only(fails("seed: 1\nname: \"open\n"));
        assertEquals("bad.yaml:2:5: malformed YAML: while scanning a quoted scalar", q.toString());
    }

    @Test
    void severalErrorsAreReportedTogether() {
        ScenarioException e = fails("run:\n  familes: 400\n  session_limit: 0\nsetting: {cameras: maybe}\n"
                + "therapists:\n  - {warmth: 2, balance: -1}\n");
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        assertTrue(paths.containsAll(List.of("run.familes", "run.session_limit", "setting.cameras",
                "therapists[0].warmth", "therapists[0].balance")), paths.toString());
        assertEquals(5, e.problems().size(), e.getMessage());
    }

    @Test
    void duplicateKey() {
        Problem p = only(fails("seed: 1\nseed: 2\n"));
        assertEquals("seed", p.path());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("appears twice"), p.message());
    }

    @Test
    void sizeAndRolesMustAgree() throws ScenarioException {
        Scenario s = ScenarioLoader.loadText("ok.yaml", "families:\n  - {size: 5}\n", dir, List.of());
        assertEquals(5, s.model().families().get(0).size());
        assertEquals(2, s.model().families().get(0).identifiedPatient(), "the first young member");
        Problem p = only(fails("families:\n  - {size: 2, roles: [parent, parent, child]}\n"));
        assertEquals("families[0].size", p.path());
    }

    @Test
    void overridesApplyAndBadOnesAreReported() throws ScenarioException {
        Scenario s = ScenarioLoader.loadText("ok.yaml", "seed: 1\n", dir,
                List.of("run.families=123", "families.1.conflict=0.9", "therapists[0].policy=escalating"));
        assertEquals(123, s.model().run().families());
        assertEquals(0.9, s.model().families().get(1).conflict());
        Problem unknown = only(fails("seed: 1\n", List.of("run.familys=5")));
        assertEquals("--set run.familys=5", unknown.file());
        assertTrue(unknown.message().contains("did you mean 'families'?"), unknown.message());
        Problem index = only(fails("seed: 1\n", List.of("families.9.share=1")));
        assertTrue(index.message().contains("has 4 (numbered from 0)"), index.message());
        Problem noEquals = only(fails("seed: 1\n", List.of("run.families")));
        assertTrue(noEquals.message().contains("path.to.field=value"), noEquals.message());
        Problem range = only(fails("seed: 1\n", List.of("run.families=0")));
        assertEquals("--set run.families=0", range.file());
        assertEquals("run.families", range.path());
    }

    @Test
    void jsonFilesUseTheSameSchema() throws ScenarioException {
        Scenario s = ScenarioLoader.loadText("s.json", "{\"run\": {\"families\": 42}, \"extends\": \"involuntary-referral\"}",
                dir, List.of());
        assertEquals(42, s.model().run().families());
        assertEquals(2, s.model().families().size());
        Problem p = only(fails("seed: [1]\n"));
        assertTrue(p.message().contains("expected a whole number (64-bit), found a list"), p.message());
    }

    @Test
    void aNonMappingDocumentIsRefused() {
        Problem p = only(fails("- just\n- a list\n"));
        assertTrue(p.message().contains("must be a mapping"), p.message());
    }

    @Test
    void aNameThatWouldLeaveTheResultsFolderIsRefusedWhereItIsWritten() {
        Problem p = only(fails("seed: 1\nname: \"../../escaped\"\n"));
        assertEquals("bad.yaml:2:7: name: must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
                + " digit, without '..' (it names the results folder), was '../../escaped'", p.toString());
        Problem lines = only(fails("name: \"two\\nlines\\tand a tab\"\n"));
        assertEquals("name", lines.path());
        assertEquals(1, lines.line());
        assertTrue(lines.toString().endsWith("was 'two\\nlines\\tand a tab'"), lines.toString());
        Problem set = only(fails("seed: 1\n", List.of("name=../x")));
        assertEquals("--set name=../x", set.file());
        assertEquals("name", set.path());
        Problem empty = only(fails("name:\n"));
        assertEquals("bad.yaml:1:6: name: expected text, found an empty value", empty.toString());
    }

    @Test
    void aFileWithoutANameIsNamedAfterItsFileMadeValid() throws IOException, ScenarioException {
        Path f = dir.resolve("my scenario (v2).yaml");
        Files.writeString(f, "seed: 1\n");
        assertEquals("my-scenario--v2-", ScenarioLoader.load(f.toString()).name());
    }

    @Test
    void anEmptyValueIsRefusedInAnEntryAsAtTheTop() {
        Problem top = only(fails("seed:\n"));
        assertEquals("bad.yaml:1:6: seed: expected a whole number (64-bit), found an empty value", top.toString());
        Problem warmth = only(fails("therapists:\n  - {warmth: , share: 1}\n"));
        assertEquals("bad.yaml:2:13: therapists[0].warmth: expected a number, found an empty value", warmth.toString());
        Problem conflict = only(fails("families:\n  - conflict:\n    share: 1\n"));
        assertEquals("families[0].conflict", conflict.path());
        assertEquals(2, conflict.line());
        Problem nested = only(fails("run:\n  families:\n"));
        assertEquals("bad.yaml:2:12: run.families: expected a whole number, found an empty value", nested.toString());
        Problem description = only(fails("description:\n"));
        assertEquals("description", description.path());
    }

    @Test
    void allowedFieldsAreListedInDeclarationOrder() {
        // The same list, in the same order, in every JVM: the model's fields, then the experiment's.
        Problem p = only(fails("famlies: 1\n"));
        assertEquals("bad.yaml:1:1: famlies: unknown field 'famlies' (did you mean 'families'?); allowed here: run,"
                + " families, therapists, setting, clinic, dynamics, rules, name, description, extends, seed, replications, measurement",
                p.toString());
        Problem inner = only(fails("dynamics:\n  trust: {gian: 1}\n"));
        assertTrue(inner.message().endsWith("allowed here: " + String.join(", ",
                Binder.fieldNames(org.alliancesim.model.Dynamics.Trust.class))), inner.message());
    }

    @Test
    void extendsOfAFileThatIsNotAScenarioShowsNothingOfIt() throws IOException {
        Path shadow = dir.resolve("shadow");
        Files.writeString(shadow, "root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n");
        Problem p = only(fails("extends: shadow\n"));
        assertEquals(shadow.toString(), p.file());
        assertEquals(1, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().startsWith("not a scenario file (reached through extends at bad.yaml:1)"), p.message());
        Path yamlish = dir.resolve("settings.yaml");
        Files.writeString(yamlish, "seed: 1\npassword: hunter2\n");
        Problem q = only(fails("extends: settings.yaml\n"));
        assertEquals(2, q.line());
        Path malformed = dir.resolve("token.json");
        Files.writeString(malformed, "{\"token\": hunter2-secret}\n");
        Problem r = only(fails("extends: token.json\n"));
        assertEquals(1, r.line());
        assertTrue(r.message().startsWith("malformed JSON (the parser's message is not shown"), r.message());
        Path text = dir.resolve("hostname");
        Files.writeString(text, "hunter2-secret\n");
        Problem t = only(fails("extends: hostname\n"));
        assertTrue(t.message().endsWith("found text"), t.message());
        for (Problem x : List.of(p, q, r, t)) {
            for (String secret : List.of("root", "20228", "daemon", "password", "hunter2")) {
                assertTrue(!x.toString().contains(secret), secret + " echoed: " + x);
            }
        }
    }

    @Test
    void aKeyThatIsNotAFieldNameIsNotQuoted() {
        Problem p = only(fails("seed: 1\n\"root:*:20228:0:99999:7:::\": 1\n"));
        assertEquals("bad.yaml:2:1: a key that is not a field name (not shown); allowed here: run, families,"
                + " therapists, setting, clinic, dynamics, rules, name, description, extends, seed, replications, measurement", p.toString());
    }

    @Test
    void badListIndicesInOverridesAreLocatedProblems() throws ScenarioException {
        assertEquals("--set therapists.5.warmth=0.5: therapists[5]: no entry 5; therapists has 2 (numbered from 0)",
                only(fails("seed: 1\n", List.of("therapists.5.warmth=0.5"))).toString());
        // An index no list could reach is refused by the path alone (ParameterPath.MAX_INDEX), whatever its size.
        assertEquals("--set therapists.2147483648.warmth=0.5: therapists: list index 2147483648 is too large (at most"
                + " 9999)", only(fails("seed: 1\n", List.of("therapists.2147483648.warmth=0.5"))).toString());
        Problem huge = only(fails("seed: 1\n", List.of("therapists[99999999999999999999999].warmth=0.5")));
        assertEquals("therapists", huge.path());
        assertTrue(huge.message().startsWith("list index 99999999999999999999999 is too large"), huge.message());
        assertEquals("list entries are numbered from 0, found -1",
                only(fails("seed: 1\n", List.of("therapists.-1.warmth=0.5"))).message());
        for (String bad : List.of("therapists[-1].warmth=0.5", "therapists[x].warmth=0.5", "therapists[].warmth=1",
                "therapists[0.warmth=1", "therapists[0]x.warmth=0.5")) {
            Problem p = only(fails("seed: 1\n", List.of(bad)));
            assertTrue(p.message().startsWith("bad list index '"), bad + ": " + p);
            assertEquals("--set " + bad, p.file());
        }
        for (String bad : List.of("run..families=1", ".run.families=1", "run.families.=1")) {
            assertTrue(only(fails("seed: 1\n", List.of(bad))).message().contains("empty part"), bad);
        }
        Scenario s = ScenarioLoader.loadText("ok.yaml", "seed: 1\n", dir, List.of("therapists.01.warmth=0.25"));
        assertEquals(0.25, s.model().therapists().get(1).warmth());
        assertTrue(only(fails("seed: 1\n", List.of("families[0][0]=x"))).message().contains("is not a list"));
        assertTrue(only(fails("seed: 1\n", List.of("therapists.first.warmth=0.5"))).message()
                .contains("'therapists' is a list, so 'first' does not apply"));
    }

    @Test
    void valueAtAnIndexBeyondAnyListIsAProblemNotAnError() throws ScenarioException {
        Scenario s = ScenarioLoader.load("default");
        assertThrows(ScenarioException.class, () -> s.valueAt(ParameterPath.parse("therapists.2147483648.warmth")));
        assertThrows(ScenarioException.class,
                () -> s.valueAt(ParameterPath.parse("therapists[99999999999999999999].warmth")));
        assertThrows(ScenarioException.class, () -> s.valueAt(ParameterPath.parse("therapists[9].warmth")));
        assertEquals(0.7, s.valueAt(ParameterPath.parse("therapists[1].warmth")));
    }

    @Test
    void anExtendsPathThatCannotBeAPathIsAProblem() {
        Problem p = only(fails("extends: \"a\\0b\"\n"));
        assertEquals("extends", p.path());
        assertTrue(p.message().contains("no such file (not a valid path)"), p.message());
        assertTrue(p.toString().contains("a\\u0000b"), p.toString());
    }

    @Test
    void missingFileAndUnknownBuiltin() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("involuntary-referal"));
        assertTrue(e.getMessage().contains("did you mean 'involuntary-referral'?"), e.getMessage());
    }
}
