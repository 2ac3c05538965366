package org.alliancesim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.sweep.SweepFolderException;
import org.alliancesim.analysis.sweep.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim merge}: shards of one sweep into one folder. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Combine the shard folders of one sweep into one results folder.",
        description = {"Refuses shards of different sweep files, seeds or base scenario contents, missing or"
                + " duplicated shards, shards that did not finish, and shard files whose rows do not belong to the"
                + " sweep. See docs/sweeps.md.", ""},
        footer = {"", "Exit codes: 0 merged, 3 merged but some points failed, 2 bad input, 1 a file could not be"
                + " written (disk full) or an internal error."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard folders (from sweep --shard K/N).")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Merged results folder.")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        try {
            ResultsFolder.check(out, force);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        String command = "alliancesim " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
        int failed;
        try {
            failed = SweepMerge.merge(shards, out, command);
        } catch (SweepFolderException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            return SweepCommand.cannotWrite(spec, e, "the merged folder is not complete; free space, then merge again"
                    + " with --force");
        }
        spec.commandLine().getOut().println("merged " + shards.size() + " shards into " + out
                + (failed > 0 ? " (" + failed + " points failed)" : ""));
        return failed > 0 ? AllianceSim.CHECKS_FAILED : AllianceSim.OK;
    }
}
