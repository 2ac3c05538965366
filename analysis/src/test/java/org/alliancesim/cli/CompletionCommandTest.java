package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script is run by a real bash: sourced, then its completion function called the way
 * bash calls it on TAB (COMP_WORDS, COMP_CWORD), and COMPREPLY read back.
 */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void theBashScriptIsValidBash() throws Exception {
        Path script = script("bash");
        Run check = bash("bash -n " + script);
        assertEquals(0, check.code(), check.out());
    }

    /**
     * The arguments that take a scenario say so themselves (no list in CompletionCommand): exactly
     * these nine, each with the scenario names as candidates. Fails when a command drops the mark
     * (its scenario would no longer complete) or marks an argument that takes no scenario.
     */
    @Test
    void theArgumentsThatTakeAScenarioAreMarkedInTheCommands() {
        List<String> marked = new java.util.ArrayList<>();
        collectMarked(new picocli.CommandLine(new AllianceSim()), "", marked);
        assertEquals(List.of("run 0", "compare 0", "compare 1", "story 0", "calibrate --base", "validate 0",
                "study 0", "scenarios show 0", "scenarios check 0"), marked);
    }

    private static void collectMarked(picocli.CommandLine line, String path, List<String> out) {
        for (picocli.CommandLine.Model.ArgSpec a : line.getCommandSpec().args()) {
            if (a.completionCandidates() instanceof ScenarioNames) {
                assertEquals(org.alliancesim.scenario.ScenarioLoader.BUILTINS,
                        java.util.stream.StreamSupport.stream(a.completionCandidates().spliterator(), false).toList());
                out.add(path.strip() + " " + (a.isOption() ? ((picocli.CommandLine.Model.OptionSpec) a).longestName()
                        : String.valueOf(((picocli.CommandLine.Model.PositionalParamSpec) a).index().min())));
            }
        }
        line.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().parent() == line.getCommandSpec()) {
                collectMarked(sub, path + " " + name, out);
            }
        });
    }

    @Test
    void scenarioNamesAreCompletedWhereAScenarioIsTaken() throws Exception {
        Path script = script("bash");
        assertEquals(List.of("involuntary-referral"), complete(script, "run", "inv"));
        assertEquals(List.of("involuntary-referral"), complete(script, "story", "inv"));
        assertEquals(List.of("involuntary-referral"), complete(script, "validate", "inv"));
        assertEquals(List.of("involuntary-referral"), complete(script, "study", "inv"));
        assertEquals(List.of("--design"), complete(script, "study", "--des"));
        assertEquals(List.of("involuntary-referral"), complete(script, "compare", "default", "inv"));
        assertEquals(List.of("involuntary-referral"), complete(script, "calibrate", "--base", "inv"));
        assertEquals(List.of("involuntary-referral"), complete(script, "scenarios", "show", "inv"));
        assertEquals(List.of("prepared-for-observation"), complete(script, "run", "prep"));
    }

    @Test
    void fileNamesAreOfferedWhereAScenarioMayBeAFile() throws Exception {
        Path script = script("bash");
        Path here = dir.resolve("work");
        Files.createDirectories(here.resolve("inv dir"));
        Files.writeString(here.resolve("invented.yaml"), "extends: default\n");
        for (String[] words : new String[][] {{"run", "inv"}, {"study", "inv"}, {"scenarios", "check", "inv"},
                {"scenarios", "show", "inv"}, {"compare", "default", "inv"}, {"story", "inv"}, {"validate", "inv"}}) {
            List<String> offered = complete(here, script, words);
            assertEquals(List.of("involuntary-referral", "inv dir", "invented.yaml"),
                    offered.stream().sorted(java.util.Comparator.comparing((String w) -> !w.equals("involuntary-referral"))
                            .thenComparing(w -> w)).toList(), String.join(" ", words));
        }
        // No file names for an option's name, nor where no scenario is taken.
        assertEquals(List.of("--threads"), complete(here, script, "run", "--thr"));
        assertEquals(List.of("bash"), complete(here, script, "completion", "b"));
    }

    @Test
    void commandsThatTakeNoScenarioAreNotOfferedNames() throws Exception {
        Path script = script("bash");
        // sweep takes a sweep file, merge folders: names there would be wrong (bash falls back to files).
        assertEquals(List.of(), complete(script, "sweep", "inv"));
        assertEquals(List.of(), complete(script, "merge", "inv"));
        // compete takes a hypotheses file, not a scenario.
        assertEquals(List.of(), complete(script, "compete", "inv"));
        assertEquals(List.of("compare", "calibrate", "compete", "classroom", "completion"),
                complete(script, "c"));
        assertEquals(List.of("--shard"), complete(script, "compete", "--sh"));
    }

    @Test
    void zshGetsTheSameScriptWhichEnablesBashcompinit() {
        Outcome zsh = AllianceSimTest.run("completion", "zsh");
        Outcome bash = AllianceSimTest.run("completion", "bash");
        assertEquals(0, zsh.code(), zsh.err());
        assertTrue(zsh.out().contains("bashcompinit"), "zsh needs bash completion's compatibility layer");
        assertEquals(bash.out().replace("for bash", "for zsh"), zsh.out());
    }

    @Test
    void anUnknownShellIsBadInput() {
        Outcome o = AllianceSimTest.run("completion", "fish");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("expected one of [bash, zsh]"), o.err());
    }

    private Path script(String shell) throws IOException {
        Outcome o = AllianceSimTest.run("completion", shell);
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("alliancesim." + shell);
        Files.writeString(script, o.out());
        return script;
    }

    /** What the script offers for {@code alliancesim WORDS...<TAB>}, the last word being completed. */
    private static List<String> complete(Path script, String... words) throws Exception {
        return complete(null, script, words);
    }

    /** As above, with bash started in {@code cwd} (null: the test's own). */
    private static List<String> complete(Path cwd, Path script, String... words) throws Exception {
        StringBuilder line = new StringBuilder("alliancesim");
        for (String w : words) {
            line.append(' ').append(w);
        }
        String program = "source '" + script + "' 2>/dev/null\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "read -ra COMP_WORDS <<< \"$COMP_LINE\"; COMP_CWORD=" + words.length + "\n"
                + "_complete_alliancesim 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Run r = bash(cwd, program);
        assertEquals(0, r.code(), r.out());
        return r.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private record Run(int code, String out) {}

    private static Run bash(String program) throws Exception {
        return bash(null, program);
    }

    private static Run bash(Path cwd, String program) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true);
        if (cwd != null) {
            b.directory(cwd.toFile());
        }
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
        return new Run(p.exitValue(), out);
    }
}
