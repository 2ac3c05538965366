package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.compete.Competition;
import org.alliancesim.analysis.compete.Ranking;
import org.alliancesim.analysis.compete.VariantScore;
import org.alliancesim.analysis.report.CompeteReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.sweep.SweepIdentity;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.HypothesesSpec;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * Fits competing variants of one base scenario to the calibration set with the same budget on common
 * random numbers, scores each on the validation set on a fresh seed, and ranks them
 * ({@link Competition}, {@link Ranking}; docs/hypotheses.md). Variants run in parallel; the results
 * do not depend on the thread count or on how the variants are split into shards.
 */
public final class CompeteUseCase {

    private CompeteUseCase() {}

    /**
     * Runs the request. Before anything runs: the calibration and validation sets load, every variant's
     * edits and ranges are accepted by the model, and the output folder can take results.
     *
     * @throws ScenarioException for a calibration or validation set, or a variant, the model refuses
     *     (located); nothing written
     * @throws BadRequestException for an output folder that cannot take results; nothing written
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    public static CompeteResult execute(CompeteRequest request) throws IOException, ScenarioException {
        Instant started = Instant.now();
        HypothesesSpec spec = request.hypotheses();
        Competition competition = Competition.of(spec, Calibration.targets(spec.targets()),
                ValidationSet.spec(spec.validation()));
        Output output = request.output();
        List<String> files = new ArrayList<>(CompeteReport.FILES);
        files.add(CompeteReport.SHARD);
        files.addAll(CompeteReport.variantFiles(spec));
        try (ResultsFolder folder = output == null ? null : output.open(files)) {
            // The base's content, as a sweep's identity hashes it: a merge refuses shards of an edited base.
            String baseSha256 = SweepIdentity.contentSha256(ScenarioLoader.load(spec.base()));
            return compete(request, competition, folder, started, baseSha256);
        }
    }

    private static CompeteResult compete(CompeteRequest request, Competition competition, ResultsFolder folder,
            Instant started, String baseSha256) throws IOException {
        HypothesesSpec spec = request.hypotheses();
        Output output = request.output();
        SweepRequest.Shard shard = request.shard();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < competition.size(); i++) {
            if (i % shard.n() == shard.k() - 1) {
                mine.add(i);
            }
        }
        long t0 = System.nanoTime();
        List<Competition.VariantRun> runs = runAll(competition, mine, request);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<VariantScore> scores = runs.stream().map(Competition.VariantRun::score).toList();
        List<Ranking.Place> ranking = Ranking.of(scores);
        if (folder != null) {
            for (Competition.VariantRun run : runs) {
                CompeteReport.writeVariant(folder, run);
            }
            if (shard.n() == 1) {
                CompeteReport.writeRanking(folder, spec, request.source(), scores,
                        Provenance.of(request.arguments(), started));
            } else {
                CompeteReport.writeShard(folder, spec, baseSha256, request.source(), shard.k(), shard.n(), mine,
                        scores);
            }
            folder.commit();
        }
        return new CompeteResult(runs, ranking, shard, output == null ? null : output.dir(), seconds);
    }

    /**
     * The shard's variants, run on a pool: as many variants at once as there are threads (at most the
     * variants), each variant's replications on its share of the threads. Results are collected in
     * variant order, so they do not depend on which finishes first.
     */
    private static List<Competition.VariantRun> runAll(Competition c, List<Integer> variants, CompeteRequest r)
            throws IOException {
        int workers = Math.max(1, Math.min(r.threads(), variants.size()));
        int inner = Math.max(1, r.threads() / workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "variant");
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        int[] done = {0};
        try {
            List<Future<Competition.VariantRun>> futures = new ArrayList<>();
            for (int i : variants) {
                futures.add(pool.submit(() -> {
                    Competition.VariantRun run = c.run(i, inner, null);
                    synchronized (lock) {
                        done[0]++;
                        r.progress().update(done[0], variants.size(), run.score().name() + ": "
                                + run.score().patternsMet() + "/" + run.score().patterns() + " patterns");
                    }
                    return run;
                }));
            }
            List<Competition.VariantRun> out = new ArrayList<>();
            for (Future<Competition.VariantRun> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Requests.run(() -> {
                throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether {@code dir} is a folder written by {@code compete --shard}. */
    static boolean isShard(Path dir) {
        return Files.isRegularFile(dir.resolve(CompeteReport.SHARD));
    }

    /**
     * Combines compete shard folders into what one process writes: reads and checks them first
     * ({@link CompeteShards}: one competition, each shard once, none missing, every score and file
     * one compete could have written); then copies the variants' files and writes the ranking,
     * chart, summary.json and report.html.
     *
     * @throws BadRequestException naming the shard and what is wrong; nothing written
     * @throws IOException when a file cannot be read or written
     */
    static MergeResult merge(MergeRequest r) throws IOException {
        Instant started = Instant.now();
        CompeteShards shards = CompeteShards.read(r.shards());
        HypothesesSpec spec = shards.spec();
        List<String> files = new ArrayList<>(CompeteReport.FILES);
        files.addAll(CompeteReport.variantFiles(spec));
        try (ResultsFolder folder = r.output().open(files)) {
            for (Map.Entry<String, byte[]> f : shards.files().entrySet()) {
                folder.write(f.getKey(), f.getValue());
            }
            CompeteReport.writeRanking(folder, spec, shards.source(), shards.scores(),
                    Provenance.of(r.arguments(), started));
            folder.commit();
        }
        return new MergeResult(r.output().dir(), r.shards().size(), 0);
    }
}
