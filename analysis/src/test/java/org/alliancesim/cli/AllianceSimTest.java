package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AllianceSimTest {

    /** Exit code and both streams of one invocation. */
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AllianceSim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneLineBadInput(Outcome o) {
        assertEquals(AllianceSim.BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void helpListsTheCommands() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("verify"), o.out());
        assertTrue(o.out().contains("Exit codes"), o.out());
    }

    @Test
    void noArgumentsShowsUsage() {
        Outcome o = run();
        assertEquals(0, o.code());
        assertTrue(o.out().contains("Usage: alliancesim"), o.out());
    }

    @Test
    void versionPrintsTheBuiltVersion() {
        Outcome o = run("--version");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("alliancesim "), o.out());
        assertFalse(o.out().contains("${"), "version resource must be filtered: " + o.out());
        assertFalse(o.out().contains("unknown"), o.out());
    }

    @Test
    void unknownCommandIsOneLineAndExitCode2() {
        Outcome o = run("frobnicate");
        assertOneLineBadInput(o);
        assertTrue(o.err().contains("frobnicate"), o.err());
    }

    @Test
    void misspeltCommandGetsASuggestion() {
        Outcome o = run("verfy");
        assertOneLineBadInput(o);
        assertTrue(o.err().contains("did you mean verify"), o.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitCode2() {
        assertOneLineBadInput(run("--frobnicate"));
        Outcome o = run("verify", "--no-such-option");
        assertOneLineBadInput(o);
        assertTrue(o.err().contains("--no-such-option"), o.err());
    }

    @Test
    void badOptionValuesAreOneLineAndExitCode2() {
        assertOneLineBadInput(run("verify", "--reps", "many"));
        Outcome o = run("verify", "--reps", "1");
        assertOneLineBadInput(o);
        assertTrue(o.err().contains("--reps must be at least 2, was 1"), o.err());
        assertOneLineBadInput(run("verify", "--threads", "0"));
    }

    @Test
    void verifyPrintsTheTable() {
        Outcome o = run("verify", "--reps", "5", "--customers", "20000", "--warmup", "1000");
        assertTrue(o.code() == AllianceSim.OK || o.code() == AllianceSim.CHECKS_FAILED, o.err());
        for (String model : new String[] {"M/M/1", "M/M/2", "M/M/3", "M/M/5", "M/D/1"}) {
            assertTrue(o.out().contains(model), o.out());
        }
        assertTrue(o.out().contains("95% CI") && o.out().contains("99% CI") && o.out().contains("result"));
        assertEquals(o.code() == 0, o.out().contains("All 5 checks pass."), o.out());
    }
}
