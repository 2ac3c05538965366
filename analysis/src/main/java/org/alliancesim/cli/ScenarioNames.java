package org.alliancesim.cli;

import java.util.Iterator;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * The built-in scenarios' names as completion candidates: a command marks an argument that takes a
 * scenario (a built-in name or a file) with {@code completionCandidates = ScenarioNames.class}, and
 * {@link CompletionCommand} offers these names and the file names there. No list of such arguments
 * is kept anywhere else.
 */
final class ScenarioNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ScenarioLoader.BUILTINS.iterator();
    }
}
