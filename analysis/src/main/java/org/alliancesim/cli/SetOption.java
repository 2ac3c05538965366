package org.alliancesim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set PATH=VALUE} (repeatable): typed edits of the scenario a command loads, handed to
 * {@code ScenarioLoader.load(name, edits)} (a picocli mixin; its description per command in
 * {@code Options.properties}).
 */
final class SetOption {

    @Option(names = "--set", paramLabel = "PATH=VALUE", descriptionKey = "scenario.set")
    List<String> edits = new ArrayList<>();
}
