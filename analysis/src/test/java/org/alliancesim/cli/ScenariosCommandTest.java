package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosCommandTest {

    @TempDir
    Path dir;

    @Test
    void listNamesEveryBuiltinWithItsPurpose() {
        Outcome o = AllianceSimTest.run("scenarios", "list");
        assertEquals(0, o.code(), o.err());
        for (String name : ScenarioLoader.BUILTINS) {
            assertTrue(o.out().contains(name + " "), name);
        }
        assertTrue(o.out().contains("Mixed outpatient family caseload"), o.out());
        assertEquals(ScenarioLoader.BUILTINS.size(), o.out().strip().lines().count());
    }

    @Test
    void showPrintsTheResolvedScenarioWithOverrides() {
        Outcome o = AllianceSimTest.run("scenarios", "show", "involuntary-referral", "--set", "run.families=77");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("# involuntary-referral: fully resolved"), o.out());
        assertTrue(o.out().contains("families: 77"), o.out());
        assertTrue(o.out().contains("dynamics:") && o.out().contains("gain_down: 0.6"), "defaults included");
    }

    @Test
    void checkValidatesFilesAndReportsProblemsWithExitCode2() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "extends: default\nrun: {families: 400}\n");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "run:\n  familes: 400\nsetting: {cameras: maybe}\n");
        Outcome ok = AllianceSimTest.run("scenarios", "check", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("ok: " + good));
        Outcome fail = AllianceSimTest.run("scenarios", "check", good.toString(), bad.toString());
        assertEquals(2, fail.code());
        assertEquals(2, fail.err().strip().lines().count(), fail.err());
        assertTrue(fail.err().contains(bad + ":2:3: run.familes: unknown field 'familes' (did you mean 'families'?)"),
                fail.err());
        assertTrue(fail.err().contains("setting.cameras: expected true or false, found 'maybe' (text)"), fail.err());
        assertFalse(fail.err().contains("Exception"), fail.err());
    }

    @Test
    void anUnknownRuleOrARuleParameterOutOfRangeIsExitCode2AtItsPlace() throws Exception {
        Path bad = dir.resolve("rules.yaml");
        Files.writeString(bad, "rules:\n  trust_update: {rule: bayesain}\n  attendance: {trend_weight: -1}\n");
        Outcome fail = AllianceSimTest.run("scenarios", "check", bad.toString());
        assertEquals(2, fail.code());
        assertEquals(2, fail.err().strip().lines().count(), fail.err());
        assertTrue(fail.err().contains(bad + ":2:24: rules.trust_update.rule: found 'bayesain' (text); allowed:"
                + " asymmetric_relaxation, symmetric_relaxation, bayesian, betrayal_threshold (did you mean"
                + " 'bayesian'?)"), fail.err());
        assertTrue(fail.err().contains(bad + ":3:30: rules.attendance.trend_weight: must be in [0.0, 20.0], was -1.0"),
                fail.err());
        assertFalse(fail.err().contains("Exception"), fail.err());
        Outcome ok = AllianceSimTest.run("scenarios", "show", "default", "--set", "rules.trust_update.rule=bayesian");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("rule: bayesian"), ok.out());
    }

    @Test
    void showOfABadScenarioIsExitCode2WithoutAStackTrace() {
        Outcome o = AllianceSimTest.run("scenarios", "show", "defualt");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("did you mean 'default'?"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void hostileScenarioInputIsBadInputOnOneLineEach() throws Exception {
        Path shadow = dir.resolve("shadow");
        Files.writeString(shadow, "root:$6$secret-hash:20228:0:99999:7:::\n");
        Path extendsShadow = dir.resolve("extends-shadow.yaml");
        Files.writeString(extendsShadow, "extends: " + shadow + "\n");
        Path escaped = dir.resolve("escaped.yaml");
        Files.writeString(escaped, "name: \"../../escaped\\nx\"\n");
        Path empty = dir.resolve("empty-warmth.yaml");
        Files.writeString(empty, "therapists:\n  - {warmth: , share: 1}\n");
        Path big = dir.resolve("big.yaml");
        Files.write(big, ("description: " + "x".repeat(8 << 20)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<String[]> commands = List.of(
                new String[] {"scenarios", "check", extendsShadow.toString()},
                new String[] {"scenarios", "check", escaped.toString()},
                new String[] {"scenarios", "check", empty.toString()},
                new String[] {"scenarios", "check", big.toString()},
                new String[] {"scenarios", "show", "default", "--set", "therapists.2147483648.warmth=0.5"},
                new String[] {"run", escaped.toString(), "--out", dir.resolve("out").toString()},
                new String[] {"run", "default", "--set", "therapists[-1].warmth=0.5", "--out", dir.resolve("out").toString()});
        for (String[] args : commands) {
            Outcome o = AllianceSimTest.run(args);
            String what = String.join(" ", args);
            assertEquals(2, o.code(), what + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), what + ": " + o.err());
            assertFalse(o.err().contains("Exception") || o.err().contains("internal error"), what + ": " + o.err());
            assertFalse(o.err().contains("secret-hash"), what + ": " + o.err());
            assertEquals("", o.out(), what);
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void schemaWritesJsonToStdoutOrAFile() throws Exception {
        Outcome o = AllianceSimTest.run("scenarios", "schema");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\""), o.out());
        Path file = dir.resolve("scenario.schema.json");
        assertEquals(0, AllianceSimTest.run("scenarios", "schema", "--out", file.toString()).code());
        assertEquals(o.out(), Files.readString(file));
        Outcome missingDir = AllianceSimTest.run("scenarios", "schema", "--out", dir.resolve("no/such/x.json").toString());
        assertEquals(2, missingDir.code());
    }

    @Test
    void schemaOutputPathProblemsAreBadInputAndLinksAreNotFollowed() throws Exception {
        Outcome empty = AllianceSimTest.run("scenarios", "schema", "--out", "");
        assertEquals(2, empty.code(), empty.err());
        assertEquals("alliancesim scenarios schema: --out is empty; give a file name", empty.err().strip());
        Outcome folder = AllianceSimTest.run("scenarios", "schema", "--out", dir.toString());
        assertEquals(2, folder.code(), folder.err());
        assertTrue(folder.err().contains("is a folder; give a file name"), folder.err());
        if (Files.isDirectory(Path.of("/proc/self"))) {
            Outcome proc = AllianceSimTest.run("scenarios", "schema", "--out", "/proc/x.json");
            assertEquals(2, proc.code(), proc.err());
            assertTrue(proc.err().startsWith("alliancesim scenarios schema: --out /proc/x.json: cannot write there ("),
                    proc.err());
        }
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path link = dir.resolve("schema.json");
        Files.createSymbolicLink(link, victim);
        assertEquals(0, AllianceSimTest.run("scenarios", "schema", "--out", link.toString()).code());
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(link));
        assertTrue(Files.readString(link).contains("\"$schema\""));
    }
}
