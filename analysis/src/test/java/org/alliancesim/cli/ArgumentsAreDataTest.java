package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments are data (issue 22, docs/security.md "Arguments"): no argument is read as a file of
 * arguments, thread counts are bounded, and every value echoed in a message is escaped and cut.
 */
class ArgumentsAreDataTest {

    private static Outcome run(String... args) {
        return AllianceSimTest.run(args);
    }

    private static void assertOneLineBadInput(Outcome o) {
        assertEquals(AllianceSim.BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line, no stack trace: " + o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void anAtArgumentIsNotExpandedAsAFileOfArguments(@TempDir Path dir) throws Exception {
        // picocli's default reads @FILE as arguments: the secret line would come back in the message.
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "the-secret-line\n");
        Outcome o = run("scenarios", "show", "@" + secret);
        assertOneLineBadInput(o);
        assertFalse(o.err().contains("the-secret-line"), o.err());
        assertTrue(o.err().contains("@" + secret), "the argument is named as written: " + o.err());

        // An @file holding a command is not run either.
        Path args = dir.resolve("args.txt");
        Files.writeString(args, "list\n");
        Outcome listed = run("scenarios", "@" + args);
        assertFalse(listed.out().contains("default"), listed.out());
        assertEquals(AllianceSim.BAD_INPUT, listed.code(), listed.err());
    }

    @Test
    void threadsAreBoundedOnEveryCommandThatTakesThem() {
        for (String[] command : new String[][] {{"run", "default"}, {"compare", "default", "default"},
                {"study", "default"}, {"verify"}, {"calibrate", "literature", "--out", "x"},
                {"validate"}, {"sweep", "f.yaml", "--out", "x"}, {"compete", "h.yaml"}}) {
            for (String t : new String[] {"0", "-1", "100000", String.valueOf(ThreadsOption.MAX + 1)}) {
                String[] args = java.util.Arrays.copyOf(command, command.length + 2);
                args[command.length] = "--threads";
                args[command.length + 1] = t;
                Outcome o = run(args);
                assertOneLineBadInput(o);
                assertTrue(o.err().contains("--threads must be a whole number from 1 to " + ThreadsOption.MAX
                        + ", was " + t), String.join(" ", args) + ": " + o.err());
            }
        }
        assertTrue(ThreadsOption.MAX >= 256, "at least 256 whatever the machine");
    }

    @Test
    void aThreadThatCannotStartEndsInOneLineWithExitCode1() {
        // What Thread.start throws under a process limit, as a replication pool passes it on.
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = new picocli.CommandLine(new AllianceSim());
        line.setErr(new java.io.PrintWriter(err, true));
        Exception failure = new java.util.concurrent.ExecutionException(
                new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource"
                        + " limits reached"));
        assertEquals(AllianceSim.INTERNAL_ERROR, Failures.exitCode(failure, line));
        assertEquals("alliancesim: cannot start another thread (the system's limit on threads or processes was"
                + " reached); run with fewer --threads or raise the limit (ulimit -u)", err.toString().strip());

        java.io.StringWriter heap = new java.io.StringWriter();
        assertEquals(AllianceSim.INTERNAL_ERROR, Failures.outOfMemory(new OutOfMemoryError("Java heap space"),
                new java.io.PrintWriter(heap, true)));
        assertEquals(1, heap.toString().strip().lines().count(), heap.toString());
        assertTrue(heap.toString().contains("out of memory (Java heap space)"), heap.toString());
    }

    @Test
    void aNewlineInAnOptionValueCannotForgeALine() {
        String forged = "3\nalliancesim: all checks passed";
        for (String[] args : new String[][] {{"run", "default", "--reps", forged},
                {"run", "default", "--bogus" + forged}, {"run", "default", "--seed", forged},
                {"sweep", "../scenarios/sweeps/example.yaml", "--out", "x", "--shard", forged},
                {"classroom", "--host", forged}, {"run", "default", "--reps", "2", "--out", "/etc/passwd/a\nb"},
                {"run", forged}}) {
            Outcome o = run(args);
            assertOneLineBadInput(o);
            assertTrue(o.err().contains("\\n"), "the newline is shown escaped: " + o.err());
        }
    }

    @Test
    void aVeryLongOptionValueIsCut() {
        String huge = "9".repeat(100_000);
        for (String[] args : new String[][] {{"run", "default", "--reps", huge}, {"run", "default", "--seed", huge},
                {"run", "default", "--" + huge}, {"sweep", "../scenarios/sweeps/example.yaml", "--out", "x", "--shard", huge},
                {"classroom", "--host", huge}}) {
            Outcome o = run(args);
            assertOneLineBadInput(o);
            assertTrue(o.err().length() < 1500, "cut: " + o.err().length() + " characters");
            assertTrue(o.err().contains("(100000 characters)") || o.err().contains("characters)"), o.err());
        }
    }

    @Test
    void requestRefusalsNameTheOptionNotTheJavaField() {
        Outcome o = run("run", "default", "--reps", "auto", "--ci-width", "5");
        assertOneLineBadInput(o);
        assertTrue(o.err().contains("--ci-width must be"), o.err());
        assertFalse(o.err().contains("ciWidth"), o.err());

        Outcome c = run("calibrate", "literature", "--out", "unused-calibrate-out", "--max-evaluations", "0");
        assertOneLineBadInput(c);
        assertTrue(c.err().contains("--max-evaluations must be"), c.err());
        assertFalse(c.err().contains("maxEvaluations"), c.err());
    }

    @Test
    void anEmptyHostIsRefused() {
        Outcome o = run("classroom", "--host", "");
        assertOneLineBadInput(o);
        assertTrue(o.err().contains("--host"), o.err());
    }
}
