package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim scenarios check}: loads each file and prints its problems, one a line. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Validate scenario files without running them.")
final class ScenariosCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files or built-in names.", completionCandidates = ScenarioNames.class)
    List<String> files;

    @Mixin
    SetOption setOption;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allOk = true;
        for (String f : files) {
            try {
                Scenario s = ScenarioLoader.load(f, setOption.edits);
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
