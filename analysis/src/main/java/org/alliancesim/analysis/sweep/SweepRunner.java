package org.alliancesim.analysis.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.PointsFile;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.report.SweepReport;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.SweepSpec;

/**
 * Runs a sweep (or one shard of it) into a folder, point by point, crash-safely.
 *
 * <p>Each point runs the base scenario with that point's parameter values, the sweep's seed and
 * replication numbers 0..R-1: every point simulates the same families (common random numbers), and
 * a point's numbers do not depend on which other points run, on threads or on sharding. Points are
 * visited in {@link Designs#interleaved} order. A finished point appends its rows to runs.csv, then
 * its row to points.csv: points.csv is the checkpoint. After a crash (even kill -9) or a full disk,
 * {@code --resume} checks the folder ({@link SweepManifest}, {@link Checkpoint}: same sweep, same
 * base scenario content, rows that belong to the design), drops an incomplete last point, and runs
 * the rest. When every point is done, both files are sorted by point (so the result does not
 * depend on completion order), summary.json, charts and report.html are written, and only then
 * does the manifest say {@code complete}.
 */
public final class SweepRunner {

    public static final String MANIFEST = "manifest.json";
    public static final String POINTS = "points.csv";
    public static final String RUNS = "runs.csv";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepRunner() {}

    /** The outcome of a run: points done and failed in this folder. */
    public record Outcome(int points, int failed, int ranNow, double seconds) {}

    /** The point indices of shard {@code k} of {@code n} (1-based k): every n-th, balanced. */
    public static List<Integer> shard(int total, int k, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i : Designs.interleaved(total)) {
            if (i % n == k - 1) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Runs (or resumes) the sweep into {@code dir}.
     *
     * @param command the command line, for the report's provenance
     * @param progress told, as each point finishes, how many of the shard's points are done (those
     *     of an earlier run included); called one point at a time, in order, from worker threads; or null
     * @throws SweepFolderException (bad input) for a folder that does not match a resume, or a base
     *     scenario that changed while the sweep ran; nothing is written then
     * @throws IOException when a file cannot be written (a full disk): the points finished so far
     *     are kept, no temporary file is left, and the manifest does not say complete
     */
    public static Outcome run(Sweep sweep, Path dir, int threads, boolean resume, int shardK, int shardN,
            String command, IntConsumer progress)
            throws SweepFolderException, ScenarioException, IOException, InterruptedException {
        return run(sweep, dir, threads, resume, shardK, shardN, command, progress, SweepFiles.DISK);
    }

