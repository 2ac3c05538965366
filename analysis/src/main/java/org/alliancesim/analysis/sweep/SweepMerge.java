package org.alliancesim.analysis.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alliancesim.scenario.SweepSpec;

/** Combines finished shard folders of one sweep (checked by the caller) into one folder. */
public final class SweepMerge {

    private SweepMerge() {}

    /** Writes the merged folder and returns the number of failed points. */
    public static int merge(List<Path> shards, Path out, SweepSpec spec, String command, Instant started)
            throws IOException {
        Files.createDirectories(out);
        StringBuilder points = new StringBuilder(SweepRunner.pointsHeader(spec));
        StringBuilder runs = new StringBuilder(SweepRunner.runsHeader(spec));
        for (Path d : shards) {
            List<String> p = Files.readAllLines(d.resolve("points.csv"), StandardCharsets.UTF_8);
            p.subList(1, p.size()).forEach(l -> points.append(l).append('\n'));
            List<String> r = Files.readAllLines(d.resolve("runs.csv"), StandardCharsets.UTF_8);
            r.subList(1, r.size()).forEach(l -> runs.append(l).append('\n'));
        }
        SweepRunner.replace(out.resolve("points.csv"), points.toString());
        SweepRunner.replace(out.resolve("runs.csv"), runs.toString());
        SweepRunner.sortByPoint(out.resolve("points.csv"), 1);
        SweepRunner.sortByPoint(out.resolve("runs.csv"), 2);
        int failed = SweepRunner.countFailed(out.resolve("points.csv"));
        int total = Designs.points(spec).size();
        SweepRunner.manifest(out, spec, total, 1, 1, total, true, failed);
        SweepReport.write(out, spec, command, started);
        return failed;
    }
}
