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
        Problem p = only(fails("run: {families: 400\nseed: 3\n"));
        assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
        assertTrue(p.message().startsWith("malformed YAML: "), p.message());
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
    void missingFileAndUnknownBuiltin() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("involuntary-referal"));
        assertTrue(e.getMessage().contains("did you mean 'involuntary-referral'?"), e.getMessage());
    }
}