    static Outcome run(Sweep sweep, Path dir, int threads, boolean resume, int shardK, int shardN,
            String command, IntConsumer progress, SweepFiles files)
            throws SweepFolderException, ScenarioException, IOException, InterruptedException {
        long start = System.nanoTime();
        Instant started = Instant.now();
        SweepSpec spec = sweep.spec();
        SweepIdentity identity = sweep.identity();
        SweepRows rows = sweep.rows();
        List<Integer> mine = shard(sweep.size(), shardK, shardN);
        Set<Integer> shard = new HashSet<>(mine);
        String label = shardK + "/" + shardN;
        Path pointsCsv = dir.resolve(POINTS);
        Path runsCsv = dir.resolve(RUNS);
        Set<Integer> done;
        if (resume) {
            SweepManifest m = SweepManifest.read(dir);
            String diff = m.identity().difference(identity);
            if (diff != null) {
                throw new SweepFolderException(dir.resolve(MANIFEST), "the folder holds another sweep: " + diff
                        + " (in the folder vs now); resume with the same sweep file and base scenario, or start"
                        + " afresh with --force or another --out");
            }
            if (m.shardK() != shardK || m.shardN() != shardN) {
                throw new SweepFolderException(dir.resolve(MANIFEST), "the folder holds shard " + m.shard() + ", not "
                        + label + "; resume with --shard " + m.shard() + ", or use another --out");
            }
            Checkpoint c = Checkpoint.read(dir, rows, shard, label, m.complete());
            // Only checked rows are kept: an incomplete last point is dropped and runs again.
            files.replace(pointsCsv, c.pointsText(rows.pointsFile().header()));
            files.replace(runsCsv, c.runsText(rows.runsHeader()));
            done = c.done();
        } else {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(MANIFEST)); // an earlier sweep's is no longer true
            files.replace(pointsCsv, rows.pointsFile().header());
            files.replace(runsCsv, rows.runsHeader());
            new SweepManifest(spec, identity, sweep.size(), shardK, shardN, mine.size(), false, 0).write(dir, files);
            done = Set.of();
        }
        int ran = runPoints(sweep, mine.stream().filter(i -> !done.contains(i)).toList(), done.size(), threads,
                pointsCsv, runsCsv, files, progress);
        SweepIdentity now = SweepIdentity.of(spec);
        if (!now.sha256().equals(identity.sha256())) {
            throw new SweepFolderException(Path.of(spec.base()), "changed while the sweep ran (" + identity.difference(now)
                    + "), so its points mix two models; start afresh with --force");
        }
        // Everything written is read back and checked before the folder is declared complete.
        Checkpoint c = Checkpoint.read(dir, rows, shard, label, true);
        files.replace(pointsCsv, c.pointsText(rows.pointsFile().header()));
        files.replace(runsCsv, c.runsText(rows.runsHeader()));
        SweepReport.write(dir, spec, command, started, files, threads);
        new SweepManifest(spec, identity, sweep.size(), shardK, shardN, mine.size(), true, c.failed()).write(dir, files);
        return new Outcome(mine.size(), c.failed(), ran, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs {@code todo} on {@code threads} threads, appending each point's rows as it finishes;
     * {@code before} points of the shard were done already.
     */
    private static int runPoints(Sweep sweep, List<Integer> todo, int before, int threads, Path pointsCsv,
            Path runsCsv, SweepFiles files, IntConsumer progress) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        boolean[] stopped = {false}; // guarded by lock: after a failure nothing more is appended
        int[] done = {before}; // guarded by lock
        int ran = 0;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(pool.submit(() -> {
                    String[] out = runPoint(sweep, i);
                    synchronized (lock) {
                        if (stopped[0]) {
                            return null;
                        }
                        try {
                            if (!out[1].isEmpty()) {
                                files.append(runsCsv, out[1]);
                            }
                            files.append(pointsCsv, out[0]);
                        } catch (IOException e) {
                            stopped[0] = true;
                            throw e;
                        }
                        done[0]++;
                        if (progress != null) {
                            progress.accept(done[0]);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    synchronized (lock) {
                        stopped[0] = true;
                    }
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
                ran++;
            }
        } finally {
            pool.shutdownNow();
        }
        return ran;
    }

    /** One point: its points.csv row and its runs.csv rows. */
    static String[] runPoint(Sweep sweep, int index) {
        SweepSpec spec = sweep.spec();
        String params = sweep.rows().parameterColumns(index);
        StringBuilder point = new StringBuilder().append(index).append(params);
        StringBuilder runs = new StringBuilder();
        try {
            // Arm A is the point's scenario; an effect sweep's arm B runs on the same seed and replication
            // numbers, so replication r of both simulates the same families (common random numbers), as compare's arms.
            List<ExperimentResult> arms = new ArrayList<>();
            arms.add(Experiment.metrics(ExperimentPlan.builder(sweep.scenario(index).model(), spec.seed())
                    .replications(spec.replications()).sessionDetail(false).build()));
            if (spec.isEffectSweep()) {
                arms.add(Experiment.metrics(ExperimentPlan.builder(sweep.scenarioB(index).model(), spec.seed())
                        .replications(spec.replications()).sessionDetail(false).build()));
            }
            SweepRows rows = sweep.rows();
            List<Metric> ms = spec.metrics().stream().map(Metric::byKey).toList();
            // Each value as runs.csv writes it; the point's summary is of these, so it can be checked exactly.
            List<List<String>> written = new ArrayList<>();
            for (int k = 0; k < ms.size(); k++) {
                List<List<String>> metric = new ArrayList<>();
                for (ExperimentResult arm : arms) {
                    metric.add(Arrays.stream(arm.values(ms.get(k))).mapToObj(rows::written).toList());
                }
                written.addAll(metric);
                point.append(rows.summary(k, metric));
            }
            point.append(",\n");
            for (int rep = 0; rep < spec.replications(); rep++) {
                rows.runsFile().appendRow(runs, index, rep, params, written);
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            // The model refuses this combination: record the error, keep sweeping.
            String why = String.valueOf(e.getMessage()).replace("\r\n", ";").replace('\n', ';').replace('\r', ';');
            if (why.length() > SweepRows.ERROR_MAX) {
                why = why.substring(0, SweepRows.ERROR_MAX - 3) + "...";
            }
            PointsFile layout = sweep.rows().pointsFile();
            point.append(",".repeat(layout.errorColumn() - layout.summaryColumn(0, 0))).append(',')
                    .append(Csv.text(why)).append('\n');
            runs.setLength(0);
        } catch (Exception e) {
            throw new IllegalStateException("point " + index, e);
        }
        return new String[] {point.toString(), runs.toString()};
    }
}
