package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;

/**
 * A calibration: fit the targets' parameters to their statistics, then check the fit on a fresh seed.
 *
 * <p>From JShell: {@code CalibrateUseCase.execute(CalibrateRequest.of(targets, "literature",
 * ScenarioLoader.load(targets.base())).withMaxEvaluations(5))}.
 *
 * @param targets the targets, the parameters to fit with their bounds, and the budget
 *     ({@code targets.base()} is the name fitted.yaml extends)
 * @param targetsName what the targets are called in outputs (the file or built-in name)
 * @param base the base scenario, resolved, with any edits that move the start (its run.families is
 *     replaced by the targets' family count)
 * @param startEdits how {@code base} was edited, as the user wrote it (the --set values), recorded
 *     in fitted.yaml; empty when it was not
 * @param checkReplications replications of the check run behind the fit table, at least 2
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told after each evaluation ({@code total} = the budget; note: the best distance)
 */
public record CalibrateRequest(CalibrationSpec targets, String targetsName, Scenario base, List<String> startEdits,
        int checkReplications, Execution execution) implements Executed<CalibrateRequest> {

    /** Replications of the check run unless a request says otherwise. */
    public static final int CHECK_REPLICATIONS = 20;

    /**
     * Validates the request (the parameters' paths are checked against the base when it runs).
     *
     * @throws ParameterException for a missing part, fewer than 2 check replications, threads below 1
     */
    public CalibrateRequest {
        Requests.given("targets", targets);
        Requests.given("targetsName", targetsName);
        Requests.given("base", base);
        startEdits = Requests.arguments(startEdits);
        if (checkReplications < 2) {
            throw new ParameterException("checkReplications", String.valueOf(checkReplications), "at least 2");
        }
        execution = execution == null ? Execution.DEFAULT : execution;
    }

    /** The targets fitted on {@code base}, checked with 20 replications, on every core, no files. */
    public static CalibrateRequest of(CalibrationSpec targets, String targetsName, Scenario base) {
        return new CalibrateRequest(targets, targetsName, base, List.of(), CHECK_REPLICATIONS, Execution.DEFAULT);
    }

    /** A copy whose fitted.yaml extends {@code name} (give the scenario it names as {@link #base()}). */
    public CalibrateRequest withBaseName(String name) {
        CalibrationSpec t = targets;
        return withTargets(new CalibrationSpec(name, t.targets(), t.parameters(), t.anchors(), t.replications(),
                t.families(), t.seed(), t.maxEvaluations()));
    }

    /**
     * A copy with another evaluation budget.
     *
     * @throws ParameterException unless {@code n} is from 1 to 100,000
     */
    public CalibrateRequest withMaxEvaluations(int n) {
        CalibrationSpec t = targets;
        return withTargets(new CalibrationSpec(t.base(), t.targets(), t.parameters(), t.anchors(), t.replications(),
                t.families(), t.seed(), n));
    }

    public CalibrateRequest withTargets(CalibrationSpec spec) {
        return new CalibrateRequest(spec, targetsName, base, startEdits, checkReplications, execution);
    }

    /** A copy recording that {@link #base()} differs from the targets' base by {@code edits} (as text, for fitted.yaml). */
    public CalibrateRequest withStartEdits(List<String> edits) {
        return new CalibrateRequest(targets, targetsName, base, edits, checkReplications, execution);
    }

    public CalibrateRequest withCheckReplications(int n) {
        return new CalibrateRequest(targets, targetsName, base, startEdits, n, execution);
    }

    @Override
    public CalibrateRequest withExecution(Execution how) {
        return new CalibrateRequest(targets, targetsName, base, startEdits, checkReplications, how);
    }
}
