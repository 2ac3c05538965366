package org.alliancesim.analysis.compete;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.TargetEstimates;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.HypothesesSpec;
import org.alliancesim.scenario.HypothesesSpecs;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ValidationSpec;

/**
 * Competing variants of one base scenario, checked and ready to run: for each variant, the base with
 * its edits and a {@link Calibration} of its fitted parameters against the calibration set, every
 * variant with the same seed, replications, families and budget (common random numbers: all variants
 * are fitted on the same simulated families). {@link #run} fits one variant, then scores the fitted
 * scenario on the validation set on the validation seed, which the fit never saw.
 *
 * <p>Immutable; {@link #run} may be called for different variants from different threads at once.
 * Results do not depend on the thread counts.
 */
public final class Competition {

    /**
     * One variant fitted and scored.
     *
     * @param targetEstimates the model's estimate of each calibration target on the validation run's
     *     seed and replications, in the targets' order ({@link TargetEstimates})
     */
    public record VariantRun(VariantScore score, CalibrationSpec fitSpec, Calibration.Fit fit, Scenario fitted,
            ExperimentResult validationRun, List<MetricSummary> targetEstimates, List<ValidationSet.Row> validation) {}

    private final HypothesesSpec spec;
    private final CalibrationSpec targets;
    private final ValidationSpec validation;
    private final List<Scenario> edited;
    private final List<Calibration> calibrations;

    private Competition(HypothesesSpec spec, CalibrationSpec targets, ValidationSpec validation, List<Scenario> edited,
            List<Calibration> calibrations) {
        this.spec = spec;
        this.targets = targets;
        this.validation = validation;
        this.edited = edited;
        this.calibrations = calibrations;
    }

    /**
     * The competition of {@code spec}'s variants.
     *
     * @param targets the calibration set (only its targets are used)
     * @param validation the validation set
     * @throws ScenarioException if the base does not load, or a variant's edits or ranges are refused
     *     (a file loaded with {@link HypothesesSpecs#load} has been checked for both)
     */
    public static Competition of(HypothesesSpec spec, CalibrationSpec targets, ValidationSpec validation)
            throws ScenarioException {
        Scenario base = org.alliancesim.scenario.ScenarioLoader.load(spec.base());
        List<Scenario> edited = new ArrayList<>();
        List<Calibration> calibrations = new ArrayList<>();
        for (HypothesesSpec.Variant v : spec.variants()) {
            Scenario s = HypothesesSpecs.edited(base, v).with(ParameterPath.parse("run.families"), spec.families());
            edited.add(s);
            calibrations.add(v.fit().isEmpty() ? null : Calibration.of(fitSpec(spec, targets, v), s));
        }
        return new Competition(spec, targets, validation, List.copyOf(edited), java.util.Collections
                .unmodifiableList(calibrations));
    }

    /** The calibration problem of one variant: the set's targets, the variant's parameters, the file's budget and seed. */
    static CalibrationSpec fitSpec(HypothesesSpec spec, CalibrationSpec targets, HypothesesSpec.Variant v) {
        return new CalibrationSpec(spec.base(), targets.targets(), v.fit(), targets.anchors(), spec.replications(),
                spec.families(), spec.seed(), spec.maxEvaluations());
    }

    /** The hypotheses. */
    public HypothesesSpec spec() {
        return spec;
    }

    /** The number of variants. */
    public int size() {
        return edited.size();
    }

