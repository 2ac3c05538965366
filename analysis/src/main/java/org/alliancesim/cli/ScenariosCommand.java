package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim scenarios}: the built-in library, resolved scenarios, validation, the schema. */
@Command(name = "scenarios",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "List, show and check scenarios; write the scenario JSON Schema.",
        description = {"Scenario files are YAML (or JSON); see docs/scenarios.md.", ""},
        subcommands = {ScenariosCommand.ListCommand.class, ScenariosCommand.ShowCommand.class,
            ScenariosCheckCommand.class, ScenariosSchemaCommand.class},
        footer = {"", "Exit codes: 0 success, 2 invalid scenario or bad option, 1 internal or I/O error."})
final class ScenariosCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "The built-in scenarios and what each shows.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws ScenarioException {
            PrintWriter out = spec.commandLine().getOut();
            int width = ScenarioLoader.BUILTINS.stream().mapToInt(String::length).max().orElse(10);
            for (String name : ScenarioLoader.BUILTINS) {
                Scenario s = ScenarioLoader.load(name);
                out.printf("%-" + width + "s  %s%n", name, s.description());
            }
            out.flush();
            return AllianceSim.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            header = "Print a scenario fully resolved, defaults included, as YAML.")
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SCENARIO", description = "A built-in name or a file.", completionCandidates = ScenarioNames.class)
        String scenario;

        @Mixin
        SetOption setOption;

        @Override
        public Integer call() throws ScenarioException {
            Scenario s = ScenarioLoader.load(scenario, setOption.edits);
            PrintWriter out = spec.commandLine().getOut();
            out.println("# " + s.name() + ": fully resolved (defaults included) by alliancesim " + AllianceSim.version());
            out.print(ScenarioLoader.toYaml(s));
            out.flush();
            return AllianceSim.OK;
        }
    }
}
