package org.alliancesim.analysis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancesim.analysis.report.SweepReport;
import org.alliancesim.scenario.ScenarioException;

/**
 * Combines the shard folders of one sweep into one folder, after checking all of them: each
 * manifest ({@link SweepManifest#read}); that all are shards of one sweep (same
 * {@link SweepIdentity}: sweep settings and base scenario content) split the same way; each shard
 * once, none missing, each complete; and every row of every shard ({@link Checkpoint}). Nothing
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
        Path first = shards.get(0);
        SweepManifest head = null;
        Map<Integer, Path> byShard = new TreeMap<>();
        List<SweepManifest> manifests = new ArrayList<>();
        for (Path d : shards) {
            if (d.toAbsolutePath().normalize().equals(target)
                    || Files.exists(out) && Files.exists(d) && Files.isSameFile(out, d)) {
                throw new SweepFolderException(out, "is also given as a shard folder; merge into a new folder");
            }
            SweepManifest m = SweepManifest.read(d);
            if (head == null) {
                head = m;
            } else {
                String diff = m.identity().difference(head.identity());
                if (diff != null) {
                    throw new SweepFolderException(d, "a different sweep than " + first + ": " + diff + " (" + d
                            + " vs " + first + ")");
                }
                if (m.shardN() != head.shardN()) {
                    throw new SweepFolderException(d, "shard " + m.shard() + " of a split into " + m.shardN()
                            + " parts, but " + first + " is of a split into " + head.shardN());
                }
            }
            if (!m.complete()) {
                throw new SweepFolderException(d, "shard " + m.shard() + " did not finish; run sweep --resume on it");
            }
            Path twice = byShard.put(m.shardK(), d);
            if (twice != null) {
                throw new SweepFolderException(d, "shard " + m.shard() + " given twice (also " + twice + ")");
            }
            manifests.add(m);
        }
        int n = head.shardN();
        if (byShard.size() != n) {
            List<Integer> missing = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                if (!byShard.containsKey(k)) {
                    missing.add(k);
                }
            }
            throw new SweepFolderException(first, "incomplete: shards " + missing + " of " + n + " are missing");
        }
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
        files.replace(out.resolve(SweepRunner.POINTS), all.pointsText(rows.pointsHeader()));
        files.replace(out.resolve(SweepRunner.RUNS), all.runsText(rows.runsHeader()));
        SweepReport.write(out, any.spec(), command, started, files);
        new SweepManifest(any.spec(), any.identity(), rows.total(), 1, 1, rows.total(), true, all.failed())
                .write(out, files);
        return all.failed();
    }
}
