package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.Checkpoint;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.analysis.inference.PosteriorSummary;
import org.alliancesim.analysis.inference.Prior;
import org.alliancesim.analysis.report.AbcSmcReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * Bayesian calibration by ABC-SMC ({@link AbcSmc}) of the targets' parameters, each simulation on
 * the metrics-only path ({@link ModelSimulator}). With an output folder, the state after each
 * generation is checkpointed there ({@link Checkpoint#FILE}, atomically), so a run killed at any
 * point resumes ({@link AbcSmcRequest#resume()}) from its last finished generation and ends with
 * the same files as an uninterrupted run (wall times and provenance times aside); the checkpoint
 * is removed when the results are written (docs/calibration.md).
 */
public final class AbcSmcUseCase {

    private AbcSmcUseCase() {}

    /**
     * An ABC-SMC calibration's outcome.
     *
     * @param targets the targets as fitted (with the request's base name and simulation size)
     * @param targetsName the targets' name
     * @param state the last state: every generation, the final population, the simulations and why it stopped
     * @param summary the posterior summary per parameter (mean, sd, median, 95% interval, ESS)
     * @param fitted the base with each parameter at its posterior median
     * @param folder the results folder written, or null when none was asked for
     */
    public record Result(CalibrationSpec targets, String targetsName, AbcSmc.State state, PosteriorSummary summary,
            Scenario fitted, Path folder) {}

    /**
     * Runs the request.
     *
     * @throws ScenarioException for an unknown path, or bounds the model refuses
     * @throws BadRequestException for targets without parameters, an output folder that cannot take
     *     results, or a checkpoint that is missing, damaged or of another run
     * @throws IOException if writing fails (no result file is left half-written)
     */
    public static Result execute(AbcSmcRequest request) throws IOException, ScenarioException {
        return execute(request, null);
    }

    /**
     * Runs the request on a study's own data ({@code calibrate --data DIR --method abc-smc},
     * docs/fitting-your-data.md): the observed statistics are the data's summaries and each simulation
     * is one virtual study of the data's design ({@link DataEvidence#simulator}); the request's
     * targets are replaced by the summaries ({@link DataEvidence#targets}), its parameters, priors and
     * seed kept. With {@code data} null, as {@link #execute(AbcSmcRequest)}.
     *
     * @throws ScenarioException for an unknown path, or bounds the model refuses
     * @throws BadRequestException as {@link #execute(AbcSmcRequest)}
     * @throws IOException if writing fails (no result file is left half-written)
     */
    public static Result execute(AbcSmcRequest request, DataEvidence data) throws IOException, ScenarioException {
        Instant started = Instant.now();
        if (data != null) {
            AbcSmcRequest r = request;
            request = new AbcSmcRequest(data.targets(r.targets()), r.targetsName() + " given the study data "
                    + data.label(), r.base(), r.startEdits(), r.population(), r.maxSimulations(), r.minAcceptanceRate(),
                    r.finalTolerance(), r.alpha(), r.maxGenerations(), r.resume(), r.execution());
        }
        CalibrationSpec spec = request.targets();
        Parts parts = Parts.of(request, data);
        Calibration calibration = parts.calibration();
        Prior prior = parts.prior();
        AbcSmc abc = parts.abc();
        String identity = identity(request);
        // The folder is claimed before anything runs (links refused, locked against a second process);
        // a resumed run finds its own checkpoint in it, so it may be non-empty.
        Output output = request.output() == null ? null
                : new Output(request.output().dir(), request.output().force() || request.resume());
        try (ResultsFolder folder = output == null ? null : output.open(AbcSmcReport.FILES)) {
            return run(request, spec, calibration, prior, abc, identity, folder, started);
        }
    }

    private static Result run(AbcSmcRequest request, CalibrationSpec spec, Calibration calibration, Prior prior,
            AbcSmc abc, String identity, ResultsFolder folder, Instant started) throws IOException, ScenarioException {
        Path checkpoint = null;
        AbcSmc.State resume = null;
        if (folder != null) {
            checkpoint = request.output().dir().resolve(Checkpoint.FILE);
            if (request.resume()) {
                try {
                    resume = Checkpoint.read(checkpoint, identity);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException("--resume: " + e.getMessage());
                }
            }
        }
        Path cp = checkpoint;
        AbcSmc.State from = resume;
        AbcSmc.State state = Requests.run(() -> abc.run(from, new AbcSmc.Listener() {
            @Override
            public void round(int generation, int accepted, int populationSize, long simulations) {
                request.progress().update(accepted, populationSize, String.format(Locale.ROOT,
                        "generation %d, %d simulations", generation, simulations));
            }

            @Override
            public void generation(AbcSmc.State s) throws IOException {
                if (cp != null) {
                    Checkpoint.write(cp, identity, s);
                }
            }
        }));
        Result result = results(request, calibration, prior, state, folder, started);
        if (folder != null) {
            Files.deleteIfExists(cp);
        }
        return result;
    }

    /**
     * The result of the finished run {@code state}; with a folder, its files written and committed
     * there (the same files whether the generations ran here or as Slurm array jobs).
     */
    static Result results(AbcSmcRequest request, Calibration calibration, Prior prior, AbcSmc.State state,
            ResultsFolder folder, Instant started) throws IOException, ScenarioException {
        CalibrationSpec spec = request.targets();
        List<String> names = spec.parameters().stream().map(CalibrationSpec.Parameter::path).toList();
        PosteriorSummary summary = PosteriorSummary.of(state.population(), names);
        Scenario fitted = calibration.scenario(summary.medians());
        if (folder != null) {
            AbcSmcReport.write(folder, calibration, prior, request.targetsName(), request.base(), request.startEdits(),
                    request.settings(), state, summary, fitted, Provenance.of(request.arguments(), started));
            folder.commit();
        }
        return new Result(spec, request.targetsName(), state, summary, fitted,
                request.output() == null ? null : request.output().dir());
    }

    /** The calibration, prior and algorithm of {@code request}. */
    record Parts(Calibration calibration, Prior prior, AbcSmc abc) {
        static Parts of(AbcSmcRequest request) throws ScenarioException {
            return of(request, null);
        }

        /** With {@code data}, the data's summaries and virtual studies instead of the targets' (see above). */
        static Parts of(AbcSmcRequest request, DataEvidence data) throws ScenarioException {
            CalibrationSpec spec = request.targets();
            Calibration calibration = CalibrateUseCase.calibration(spec, request.base(), request.targetsName());
            Prior prior = Prior.of(spec);
            return new Parts(calibration, prior, AbcSmc.of(prior,
                    data == null ? ModelSimulator.observed(spec) : data.observed(),
                    data == null ? ModelSimulator.of(calibration) : data.simulator(calibration), request.settings()));
        }
    }

    /**
     * What makes two runs the same run: the targets, the base scenario and the settings (the thread
     * count aside), as a SHA-256 digest.
     */
    static String identity(AbcSmcRequest r) {
        String text = r.targets() + "\n" + ScenarioLoader.toYaml(r.base()) + "\n" + r.settings().withThreads(1);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
