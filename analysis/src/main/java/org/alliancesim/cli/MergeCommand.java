package org.alliancesim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.usecase.MergeRequest;
import org.alliancesim.analysis.usecase.MergeUseCase;
import org.alliancesim.analysis.usecase.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim merge}: flags to a {@link MergeRequest}; prints what was merged. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Combine the shard folders of one sweep (or one compete) into one results folder.",
        description = {"Refuses shards of different sweep files, seeds or base scenario contents, missing or"
                + " duplicated shards, shards that did not finish, and shard files whose rows do not belong to the"
                + " sweep. Shard folders of 'compete --shard K/N' (holding shard.json) are merged into the ranking one"
                + " process writes. See docs/sweeps.md and docs/hypotheses.md.", ""},
        footer = {"", "Exit codes: 0 merged, 3 merged but some points failed, 2 bad input, 1 a file could not be"
                + " written (disk full) or an internal error."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Shard folders (from sweep or compete --shard K/N).")
    List<Path> shards;

    @Mixin
    OutputOptions.Required results;

    @Override
    public Integer call() throws Exception {
        MergeUseCase.Result r;
        try {
            r = MergeUseCase.execute(MergeRequest.of(shards, new Output(results.dir(), results.force))
                    .withArguments(spec.root().commandLine().getParseResult().originalArgs()));
        } catch (IOException e) {
            return Failures.cannotWrite(spec, e, "the merged folder is not complete; free space, then merge again"
                    + " with --force");
        }
        spec.commandLine().getOut().println("merged " + r.shards() + " shards into " + r.folder()
                + (r.failed() > 0 ? " (" + r.failed() + " points failed)" : ""));
        return r.failed() > 0 ? AllianceSim.CHECKS_FAILED : AllianceSim.OK;
    }
}
