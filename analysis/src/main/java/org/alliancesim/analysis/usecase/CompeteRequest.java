package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.HypothesesSpec;
import org.alliancesim.scenario.HypothesesSpecs;
import org.alliancesim.scenario.ScenarioException;

/**
 * Competing hypotheses to fit and rank (docs/hypotheses.md): all variants, or one shard of them.
 *
 * <p>From JShell: {@code CompeteUseCase.execute(CompeteRequest.of(Path.of("hypotheses.yaml"))
 * .withOutput(Output.to(Path.of("results/compete")))).ranking()}.
 *
 * @param hypotheses the hypotheses file, loaded and checked against its base
 * @param source what the file is called in outputs (its path)
 * @param shard which variants to run: variant i (from 0) belongs to shard (i mod N) + 1
 * @param threads worker threads, at least 1; results do not depend on it
 * @param output the results folder (a shard folder for a shard other than 1/1), or null to write none
 * @param progress told as each variant finishes: variants done, the shard's variants, and the variant
 * @param arguments the invocation's arguments, recorded in the provenance (empty for a library call)
 */
public record CompeteRequest(HypothesesSpec hypotheses, String source, SweepRequest.Shard shard, int threads,
        Output output, Progress progress, List<String> arguments) {

    /**
     * Validates the request.
     *
     * @throws ParameterException for missing hypotheses or threads below 1
     */
    public CompeteRequest {
        Requests.given("hypotheses", hypotheses);
        source = source == null ? "hypotheses" : source;
        shard = shard == null ? SweepRequest.Shard.ALL : shard;
        Requests.threads(threads);
        progress = Requests.progress(progress);
        arguments = Requests.arguments(arguments);
    }

    /**
     * The hypotheses file {@code file}: every variant, on every core, no files.
     *
     * @throws ScenarioException listing the file's problems, located
     */
    public static CompeteRequest of(Path file) throws ScenarioException {
        return new CompeteRequest(HypothesesSpecs.load(file), file.toString(), SweepRequest.Shard.ALL,
                Requests.ALL_CORES, null, null, null);
    }

    /** The hypotheses {@code spec}, called {@code source} in outputs: every variant, on every core, no files. */
    public static CompeteRequest of(HypothesesSpec spec, String source) {
        return new CompeteRequest(spec, source, SweepRequest.Shard.ALL, Requests.ALL_CORES, null, null, null);
    }

    public CompeteRequest withShard(SweepRequest.Shard part) {
        return new CompeteRequest(hypotheses, source, part, threads, output, progress, arguments);
    }

    public CompeteRequest withThreads(int n) {
        return new CompeteRequest(hypotheses, source, shard, n, output, progress, arguments);
    }

    public CompeteRequest withOutput(Output folder) {
        return new CompeteRequest(hypotheses, source, shard, threads, folder, progress, arguments);
    }

    public CompeteRequest withProgress(Progress callback) {
        return new CompeteRequest(hypotheses, source, shard, threads, output, callback, arguments);
    }

    public CompeteRequest withArguments(List<String> invocation) {
        return new CompeteRequest(hypotheses, source, shard, threads, output, progress, invocation);
    }
}
