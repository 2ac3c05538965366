package org.alliancesim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim scenarios}: the built-in library, resolved scenarios, validation, the schema. */
@Command(name = "scenarios",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "List, show and check scenarios; write the scenario JSON Schema.",
        description = {"Scenario files are YAML (or JSON); see docs/scenarios.md.", ""},
        subcommands = {ScenariosCommand.ListCommand.class, ScenariosCommand.ShowCommand.class,
            ScenariosCommand.CheckCommand.class, ScenariosCommand.SchemaCommand.class},
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

        @Parameters(paramLabel = "SCENARIO", description = "A built-in name or a file.")
        String scenario;

        @Option(names = "--set", paramLabel = "PATH=VALUE",
                description = "Override a field, for example --set run.families=400 (repeatable).")
        List<String> sets = new ArrayList<>();

        @Override
        public Integer call() throws ScenarioException {
            Scenario s = ScenarioLoader.load(scenario, sets);
            PrintWriter out = spec.commandLine().getOut();
            out.println("# " + s.name() + ": fully resolved (defaults included) by alliancesim " + AllianceSim.version());
            out.print(ScenarioLoader.toYaml(s));
            out.flush();
            return AllianceSim.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            header = "Validate scenario files without running them.")
    static final class CheckCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files or built-in names.")
        List<String> files;

        @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field (repeatable).")
        List<String> sets = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean allOk = true;
            for (String f : files) {
                try {
                    Scenario s = ScenarioLoader.load(f, sets);
                    out.println("ok: " + f + " (" + s.name() + ")");
                } catch (ScenarioException e) {
                    allOk = false;
                    for (Problem p : e.problems()) {
                        err.println(p);
                    }
                }
            }
            out.flush();
            err.flush();
            return allOk ? AllianceSim.OK : AllianceSim.BAD_INPUT;
        }
    }

    @Command(name = "schema", mixinStandardHelpOptions = true,
            header = "Write the JSON Schema (draft 2020-12) of scenario files.")
    static final class SchemaCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path out;

        @Override
        public Integer call() throws IOException {
            String json = ScenarioSchema.json();
            if (out == null) {
                spec.commandLine().getOut().print(json);
                spec.commandLine().getOut().flush();
            } else {
                if (out.toString().isEmpty()) {
                    throw new BadInputException("--out is empty; give a file name");
                }
                if (Files.isDirectory(out)) {
                    throw new BadInputException("--out " + out + " is a folder; give a file name");
                }
                Path parent = out.toAbsolutePath().getParent();
                if (!Files.isDirectory(parent)) {
                    throw new BadInputException("--out " + out + ": the folder " + parent + " does not exist");
                }
                AtomicFile file;
                try {
                    file = AtomicFile.create(out);
                } catch (IOException e) {
                    throw new BadInputException("--out " + out + ": cannot write there (" + AtomicFile.reason(e) + ")");
                }
                try (file) {
                    try (OutputStream o = file.stream()) {
                        o.write(json.getBytes(StandardCharsets.UTF_8));
                    }
                    file.commit();
                }
            }
            return AllianceSim.OK;
        }
    }
}
