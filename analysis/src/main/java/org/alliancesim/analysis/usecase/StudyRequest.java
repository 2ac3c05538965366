package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.StudySpec;
import org.alliancesim.scenario.StudySpecs;

/**
 * A virtual study of a scenario (docs/studies.md): one sample of the design's size, measured and
 * analysed as a paper would, and optionally the power of each effect by simulation over sample sizes.
 *
 * <p>From JShell: {@code StudyUseCase.execute(StudyRequest.of(ScenarioLoader.load("default"))
 * .withPower(List.of(40, 80), 50)).statistics()}.
 *
 * @param scenario the scenario whose families, therapists and {@code measurement:} section the study uses
 * @param design the design ({@link StudySpec#defaults()} when no file is given)
 * @param designSource what the design is called in outputs (its path, or "defaults")
 * @param sizes sample sizes of the power analysis, each {@link StudySpec#MIN_FAMILIES} to
 *     {@link #MAX_FAMILIES} and at most {@link StudySpec#MAX_CASELOAD} per therapist, no repeats, at
 *     most {@link #MAX_SIZES}; empty for no power analysis
 * @param replications samples per size in the power analysis, 1 to {@link #MAX_REPLICATIONS}
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told after each sample of the power analysis
 */
public record StudyRequest(Scenario scenario, StudySpec design, String designSource, List<Integer> sizes,
        int replications, Execution execution) implements Executed<StudyRequest> {

    /** Most samples per size. */
    public static final int MAX_REPLICATIONS = 100_000;
    /** Largest sample size. */
    public static final int MAX_FAMILIES = 100_000;
    /** Most sample sizes in one power analysis. */
    public static final int MAX_SIZES = 20;
    /** Samples per size when a power analysis is asked for without a count. */
    public static final int DEFAULT_REPLICATIONS = 100;

    /**
     * Validates the request.
     *
     * @throws ParameterException naming the field ({@code sizes}, {@code replications}, {@code threads})
     *     and what is allowed
     */
    public StudyRequest {
        Requests.given("scenario", scenario);
        design = design == null ? StudySpec.defaults() : design;
        designSource = designSource == null ? "defaults" : designSource;
        sizes = List.copyOf(Requests.given("sizes", sizes));
        if (sizes.size() > MAX_SIZES) {
            throw new ParameterException("sizes", sizes.size() + " sizes", "at most " + MAX_SIZES);
        }
        HashSet<Integer> seen = new HashSet<>();
        for (int n : sizes) {
            if (n < StudySpec.MIN_FAMILIES || n > MAX_FAMILIES) {
                throw new ParameterException("sizes", String.valueOf(n), "sample sizes from " + StudySpec.MIN_FAMILIES
                        + " to " + MAX_FAMILIES + " families (below " + StudySpec.MIN_FAMILIES + " a sample has too"
                        + " few dropouts and completers to analyse)");
            }
            if (!seen.add(n)) {
                throw new ParameterException("sizes", n + " twice", "each sample size once");
            }
            StudySpec.checkCaseload("sizes", n, design.therapists());
        }
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            throw new ParameterException("replications", String.valueOf(replications), "from 1 to " + MAX_REPLICATIONS);
        }
        execution = execution == null ? Execution.DEFAULT : execution;
    }

    /** The default design on {@code scenario}: no power analysis, every core, no files. */
    public static StudyRequest of(Scenario scenario) {
        return new StudyRequest(scenario, null, null, List.of(), DEFAULT_REPLICATIONS, Execution.DEFAULT);
    }

    /**
     * A copy with the design file {@code file}.
     *
     * @throws ScenarioException listing the file's problems, located (file:line:column and field)
     */
    public StudyRequest withDesign(Path file) throws ScenarioException {
        return withDesign(StudySpecs.load(file), file.toString());
    }

    public StudyRequest withDesign(StudySpec spec, String source) {
        return new StudyRequest(scenario, spec, source, sizes, replications, execution);
    }

    /** A copy with a power analysis of {@code n} samples per size. */
    public StudyRequest withPower(List<Integer> sampleSizes, int n) {
        return new StudyRequest(scenario, design, designSource, sampleSizes, n, execution);
    }

    @Override
    public StudyRequest withExecution(Execution how) {
        return new StudyRequest(scenario, design, designSource, sizes, replications, how);
    }
}
