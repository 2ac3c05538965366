package org.alliancesim.analysis.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;

/**
 * Runs a sweep (or one shard of it) into a folder, point by point, crash-safely.
 *
 * <p>Each point runs the base scenario with that point's parameter values, the sweep's seed and
 * replication numbers 0..R-1: every point simulates the same families (common random numbers), and
 * a point's numbers do not depend on which other points run, on threads or on sharding. Points are
 * visited in {@link Designs#interleaved} order. A finished point appends its rows to runs.csv, then
 * its row to points.csv, and flushes: points.csv is the checkpoint. After a crash (even kill -9)
 * {@code --resume} drops a half-written last line, keeps the runs of finished points only, and runs
 * the rest. When every point is done, both files are sorted by point (so the result does not depend
 * on completion order) and summary.json, charts and report.html are written.
 */
public final class SweepRunner {

    public static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepRunner() {}

    /** The outcome of a run: points done and failed in this folder. */
    public record Outcome(int points, int failed, int ranNow, double seconds) {}

    /** A stable hash of the sweep file's resolved contents (checks shards and resumes belong together). */
    public static String hash(SweepSpec spec) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(spec));
            return HexFormat.of().formatHex(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

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
     * @throws IllegalArgumentException (bad input) for a folder that does not match a resume
     */
    public static Outcome run(SweepSpec spec, Path dir, int threads, boolean resume, int shardK, int shardN,
            IntConsumer progress) throws Exception {
        long start = System.nanoTime();
        List<double[]> points = Designs.points(spec);
        List<Integer> mine = shard(points.size(), shardK, shardN);
        Path pointsCsv = dir.resolve("points.csv");
        Path runsCsv = dir.resolve("runs.csv");
        Set<Integer> done = new HashSet<>();
        if (resume && Files.exists(dir.resolve(MANIFEST))) {
            JsonNode m = JSON.readTree(dir.resolve(MANIFEST).toFile());
            if (!hash(spec).equals(m.path("sweep_sha256").asText())
                    || !m.path("shard").asText().equals(shardK + "/" + shardN)) {
                throw new IllegalArgumentException(dir + " holds another sweep or shard (manifest " + m.path("shard").asText()
                        + ", sweep " + abbreviate(m.path("sweep_sha256").asText()) + "); resume with the same file"
                        + " and --shard, or use a new --out");
            }
            done.addAll(recover(pointsCsv, runsCsv));
        } else {
            Files.createDirectories(dir);
            manifest(dir, spec, points.size(), shardK, shardN, mine.size(), false, 0);
            Files.writeString(pointsCsv, pointsHeader(spec), StandardCharsets.UTF_8);
            Files.writeString(runsCsv, runsHeader(spec), StandardCharsets.UTF_8);
        }
        List<Integer> todo = mine.stream().filter(i -> !done.contains(i)).toList();
        boolean[] integer = integerParameters(spec);
        int ran = 0;
        try (Writer pw = Files.newBufferedWriter(pointsCsv, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Writer rw = Files.newBufferedWriter(runsCsv, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sweep-point");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                Object lock = new Object();
                for (int i : todo) {
                    futures.add(pool.submit(() -> {
                        String[] rows = runPoint(spec, i, points.get(i), integer);
                        synchronized (lock) {
                            rw.write(rows[1]);
                            rw.flush();
                            pw.write(rows[0]);
                            pw.flush();
                        }
                        if (progress != null) {
                            progress.accept(i);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                    ran++;
                }
            } finally {
                pool.shutdownNow();
            }
        }
        sortByPoint(pointsCsv, 1);
        sortByPoint(runsCsv, 2);
        int failed = countFailed(pointsCsv);
        manifest(dir, spec, points.size(), shardK, shardN, mine.size(), true, failed);
        return new Outcome(mine.size(), failed, ran, (System.nanoTime() - start) / 1e9);
    }

    /** One point: its points.csv row and its runs.csv rows. */
    static String[] runPoint(SweepSpec spec, int index, double[] x, boolean[] integer) {
        List<String> sets = new ArrayList<>();
        sets.add("run.families=" + spec.families());
        for (int k = 0; k < x.length; k++) {
            sets.add(spec.parameters().get(k).path() + "=" + value(x[k], integer[k]));
        }
        StringBuilder params = new StringBuilder();
        for (int k = 0; k < x.length; k++) {
            params.append(',').append(integer[k] ? Long.toString(Math.round(x[k])) : Csv.num(x[k]));
        }
        StringBuilder point = new StringBuilder().append(index).append(params);
        StringBuilder runs = new StringBuilder();
        try {
            Scenario s = ScenarioLoader.load(spec.base(), sets);
            ExperimentResult r = Experiment.run(s.model(), spec.seed(), spec.replications(), 1, false);
            List<Metric> ms = spec.metrics().stream().map(Metric::byKey).toList();
            java.util.Map<Metric, MetricSummary> summaries = r.summaries();
            for (Metric m : ms) {
                MetricSummary v = summaries.get(m);
                point.append(',').append(Csv.num(v.mean())).append(',').append(Csv.num(v.sd())).append(',')
                        .append(Csv.num(v.lower())).append(',').append(Csv.num(v.upper())).append(',').append(v.n());
            }
            point.append(",\n");
            for (int rep = 0; rep < r.replications(); rep++) {
                runs.append(index).append(',').append(rep).append(params);
                for (Metric m : ms) {
                    runs.append(',').append(Csv.num(r.values(m)[rep]));
                }
                runs.append('\n');
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            // The model refuses this combination: record the error, keep sweeping.
            point.append(",".repeat(5 * spec.metrics().size())).append(',')
                    .append(Csv.text(e.getMessage().replace('\n', ';'))).append('\n');
        } catch (Exception e) {
            throw new IllegalStateException("point " + index, e);
        }
        return new String[] {point.toString(), runs.toString()};
    }

    static String value(double v, boolean integer) {
        return integer ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.10g", v);
    }

    /** Which parameters are whole numbers in the base scenario (their values are rounded). */
    static boolean[] integerParameters(SweepSpec spec) throws ScenarioException {
        JsonNode tree = ScenarioLoader.toTree(ScenarioLoader.load(spec.base()));
        boolean[] out = new boolean[spec.parameters().size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode n = ScenarioLoader.valueAt(tree, spec.parameters().get(k).path());
            out[k] = n != null && n.isIntegralNumber();
        }
        return out;
    }

    static String pointsHeader(SweepSpec spec) {
        StringBuilder sb = new StringBuilder("point");
        spec.parameters().forEach(p -> sb.append(',').append(p.path()));
        for (String m : spec.metrics()) {
            sb.append(',').append(m).append("_mean,").append(m).append("_sd,").append(m).append("_ci95_low,")
                    .append(m).append("_ci95_high,").append(m).append("_n");
        }
        return sb.append(",error\n").toString();
    }

    static String runsHeader(SweepSpec spec) {
        StringBuilder sb = new StringBuilder("point,replication");
        spec.parameters().forEach(p -> sb.append(',').append(p.path()));
        spec.metrics().forEach(m -> sb.append(',').append(m));
        return sb.append('\n').toString();
    }

    /** After a crash: keep complete point rows and the runs of those points only; returns the done points. */
    static Set<Integer> recover(Path pointsCsv, Path runsCsv) throws IOException {
        String p = Files.readString(pointsCsv, StandardCharsets.UTF_8);
        String complete = p.substring(0, p.lastIndexOf('\n') + 1);
        Set<Integer> done = new HashSet<>();
        List<String> lines = complete.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            done.add(Integer.parseInt(lines.get(i).substring(0, lines.get(i).indexOf(','))));
        }
        replace(pointsCsv, complete);
        String r = Files.readString(runsCsv, StandardCharsets.UTF_8);
        List<String> runLines = r.substring(0, r.lastIndexOf('\n') + 1).lines().toList();
        StringBuilder kept = new StringBuilder(runLines.get(0)).append('\n');
        for (int i = 1; i < runLines.size(); i++) {
            String l = runLines.get(i);
            if (done.contains(Integer.parseInt(l.substring(0, l.indexOf(','))))) {
                kept.append(l).append('\n');
            }
        }
        replace(runsCsv, kept.toString());
        return done;
    }

    /** Sorts the rows (after the header) by their first {@code keys} integer columns. */
    static void sortByPoint(Path csv, int keys) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        String header = lines.remove(0);
        Comparator<String> byKeys = Comparator.comparingLong(l -> key(l, 0));
        if (keys > 1) {
            byKeys = byKeys.thenComparingLong(l -> key(l, 1));
        }
        lines.sort(byKeys);
        StringBuilder sb = new StringBuilder(header).append('\n');
        lines.forEach(l -> sb.append(l).append('\n'));
        replace(csv, sb.toString());
    }

    private static long key(String line, int field) {
        String[] f = line.split(",", field + 2);
        return Long.parseLong(f[field]);
    }

    /** The first 12 characters of a sweep hash, for messages. */
    public static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    static int countFailed(Path pointsCsv) throws IOException {
        int failed = 0;
        List<String> lines = Files.readAllLines(pointsCsv, StandardCharsets.UTF_8);
        for (String l : lines.subList(1, lines.size())) {
            if (!l.endsWith(",")) {
                failed++;
            }
        }
        return failed;
    }

    static void replace(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void manifest(Path dir, SweepSpec spec, int total, int k, int n, int shardPoints, boolean complete,
            int failed) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("sweep_sha256", hash(spec));
        m.put("seed", spec.seed());
        m.put("design", spec.design().name().toLowerCase(Locale.ROOT));
        m.put("points_total", total);
        m.put("shard", k + "/" + n);
        m.put("shard_points", shardPoints);
        m.put("complete", complete);
        m.put("failed_points", failed);
        m.set("sweep", JSON.valueToTree(spec));
        replace(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n");
    }
}
