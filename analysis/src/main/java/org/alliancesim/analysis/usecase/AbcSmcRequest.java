package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;

/**
 * A Bayesian calibration by ABC-SMC ({@code calibrate --method abc-smc}): the posterior of the
 * targets' parameters under their priors (docs/calibration.md).
 *
 * <p>From JShell: {@code AbcSmcUseCase.execute(AbcSmcRequest.of(targets, "literature",
 * ScenarioLoader.load(targets.base())).withPopulation(200))}.
 *
 * @param targets the targets (observed: each target's {@code target}), the parameters with their
 *     bounds and priors, replications and families per simulation, and the seed keying every stream
 * @param targetsName what the targets are called in outputs (the file or built-in name)
 * @param base the base scenario, resolved (its run.families is replaced by the targets' family count)
 * @param startEdits how {@code base} was edited (the --set values), recorded in fitted.yaml
 * @param population particles N, at least 2 x the number of parameters
 * @param maxSimulations simulation budget, at least the population
 * @param minAcceptanceRate stop after a generation accepting fewer of its simulations, in [0, 1)
 * @param finalTolerance stop after a generation whose tolerance is at most this, >= 0
 * @param alpha quantile of the previous distances that becomes the next tolerance, in (0, 1)
 * @param maxGenerations most generations, counting generation 0
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told after each round of attempts (done = accepted particles of the generation)
 * @param resume continue from the checkpoint in {@code output} (which must be given)
 */
public record AbcSmcRequest(CalibrationSpec targets, String targetsName, Scenario base, List<String> startEdits,
        int population, long maxSimulations, double minAcceptanceRate, double finalTolerance, double alpha,
        int maxGenerations, boolean resume, Execution execution) implements Executed<AbcSmcRequest> {

    /** Particles unless a request says otherwise. */
    public static final int POPULATION = 1000;
    /** Simulation budget unless a request says otherwise. */
    public static final long MAX_SIMULATIONS = 100_000;
    /** Minimum acceptance rate unless a request says otherwise. */
    public static final double MIN_ACCEPTANCE = 0.02;

    /**
     * Validates the request.
     *
     * @throws BadRequestException for a missing part or a setting out of range (the message says
     *     which and what is allowed)
     */
    public AbcSmcRequest {
        Requests.given("targets", targets);
        Requests.given("targetsName", targetsName);
        Requests.given("base", base);
        startEdits = Requests.arguments(startEdits);
        execution = execution == null ? Execution.DEFAULT : execution;
        int d = targets.parameters().size();
        if (population < Math.max(4, 2 * d)) {
            throw new BadRequestException("--population " + population + ": must be at least 2 x the " + d
                    + " parameters of " + targetsName + " (and at least 4), so at least " + Math.max(4, 2 * d));
        }
        if (resume && execution.output() == null) {
            throw new BadRequestException("--resume needs the results folder (--out) whose checkpoint to continue");
        }
        try {
            new AbcSmc.Settings(population, alpha, minAcceptanceRate, finalTolerance, maxSimulations, maxGenerations,
                    true, targets.seed(), execution.threads());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** 1000 particles, a budget of 100,000 simulations, on every core, no files. */
    public static AbcSmcRequest of(CalibrationSpec targets, String targetsName, Scenario base) {
        return new AbcSmcRequest(targets, targetsName, base, List.of(), POPULATION, MAX_SIMULATIONS, MIN_ACCEPTANCE, 0,
                0.5, 50, false, Execution.DEFAULT);
    }

    /** The algorithm's settings; the seed is the targets' seed. */
    public AbcSmc.Settings settings() {
        return new AbcSmc.Settings(population, alpha, minAcceptanceRate, finalTolerance, maxSimulations, maxGenerations,
                true, targets.seed(), threads());
    }

    public AbcSmcRequest withTargets(CalibrationSpec spec) {
        return new AbcSmcRequest(spec, targetsName, base, startEdits, population, maxSimulations, minAcceptanceRate,
                finalTolerance, alpha, maxGenerations, resume, execution);
    }

    /** A copy whose fitted.yaml extends {@code name} (give the scenario it names as {@link #base()}). */
    public AbcSmcRequest withBaseName(String name) {
        CalibrationSpec t = targets;
        return withTargets(new CalibrationSpec(name, t.targets(), t.parameters(), t.anchors(), t.replications(),
                t.families(), t.seed(), t.maxEvaluations()));
    }

    /** A copy simulating {@code replications} x {@code families} per particle instead of the targets file's. */
    public AbcSmcRequest withSimulationSize(int replications, int families) {
        CalibrationSpec t = targets;
        return withTargets(new CalibrationSpec(t.base(), t.targets(), t.parameters(), t.anchors(), replications,
                families, t.seed(), t.maxEvaluations()));
    }

    public AbcSmcRequest withStartEdits(List<String> edits) {
        return new AbcSmcRequest(targets, targetsName, base, edits, population, maxSimulations, minAcceptanceRate,
                finalTolerance, alpha, maxGenerations, resume, execution);
    }

    public AbcSmcRequest withPopulation(int n) {
        return new AbcSmcRequest(targets, targetsName, base, startEdits, n, maxSimulations, minAcceptanceRate,
                finalTolerance, alpha, maxGenerations, resume, execution);
    }

    /** A copy with other stopping rules: budget, minimum acceptance rate, final tolerance, most generations. */
    public AbcSmcRequest withStopping(long simulations, double acceptance, double tolerance, int generations) {
        return new AbcSmcRequest(targets, targetsName, base, startEdits, population, simulations, acceptance,
                tolerance, alpha, generations, resume, execution);
    }

    public AbcSmcRequest withResume(boolean r) {
        return new AbcSmcRequest(targets, targetsName, base, startEdits, population, maxSimulations, minAcceptanceRate,
                finalTolerance, alpha, maxGenerations, r, execution);
    }

    @Override
    public AbcSmcRequest withExecution(Execution how) {
        return new AbcSmcRequest(targets, targetsName, base, startEdits, population, maxSimulations, minAcceptanceRate,
                finalTolerance, alpha, maxGenerations, resume, how);
    }
}
