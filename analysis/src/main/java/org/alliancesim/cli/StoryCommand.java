package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim story}: one family's course, narrated. */
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

    @Parameters(paramLabel = "SCENARIO", description = "A built-in scenario's name or a file.")
    String scenario;

    @Option(names = "--family", paramLabel = "K", description = "Which family, from 0 (default: ${DEFAULT-VALUE}).")
    int family = 0;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario field (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Also write story.txt and the chart here.")
    Path out;

    @Option(names = "--force", description = "Replace the files in a non-empty --out folder.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioLoader.load(scenario, sets);
        if (family < 0 || family >= s.model().run().families()) {
            throw new BadInputException("--family must be from 0 to " + (s.model().run().families() - 1)
                    + " (the scenario has " + s.model().run().families() + " families), was " + family);
        }
        if (out != null) {
            try {
                ResultsFolder.check(out, force);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        Story story;
        try {
            story = Story.of(s.name(), s.model(), seed != null ? seed : s.seed(), family);
        } catch (IllegalArgumentException e) {
            // Clinic mode: fewer referrals than --family may have arrived before the horizon.
            throw new BadInputException(e.getMessage());
        }
        String text = story.text();
        PrintWriter o = spec.commandLine().getOut();
        o.print(text);
        if (out != null) {
            try (ResultsFolder folder = ResultsFolder.open(out, force,
                    List.of("story.txt", "alliance.png", "alliance.svg"))) {
                folder.write("story.txt", text);
                folder.write("alliance.png", ChartFiles.png(story.chart()));
                folder.write("alliance.svg", ChartFiles.svgDocument(story.chart()));
                folder.commit();
            }
            o.println("written: " + out.resolve("story.txt") + ", " + out.resolve("alliance.png") + ", "
                    + out.resolve("alliance.svg"));
        }
        o.flush();
        return AllianceSim.OK;
    }
}
