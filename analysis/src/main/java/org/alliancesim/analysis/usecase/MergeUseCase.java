package org.alliancesim.analysis.usecase;

import java.io.IOException;
import org.alliancesim.analysis.sweep.SweepFolderException;
import org.alliancesim.analysis.sweep.SweepMerge;
import org.alliancesim.scenario.ScenarioException;

/**
 * Combines the shard folders of one sweep, or of one {@code compete} (folders holding shard.json:
 * {@link CompeteUseCase}), into one folder, after checking every shard's manifest
 * and rows ({@link SweepMerge}): nothing is written unless all of them are complete parts of the
 * same sweep, each once.
 */
public final class MergeUseCase {

    private MergeUseCase() {}

    /**
     * Runs the request.
     *
     * @throws BadRequestException for an output folder that cannot take the result; nothing written
     * @throws SweepFolderException (bad input) naming the shard, file and what is wrong; nothing written
     * @throws ScenarioException when a parameter path recorded in the shards is not a field of a scenario
     * @throws IOException when a file cannot be written (a full disk): the merged folder is not complete
     */
    public static MergeResult execute(MergeRequest r) throws SweepFolderException, ScenarioException, IOException {
        if (CompeteUseCase.isShard(r.shards().get(0))) {
            return CompeteUseCase.merge(r);
        }
        r.output().check();
        int failed = SweepMerge.merge(r.shards(), r.output().dir(), SweepUseCase.command("merge", r.arguments()));
        return new MergeResult(r.output().dir(), r.shards().size(), failed);
    }
}
