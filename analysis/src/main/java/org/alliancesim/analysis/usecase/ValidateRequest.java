package org.alliancesim.analysis.usecase;

import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ValidationSpec;

/**
 * A scenario to hold against calibration targets: how far it reproduces what is known.
 *
 * <p>From JShell: {@code ValidateUseCase.execute(ValidateRequest.of(Calibration.targets("literature"),
 * "literature", scenario).withReplications(10)).inRange()}.
 *
 * @param targets the targets (statistics with published ranges) and anchors of the retention curve
 * @param targetsName what the targets are called in outputs (the file or built-in name)
 * @param validation the validation set (never fitted), reported apart from the targets
 * @param scenario the resolved scenario, with its seed and replications (2 to 100,000)
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told after each replication
 * @param posterior a posterior to carry into the validation set (validate --posterior), or null
 * @param draws posterior predictive draws M, 1 to {@link PosteriorPredictive#MAX_DRAWS} (unused without a posterior)
 */
public record ValidateRequest(CalibrationSpec targets, String targetsName, ValidationSpec validation,
        Scenario scenario, Execution execution, Posterior posterior, int draws) implements Executed<ValidateRequest> {

    /**
     * Validates the request.
     *
     * @throws ParameterException for a missing part, fewer than 2 replications (an interval needs 2),
     *     or threads below 1
     */
    public ValidateRequest {
        Requests.given("targets", targets);
        Requests.given("targetsName", targetsName);
        Requests.given("validation", validation);
        Requests.given("scenario", scenario);
        if (scenario.replications() < 2) {
            throw new ParameterException("replications", String.valueOf(scenario.replications()),
                    "from 2 to 100000 (an interval needs 2)");
        }
        execution = execution == null ? Execution.DEFAULT : execution;
        if (draws < 1 || draws > PosteriorPredictive.MAX_DRAWS) {
            throw new ParameterException("draws", String.valueOf(draws), "from 1 to " + PosteriorPredictive.MAX_DRAWS);
        }
    }

    /** A request without a posterior. */
    public ValidateRequest(CalibrationSpec targets, String targetsName, ValidationSpec validation, Scenario scenario,
            Execution execution) {
        this(targets, targetsName, validation, scenario, execution, null,
                PosteriorPredictive.DEFAULT_DRAWS);
    }

    /**
     * The seed validate runs on unless told otherwise. The fit of a targets file uses the file's seed
     * (literature.yaml: 20261125) and its check run that seed + 1 (20261126); this one shares no
     * replication with either (docs/calibration.md, "Seeds").
     */
    public static final long SEED = 7_300_417L;

    /**
     * The scenario with its replications, on {@link #SEED}, against the targets and the built-in
     * validation set, on every core, no files.
     */
    public static ValidateRequest of(CalibrationSpec targets, String targetsName, Scenario scenario) {
        ValidationSpec builtin;
        try {
            builtin = ValidationSet.spec("validation");
        } catch (ScenarioException e) {
            throw new IllegalStateException("the built-in validation set does not load", e);
        }
        return new ValidateRequest(targets, targetsName, builtin, scenario.withSeed(SEED), Execution.DEFAULT);
    }

    /** A copy holding the scenario against another validation set. */
    public ValidateRequest withValidation(ValidationSpec set) {
        return new ValidateRequest(targets, targetsName, set, scenario, execution, posterior, draws);
    }

    /** A copy running {@code n} replications (2 to 100,000). */
    public ValidateRequest withReplications(int n) {
        return new ValidateRequest(targets, targetsName, validation, scenario.withReplications(n), execution, posterior, draws);
    }

    /** A copy on master seed {@code seed}. */
    public ValidateRequest withSeed(long seed) {
        return new ValidateRequest(targets, targetsName, validation, scenario.withSeed(seed), execution, posterior, draws);
    }

    /**
     * A copy that also carries {@code p}'s parameter uncertainty into the validation set: each
     * pattern's posterior predictive distribution ({@link PosteriorPredictive#validate}); null for none.
     */
    public ValidateRequest withPosterior(Posterior p) {
        return new ValidateRequest(targets, targetsName, validation, scenario, execution, p,
                draws);
    }

    /** A copy drawing {@code m} particles for the posterior predictive distributions (1 to 10,000). */
    public ValidateRequest withDraws(int m) {
        return new ValidateRequest(targets, targetsName, validation, scenario, execution,
                posterior, m);
    }

    @Override
    public ValidateRequest withExecution(Execution how) {
        return new ValidateRequest(targets, targetsName, validation, scenario, how, posterior, draws);
    }
}
