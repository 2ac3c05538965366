package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.alliancesim.analysis.usecase.StoryRequest;
import org.alliancesim.analysis.usecase.StoryUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim story}: flags to a {@link StoryRequest}; prints the narrative. */
@Command(name = "story",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Tell one family's course session by session, for teaching.",
        description = {"The family is family K of replication 0 (the same family as families.csv's row"
                + " replication=0, family_id=K of a run with the same seed). Prints the narrative; with --out also"
                + " writes story.txt and the members' alliance chart (PNG and SVG).", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input, 1 internal or I/O error."})
final class StoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "A built-in scenario's name or a file.", completionCandidates = ScenarioNames.class)
    String scenario;

    @Option(names = "--family", paramLabel = "K", description = "Which family, from 0 (default: ${DEFAULT-VALUE}).")
    int family = 0;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Mixin
    SetOption setOption;

    @Mixin
    OutputOptions.Defaulted results;

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioLoader.load(scenario, setOption.edits);
        StoryRequest request = StoryRequest.of(seed == null ? s : s.withSeed(seed), family)
                .withOutput(results.given());
        StoryUseCase.Result result = StoryUseCase.execute(request);
        PrintWriter o = spec.commandLine().getOut();
        o.print(result.text());
        if (!result.files().isEmpty()) {
            o.println("written: " + result.files().stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        o.flush();
        return AllianceSim.OK;
    }
}
