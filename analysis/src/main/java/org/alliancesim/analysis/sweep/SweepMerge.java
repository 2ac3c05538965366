package org.alliancesim.analysis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.alliancesim.analysis.report.SweepReport;
import org.alliancesim.scenario.ScenarioException;

/**
 * Combines the shard folders of one sweep into one folder, after checking all of them: each
 * manifest ({@link SweepManifest#read}); that all are shards of one sweep (same
 * {@link SweepIdentity}: sweep settings and base scenario content) split the same way; each shard
 * once, none missing, each complete ({@link ShardSet}); and every row of every shard ({@link Checkpoint}). Nothing
 * is written unless all of that holds; the merged manifest says complete only after every other
 * file is in place.
 */
public final class SweepMerge {

    private SweepMerge() {}

    /**
     * Writes the merged folder and returns the number of failed points.
     *
     * @param command the command line, for the report's provenance
     * @throws SweepFolderException (bad input) naming the shard, file and what is wrong; nothing written
     * @throws ScenarioException when a parameter path recorded in the shards is not a field of a scenario
     * @throws IOException when a file cannot be written (a full disk); the merged manifest is then not complete
     */
    public static int merge(List<Path> shards, Path out, String command)
            throws SweepFolderException, ScenarioException, IOException {
        return merge(shards, out, command, SweepFiles.DISK);
    }

    static int merge(List<Path> shards, Path out, String command, SweepFiles files)
            throws SweepFolderException, ScenarioException, IOException {
        Instant started = Instant.now();
        Path target = out.toAbsolutePath().normalize();
        ShardSet<SweepManifest, SweepFolderException> set = new ShardSet<>(SweepFolderException::new);
        List<SweepManifest> manifests = new ArrayList<>();
        for (Path d : shards) {
            if (d.toAbsolutePath().normalize().equals(target)
                    || Files.exists(out) && Files.exists(d) && Files.isSameFile(out, d)) {
                throw new SweepFolderException(out, "is also given as a shard folder; merge into a new folder");
            }
            SweepManifest m = SweepManifest.read(d);
            String diff = set.head() == null ? null : m.identity().difference(set.head().identity());
            set.add(d, m, m.shardK(), m.shardN(), diff == null ? null : "a different sweep than " + set.first() + ": "
                    + diff + " (" + d + " vs " + set.first() + ")",
                    m.complete() ? null : "shard " + m.shard() + " did not finish; run sweep --resume on it");
            manifests.add(m);
        }
        set.complete();
        SweepManifest any = manifests.get(0);
        SweepRows rows = new SweepRows(any.spec(), Designs.points(any.spec()), Sweep.paths(any.spec()));
        Checkpoint all = Checkpoint.empty();
        for (int i = 0; i < shards.size(); i++) {
            SweepManifest m = manifests.get(i);
            all.addAll(Checkpoint.read(shards.get(i), rows,
                    new HashSet<>(SweepRunner.shard(rows.total(), m.shardK(), m.shardN())), m.shard(), true));
        }
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve(SweepRunner.MANIFEST)); // an earlier merge's is no longer true
        files.replace(out.resolve(SweepRunner.POINTS), all.pointsText(rows.pointsFile().header()));
        files.replace(out.resolve(SweepRunner.RUNS), all.runsText(rows.runsHeader()));
        SweepReport.write(out, any.spec(), command, started, files);
        new SweepManifest(any.spec(), any.identity(), rows.total(), 1, 1, rows.total(), true, all.failed())
                .write(out, files);
        return all.failed();
    }
}