    /**
     * Fits variant {@code index} and scores it on the validation set.
     *
     * @param threads worker threads of each run's replications; results do not depend on it
     * @param progress told after each evaluation of the fit, or null
     * @throws Exception whatever a replication throws (an internal error)
     */
    public VariantRun run(int index, int threads, Consumer<Calibration.Evaluation> progress) throws Exception {
        HypothesesSpec.Variant v = spec.variants().get(index);
        CalibrationSpec fitSpec = fitSpec(spec, targets, v);
        Calibration c = calibrations.get(index);
        Calibration.Fit fit;
        Scenario fitted;
        if (c == null) {
            // Nothing to fit: the distance at the edited base, one evaluation on the fit's seed.
            Scenario s = edited.get(index);
            double d = Calibration.distance(fitSpec, Calibration.estimates(fitSpec, s, threads));
            Calibration.Evaluation e = new Calibration.Evaluation(1, new double[0], d, d);
            if (progress != null) {
                progress.accept(e);
            }
            fit = new Calibration.Fit(new double[0], new double[0], d, List.of(e));
            fitted = s;
        } else {
            fit = c.fit(threads, progress);
            fitted = c.scenario(fit.best());
        }
        Scenario scored = fitted.withSeed(spec.validationSeed()).withReplications(spec.validationReplications());
        ExperimentResult run = new ExperimentResult(scored.model().run().sessionLimit());
        List<ValidationSet.Row> rows = validationRows(scored, validation, threads, run);
        int met = (int) rows.stream().filter(ValidationSet.Row::inRange).count();
        List<Double> values = new ArrayList<>();
        for (double x : fit.best()) {
            values.add(x);
        }
        VariantScore score = new VariantScore(v.name(), v.fit().stream().map(CalibrationSpec.Parameter::path).toList(),
                values, fit.distance(), fit.trace().size(), met, rows.size(), validationDistance(rows));
        List<MetricSummary> estimates = TargetEstimates.of(fitSpec.targets(), scored, scored.seed(),
                scored.replications(), threads, run);
        return new VariantRun(score, fitSpec, fit, scored, run, estimates, rows);
    }

    /**
     * The validation set's rows on {@code scored}'s seed and replications, each run's data also given to
     * {@code run} when not null.
     */
    static List<ValidationSet.Row> validationRows(Scenario scored, ValidationSpec validation, int threads,
            ExperimentResult run) throws Exception {
        ValidationSet patterns = new ValidationSet();
        // Session detail is on: the V-shaped trajectories of the validation set need it; compete writes
        // no families.csv, so no family rows are formatted (as validate).
        Experiment.run(ExperimentPlan.of(scored).threads(threads).build(), d -> {
            if (run != null) {
                run.add(d);
            }
            patterns.add(d);
        });
        patterns.runSourceCaseloads(scored, 0, scored.replications(), threads);
        return patterns.rows(validation);
    }

    /** A path known to parse. */
    static ParameterPath path(String text) {
        try {
            return ParameterPath.parse(text);
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The calibration set (its targets). */
    public CalibrationSpec targets() {
        return targets;
    }

    /** The validation set. */
    public ValidationSpec validation() {
        return validation;
    }

    /**
     * Variant {@code index}'s calibration problem for ABC-SMC: its fitted parameters (ranges and priors)
     * on its edited base, simulating {@code targets} on {@code replications} x {@code families} per
     * simulation.
     *
     * @throws IllegalArgumentException if the variant fits nothing
     * @throws ScenarioException if the model refuses the sizes
     */
    public Calibration calibration(int index, List<CalibrationSpec.Target> targets, int replications, int families)
            throws ScenarioException {
        HypothesesSpec.Variant v = spec.variants().get(index);
        CalibrationSpec s = new CalibrationSpec(spec.base(), targets, v.fit(), this.targets.anchors(), replications,
                families, spec.seed(), spec.maxEvaluations());
        return Calibration.of(s, edited.get(index));
    }

    /**
     * Variant {@code index}'s fitted values, as {@link #run} fits them (the validation not run).
     *
     * @throws IllegalArgumentException if the variant fits nothing
     */
    public double[] fit(int index, int threads) throws Exception {
        Calibration c = calibrations.get(index);
        if (c == null) {
            throw new IllegalArgumentException("variant " + spec.variants().get(index).name() + " fits nothing");
        }
        return c.fit(threads, null).best();
    }

    /**
     * The standardised distance of a validation run from the validation set: the sum over patterns of
     * ((estimate - middle of the range) / half-width)^2, as the calibration objective measures targets.
     * A pattern whose statistic is undefined in the run (NaN) adds nothing; it is not met either.
     */
    public static double validationDistance(List<ValidationSet.Row> rows) {
        double d = 0;
        for (ValidationSet.Row r : rows) {
            double m = r.estimate().mean();
            if (Double.isNaN(m)) {
                continue;
            }
            double half = (r.pattern().max() - r.pattern().min()) / 2;
            double z = (m - (r.pattern().min() + r.pattern().max()) / 2) / half;
            d += z * z;
        }
        return d;
    }
}
