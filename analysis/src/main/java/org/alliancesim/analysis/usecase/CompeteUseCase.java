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
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.compete.Competition;
import org.alliancesim.analysis.compete.Evidence;
import org.alliancesim.analysis.compete.ModelProbabilities;
import org.alliancesim.analysis.compete.PlantedPower;
import org.alliancesim.analysis.compete.Ranking;
import org.alliancesim.analysis.compete.VariantScore;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.analysis.report.CompeteReport;
import org.alliancesim.analysis.report.ModelChoiceReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.sweep.SweepIdentity;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.CalibrationSpec;
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
     * What a competition found.
     *
     * @param runs the variants run (all, or the shard's), in the file's order: fit, fitted scenario,
     *     validation run and rows
     * @param ranking the variants run, ranked ({@link Ranking}); for a shard, among its own variants only
     *     (the merge ranks them all)
     * @param shard which variants ran
     * @param folder the results folder written, or null when none was asked for
     * @param seconds wall-clock time of the runs
     * @param probabilities the variants' model probabilities (--method abc-smc), or null
     * @param planted the planted power study (--planted), or null (then runs and ranking are empty)
     */
    public record Result(List<Competition.VariantRun> runs, List<Ranking.Place> ranking, SweepRequest.Shard shard,
            Path folder, double seconds, ModelProbabilities.Outcome probabilities, PlantedPower.Outcome planted) {

        /** Copies the lists. */
        public Result {
            runs = List.copyOf(runs);
            ranking = List.copyOf(ranking);
        }

        /** A ranking without model probabilities. */
        public Result(List<Competition.VariantRun> runs, List<Ranking.Place> ranking, SweepRequest.Shard shard,
                Path folder, double seconds) {
            this(runs, ranking, shard, folder, seconds, null, null);
        }
    }

    /**
     * Runs the request. Before anything runs: the calibration and validation sets load, every variant's
     * edits and ranges are accepted by the model, and the output folder can take results.
     *
     * @throws ScenarioException for a calibration or validation set, or a variant, the model refuses
     *     (located); nothing written
     * @throws BadRequestException for an output folder that cannot take results; nothing written
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    public static Result execute(CompeteRequest request) throws IOException, ScenarioException {
        Instant started = Instant.now();
        HypothesesSpec spec = request.hypotheses();
        Competition competition = Competition.of(spec, Calibration.targets(spec.targets()),
                ValidationSet.spec(spec.validation()));
        Output output = request.output();
        CompeteModelChoice choice = request.modelChoice();
        int planted = choice == null ? -1 : checkModelChoice(request, choice);
        List<String> files = new ArrayList<>();
        if (planted >= 0) {
            files.addAll(ModelChoiceReport.PLANTED_FILES);
        } else {
            files.addAll(CompeteReport.FILES);
            files.add(CompeteReport.SHARD);
            files.addAll(CompeteReport.variantFiles(spec));
            if (choice != null) {
                files.addAll(ModelChoiceReport.FILES);
                files.addAll(ModelChoiceReport.variantFiles(spec));
            }
        }
        try (ResultsFolder folder = output == null ? null : output.open(files)) {
            if (planted >= 0) {
                return planted(request, competition, planted, folder, started);
            }
            // The base's content, as a sweep's identity hashes it: a merge refuses shards of an edited base.
            String baseSha256 = SweepIdentity.contentSha256(ScenarioLoader.load(spec.base()));
            return compete(request, competition, folder, started, baseSha256);
        }
    }

    private static Result compete(CompeteRequest request, Competition competition, ResultsFolder folder,
            Instant started, String baseSha256) throws IOException, ScenarioException {
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
        double seconds;
        List<VariantScore> scores = runs.stream().map(Competition.VariantRun::score).toList();
        List<Ranking.Place> ranking = Ranking.of(scores);
        CompeteModelChoice choice = request.modelChoice();
        ModelProbabilities.Outcome probabilities = null;
        List<PosteriorPredictive.Patterns> predictive = new ArrayList<>();
        ModelChoiceReport.Run how = null;
        if (choice != null) {
            DataEvidence data = choice.data();
            // With a study's own data the evidence is its summaries, each simulation one virtual study of its
            // design (DataEvidence.simulator); the variants' calibrations carry the data's summaries as targets.
            CalibrationSpec evidenceTargets = data == null ? competition.targets() : data.targets(competition.targets());
            int replications = data != null ? 1
                    : choice.replications() != null ? choice.replications() : spec.replications();
            int families = data != null ? evidenceTargets.families()
                    : choice.families() != null ? choice.families() : spec.families();
            List<Calibration> calibrations = calibrations(competition, evidenceTargets.targets(), replications,
                    families);
            Evidence evidence = data == null ? Evidence.targets(competition.targets())
                    : new Evidence(data.observed(), data::simulator);
            AbcSmc.Settings settings = choice.settings(spec.seed(), request.threads());
            how = new ModelChoiceReport.Run(settings, choice.repeats(), replications, families, choice.draws(),
                    choice.drawReplications(), data == null ? "the calibration set " + spec.targets()
                    : "the study data " + data.label() + " (" + evidenceTargets.families() + " families)");
            ModelProbabilities.Outcome o = Requests.run(() -> ModelProbabilities.run(names(spec), calibrations,
                    spec.priorProbabilities(), evidence, settings, choice.repeats(),
                    (g, accepted, n, sims) -> request.progress().update(accepted, n, "model selection, generation "
                            + g + ", " + sims + " simulations")));
            for (int i = 0; i < competition.size(); i++) {
                int v = i;
                predictive.add(Requests.run(() -> ModelProbabilities.predictive(competition, calibrations.get(v),
                        o.variants().get(v), choice.draws(), choice.drawReplications(), request.threads())));
            }
            probabilities = o;
        }
        seconds = (System.nanoTime() - t0) / 1e9;
        if (folder != null) {
            for (Competition.VariantRun run : runs) {
                CompeteReport.writeVariant(folder, run);
            }
            if (probabilities != null) {
                ModelChoiceReport.write(folder, probabilities, predictive);
            }
            if (shard.n() == 1) {
                CompeteReport.writeRanking(folder, spec, request.source(), scores,
                        Provenance.of(request.arguments(), started), probabilities, how);
            } else {
                CompeteReport.writeShard(folder, spec, baseSha256, request.source(), shard.k(), shard.n(), mine,
                        scores);
            }
            folder.commit();
        }
        return new Result(runs, ranking, shard, output == null ? null : output.dir(), seconds, probabilities,
                null);
    }

    /**
     * Checks what --method abc-smc needs of the request: one process (no shard), a prior over every
     * variant's parameters, and a planted variant that is one of them.
     *
     * @return the planted variant's index, or -1
     * @throws BadRequestException saying what is wrong; nothing written
     */
    private static int checkModelChoice(CompeteRequest request, CompeteModelChoice choice) {
        HypothesesSpec spec = request.hypotheses();
        if (request.shard().n() != 1) {
            throw new BadRequestException("--shard " + request.shard() + ": --method abc-smc selects among all variants"
                    + " at once (one joint population); run it in one process");
        }
        if (spec.variants().size() < 2) {
            throw new BadRequestException(request.source() + ": --method abc-smc needs at least 2 variants to choose"
                    + " among, the file has 1");
        }
        for (int i = 0; i < spec.variants().size(); i++) {
            HypothesesSpec.Variant v = spec.variants().get(i);
            if (v.fit().isEmpty()) {
                throw new BadRequestException(request.source() + ": variants[" + i + "] (" + v.name() + ") fits"
                        + " nothing; --method abc-smc needs each variant's parameters and their prior (fit:)");
            }
        }
        if (choice.planted() == null) {
            return -1;
        }
        List<String> names = names(spec);
        int planted = names.indexOf(choice.planted());
        if (planted < 0) {
            throw new BadRequestException("--planted " + choice.planted() + ": not a variant of " + request.source()
                    + "; allowed: " + String.join(", ", names));
        }
        return planted;
    }

    private static List<String> names(HypothesesSpec spec) {
        return spec.variants().stream().map(HypothesesSpec.Variant::name).toList();
    }

    private static List<Calibration> calibrations(Competition c, List<CalibrationSpec.Target> targets, int replications,
            int families) throws ScenarioException {
        List<Calibration> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.calibration(i, targets, replications, families));
        }
        return out;
    }

    /**
     * The planted power study: the planted variant fitted as compete fits it, then its data at each
     * size competed ({@link PlantedPower}); its files written.
     */
    private static Result planted(CompeteRequest request, Competition c, int planted, ResultsFolder folder,
            Instant started) throws IOException {
        HypothesesSpec spec = request.hypotheses();
        CompeteModelChoice choice = request.modelChoice();
        long t0 = System.nanoTime();
        double[] theta = Requests.run(() -> c.fit(planted, request.threads()));
        AbcSmc.Settings settings = choice.settings(spec.seed(), request.threads());
        int[] sizes = choice.sizes().stream().mapToInt(Integer::intValue).toArray();
        int total = sizes.length * choice.datasets();
        int[] done = {0};
        PlantedPower.Outcome o = Requests.run(() -> PlantedPower.run(c, planted, theta, sizes, choice.datasets(),
                settings, d -> request.progress().update(++done[0], total, d.size() + " families, dataset "
                        + (d.dataset() + 1) + ": " + spec.variants().get(d.winner()).name() + " highest")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (folder != null) {
            ModelChoiceReport.writePlanted(folder, spec, request.source(), o, settings,
                    Provenance.of(request.arguments(), started));
            folder.commit();
        }
        return new Result(List.of(), List.of(), request.shard(), request.output() == null ? null
                : request.output().dir(), seconds, null, o);
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
    static MergeUseCase.Result merge(MergeRequest r) throws IOException {
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
        return new MergeUseCase.Result(r.output().dir(), r.shards().size(), 0);
    }
}
