package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The shared options (OutputOptions, QuietOption, SetOption) take their descriptions from
 * Options.properties; a missing key renders an empty description and a misspelt command in a key
 * falls back silently to the common text. Both are caught here.
 */
class SharedOptionsTest {

    private static List<CommandLine> all(CommandLine line) {
        List<CommandLine> out = new ArrayList<>();
        out.add(line);
        for (CommandLine sub : line.getSubcommands().values()) {
            out.addAll(all(sub));
        }
        return out;
    }

    @Test
    void everyOptionAndParameterOfEveryCommandIsDescribed() {
        int args = 0;
        for (CommandLine line : all(new CommandLine(new AllianceSim()))) {
            for (ArgSpec a : line.getCommandSpec().args()) {
                String text = String.join(" ", a.description()).strip();
                assertFalse(text.isEmpty(), line.getCommandSpec().qualifiedName() + " " + a + " has no description");
                args++;
            }
        }
        assertTrue(args > 100, "arguments checked: " + args);
    }

    @Test
    void everyCommandSpecificKeyNamesACommandThatHasTheOption() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.alliancesim.cli.Options");
        Set<String> wanted = new TreeSet<>();
        for (CommandLine line : all(new CommandLine(new AllianceSim()))) {
            for (ArgSpec a : line.getCommandSpec().args()) {
                if (a.descriptionKey() != null && !a.descriptionKey().isEmpty()) {
                    wanted.add(line.getCommandSpec().qualifiedName(".") + "." + a.descriptionKey());
                }
            }
        }
        Set<String> unused = new TreeSet<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("alliancesim.") && !wanted.contains(key)) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "keys no command reads (misspelt command or option not mixed in)");
    }
}
