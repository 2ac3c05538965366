package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.analysis.report.ResultsFolder;
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
     * What a merge wrote.
     *
     * @param folder the merged folder: what the sweep run in one process writes, byte for byte
     * @param shards the shard folders merged
     * @param failed points whose combination the model refused
     */
    public record Result(Path folder, int shards, int failed) {}

    /**
     * Runs the request.
     *
     * @throws BadRequestException for an output folder that cannot take the result; nothing written
     * @throws SweepFolderException (bad input) naming the shard, file and what is wrong; nothing written
     * @throws ScenarioException when a parameter path recorded in the shards is not a field of a scenario
     * @throws IOException when a file cannot be written (a full disk): the merged folder is not complete
     */
    public static Result execute(MergeRequest r) throws SweepFolderException, ScenarioException, IOException {
        refuseShardAsOutput(r);
        if (CompeteUseCase.isShard(r.shards().get(0))) {
            return CompeteUseCase.merge(r);
        }
        try (ResultsFolder folder = r.output().open(SweepUseCase.WRITES)) {
            int failed = SweepMerge.merge(r.shards(), folder.dir(), SweepUseCase.command("merge", r.arguments()));
            return new Result(r.output().dir(), r.shards().size(), failed);
        }
    }

    /**
     * Refuses an output folder that is one of the shards, by where it really is (a link to a shard,
     * {@code ./s1} for {@code s1}, are the same folder), before anything is written.
     */
    static void refuseShardAsOutput(MergeRequest r) throws IOException {
        Path out = real(r.output().dir());
        for (Path d : r.shards()) {
            Path shard = real(d);
            if (out.equals(shard)) {
                throw new BadRequestException("--out " + r.output().dir() + " is the shard folder " + d
                        + (r.output().dir().equals(d) ? "" : " (" + shard + ")") + "; merge into a new folder");
            }
        }
    }

    /** Where {@code p} really is: its existing part with links resolved, the rest appended. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    }
}
