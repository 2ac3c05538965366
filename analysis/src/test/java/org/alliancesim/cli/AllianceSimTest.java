package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
    void versionPrintsTheBuiltVersionAndCommit() throws Exception {
        Outcome o = run("--version");
        assertEquals(0, o.code());
        List<String> lines = o.out().lines().toList();
        assertFalse(o.out().contains("${"), "version resource must be filtered: " + o.out());
        // The version is the parent pom's revision (Maven's own reading of it, passed by surefire as a property
        // would be circular: compare with the pom's text instead).
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("..", "pom.xml"));
        java.util.regex.Matcher revision = Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
        assertTrue(revision.find(), "the parent pom declares <revision>");
        assertEquals("alliancesim " + revision.group(1), lines.get(0));
        // The commit: what git says HEAD is, when the tests run in a git work tree; "unknown" otherwise.
        String head = git("rev-parse", "HEAD");
        if (head == null) {
            assertEquals("commit unknown (built outside a git work tree)", lines.get(1));
        } else {
            assertTrue(lines.get(1).equals("commit " + head + " (clean work tree)")
                    || lines.get(1).equals("commit " + head + " (work tree with uncommitted changes)"), lines.get(1));
        }
        assertTrue(lines.get(2).startsWith("Java "), o.out());
    }

    /** git's answer (one line) in this module's folder, or null when there is no git or no work tree. */
    private static String git(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getErrorStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        }
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
        assertTrue(o.err().contains("verify: --reps must be at least 2, was 1"), o.err());
        assertOneLineBadInput(run("verify", "--threads", "0"));
    }

    @Test
    void verifyPrintsTheTable() {
        // The default seed is documented to pass: every row, so exit 0 (3 would mean a kernel bug).
        Outcome o = run("verify", "--reps", "5", "--customers", "20000", "--warmup", "1000", "--threads", "2");
        assertEquals(AllianceSim.OK, o.code(), o.out() + o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).matches("model\\s+parameters \\(per day\\)\\s+formula\\s+analytic\\s+simulated\\s+95% CI"
                + "\\s+99% CI\\s+result"), lines.get(0));
        String number = "\\d+\\.\\d{4}";
        String interval = "\\[" + number + ", " + number + "\\]";
        for (String model : new String[] {"M/M/1", "M/M/2", "M/M/3", "M/M/5", "M/D/1"}) {
            List<String> rows = lines.stream().filter(l -> l.startsWith(model + " ")).toList();
            assertEquals(1, rows.size(), model + " row in " + o.out());
            assertTrue(rows.get(0).matches(Pattern.quote(model) + "\\s+lambda=\\S+ mu=\\S+ rho=\\S+\\s+.+\\s+" + number
                    + "\\s+" + number + "\\s+" + interval + "\\s+" + interval + "\\s+pass"), rows.get(0));
        }
        assertTrue(o.out().contains("All 5 checks pass."), o.out());
    }

    /** Every command's path below the root, e.g. [run], [scenarios, list]. */
    private static List<List<String>> commandPaths(CommandLine line, List<String> prefix) {
        List<List<String>> out = new ArrayList<>();
        for (var e : line.getSubcommands().entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path);
            out.addAll(commandPaths(e.getValue(), path));
        }
        return out;
    }

    @Test
    void everyCommandThatListsVersionPrintsIt() {
        String version = run("--version").out();
        assertTrue(version.startsWith("alliancesim "), version);
        int checked = 0;
        for (List<String> path : commandPaths(new CommandLine(new AllianceSim()), List.of())) {
            CommandLine line = new CommandLine(new AllianceSim());
            for (String name : path) {
                line = line.getSubcommands().get(name);
            }
            if (!line.getCommandSpec().optionsMap().containsKey("--version")) {
                continue;
            }
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            Outcome o = run(args.toArray(String[]::new));
            assertEquals(0, o.code(), path + ": " + o.err());
            assertEquals(version, o.out(), path + " --version");
            checked++;
        }
        assertTrue(checked >= 12, "commands checked: " + checked);
    }

    @Test
    void helpTextsHaveNoUnescapedPercentSigns() {
        // picocli formats help texts with String.format; a lone % made it print a [picocli WARN]
        // line and the raw text. Every text must format, and every command's help must render.
        for (List<String> path : commandPaths(new CommandLine(new AllianceSim()), List.of())) {
            CommandLine line = new CommandLine(new AllianceSim());
            for (String name : path) {
                line = line.getSubcommands().get(name);
            }
            // The texts as written in the annotations (picocli's spec hands them out already unescaped).
            List<Class<?>> classes = new ArrayList<>();
            classes.add(line.getCommandSpec().userObject().getClass());
            line.getCommandSpec().mixins().values().forEach(m -> classes.add(m.userObject().getClass()));
            List<String> texts = new ArrayList<>();
            for (Class<?> c : classes) {
                CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
                if (command != null) {
                    texts.addAll(List.of(command.header()));
                    texts.addAll(List.of(command.description()));
                    texts.addAll(List.of(command.footer()));
                }
                for (Field f : c.getDeclaredFields()) {
                    if (f.getAnnotation(CommandLine.Option.class) != null) {
                        texts.addAll(List.of(f.getAnnotation(CommandLine.Option.class).description()));
                    }
                    if (f.getAnnotation(CommandLine.Parameters.class) != null) {
                        texts.addAll(List.of(f.getAnnotation(CommandLine.Parameters.class).description()));
                    }
                }
            }
            for (String t : texts) {
                assertDoesNotThrow(() -> String.format(Locale.ROOT, t), path + ": " + t);
            }
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Outcome o = run(args.toArray(String[]::new));
            assertEquals(0, o.code(), path + ": " + o.err());
            assertFalse(o.out().contains("WARN") || o.err().contains("WARN"), o.out() + o.err());
        }
    }

    @Test
    void anIoErrorIsOneLineNamingTheFileAndExitCode1() {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(new AllianceSim()).getSubcommands().get("run");
        line.setErr(new PrintWriter(err, true));
        int code = Failures.exitCode(new FileSystemException("/data/r/families.csv", null, "No space left on device"),
                line);
        assertEquals(AllianceSim.INTERNAL_ERROR, code);
        assertEquals("alliancesim run: I/O error: /data/r/families.csv: No space left on device", err.toString().strip());
        err.getBuffer().setLength(0);
        code = Failures.exitCode(new UncheckedIOException(new IOException("Input/output error")), line);
        assertEquals(AllianceSim.INTERNAL_ERROR, code);
        assertEquals("alliancesim run: I/O error: Input/output error", err.toString().strip());
    }
}
