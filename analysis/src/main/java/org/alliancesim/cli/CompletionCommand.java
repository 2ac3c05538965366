package org.alliancesim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alliancesim completion bash|zsh}: prints picocli's generated completion script
 * ({@link AutoComplete#bash}), with the built-in scenario names offered wherever a scenario is taken.
 *
 * <p>The script is one for both shells: picocli's bash script enables zsh's {@code bashcompinit} when
 * sourced by zsh. Where a command takes a scenario, its argument says so itself
 * ({@code completionCandidates = ScenarioNames.class}): the script is generated from the command
 * tree alone, so a new command needs nothing here.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print a shell completion script (bash or zsh).",
        description = {"Enable it with:", "  bash: source <(bin/alliancesim completion bash)",
            "  zsh:  source <(bin/alliancesim completion zsh)", ""},
        footer = {"", "Exit codes: 0 success, 2 unknown shell."})
final class CompletionCommand implements Callable<Integer> {

    /** The shells a script can be printed for. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(shell));
        spec.commandLine().getOut().flush();
        return AllianceSim.OK;
    }

    /** The completion script for the command line {@code alliancesim} (the same text for both shells). */
    static String script(Shell shell) {
        CommandLine root = new CommandLine(new AllianceSim());
        scenarioOptionsLast(root);
        return "# alliancesim completion for " + shell + " (picocli " + CommandLine.VERSION + ")\n"
                + withFileNames(AutoComplete.bash("alliancesim", root));
    }

    /**
     * picocli completes an argument that has candidates with those candidates only; a scenario may
     * also be a file, so where the candidates are the built-in names the script offers the file names
     * that start with the word as well ({@code compgen -f}, one name per line, so names with spaces
     * stay whole).
     */
    static String withFileNames(String script) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> scenarioArrays = new java.util.HashSet<>();
        String builtins = "(\"" + String.join("\" \"", ScenarioLoader.BUILTINS) + "\")";
        for (String line : script.split("\n", -1)) {
            java.util.regex.Matcher declared = java.util.regex.Pattern
                    .compile("^\\s*local (\\w+_pos_param_args)=(\\(.*\\))").matcher(line);
            if (line.startsWith("function ")) {
                scenarioArrays.clear();
            } else if (declared.find() && declared.group(2).startsWith(builtins)) {
                scenarioArrays.add(declared.group(1));
            }
            boolean offers = scenarioArrays.stream().anyMatch(a -> line.contains("compReplyArray \"${" + a + "[@]}\""));
            if (line.strip().equals("local positionals=\"\"")) {
                out.append(line).append("; local offer_files=\"\"\n");
            } else if (offers) {
                out.append(line).append("; offer_files=1\n");
            } else if (line.strip().startsWith("COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}${IFS}${positionals}\"")) {
                out.append(line).append('\n');
                String indent = line.substring(0, line.indexOf("COMPREPLY"));
                out.append(indent).append("if [[ -n \"${offer_files:-}\" ]]; then COMPREPLY+=( $(compgen -f -- \"${curr_word}\") ); fi\n");
            } else {
                out.append(line).append('\n');
            }
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * Moves each option that completes scenario names to the end of its command's options, where the
     * script has listed it since the names were first offered (the script's text stays the same;
     * the order does not change what completes).
     */
    private static void scenarioOptionsLast(CommandLine line) {
        CommandSpec command = line.getCommandSpec();
        for (OptionSpec option : List.copyOf(command.options())) {
            if (option.completionCandidates() instanceof ScenarioNames) {
                command.remove(option);
                command.addOption(OptionSpec.builder(option).build());
            }
        }
        line.getSubcommands().values().forEach(CompletionCommand::scenarioOptionsLast);
    }
}
