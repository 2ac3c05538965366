package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
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
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told as each variant finishes: variants done, the shard's variants, and the variant
 * @param modelChoice with {@code --method abc-smc}: how the model probabilities (or the planted power) are
 *     computed; null for the ranking alone
 */
public record CompeteRequest(HypothesesSpec hypotheses, String source, SweepRequest.Shard shard, Execution execution,
        CompeteModelChoice modelChoice) implements Executed<CompeteRequest> {

    /**
     * Validates the request.
     *
     * @throws ParameterException for missing hypotheses or threads below 1
     */
    public CompeteRequest {
        Requests.given("hypotheses", hypotheses);
        source = source == null ? "hypotheses" : source;
        shard = shard == null ? SweepRequest.Shard.ALL : shard;
        execution = execution == null ? Execution.DEFAULT : execution;
    }

    /**
     * The hypotheses file {@code file}: every variant, on every core, no files.
     *
     * @throws ScenarioException listing the file's problems, located
     */
    public static CompeteRequest of(Path file) throws ScenarioException {
        return new CompeteRequest(HypothesesSpecs.load(file), file.toString(), SweepRequest.Shard.ALL,
                Execution.DEFAULT, null);
    }

    /** The hypotheses {@code spec}, called {@code source} in outputs: every variant, on every core, no files. */
    public static CompeteRequest of(HypothesesSpec spec, String source) {
        return new CompeteRequest(spec, source, SweepRequest.Shard.ALL, Execution.DEFAULT, null);
    }

    public CompeteRequest withShard(SweepRequest.Shard part) {
        return new CompeteRequest(hypotheses, source, part, execution, modelChoice);
    }

    @Override
    public CompeteRequest withExecution(Execution how) {
        return new CompeteRequest(hypotheses, source, shard, how, modelChoice);
    }

    /** A copy computing the variants' model probabilities by ABC-SMC ({@code how}), or not (null). */
    public CompeteRequest withModelChoice(CompeteModelChoice how) {
        return new CompeteRequest(hypotheses, source, shard, execution, how);
    }
}
