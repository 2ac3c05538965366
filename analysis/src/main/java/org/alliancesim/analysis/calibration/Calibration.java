package org.alliancesim.analysis.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Fits parameters to calibration targets by the method of simulated moments: minimise
 * D(x) = sum over targets of ((m(x) - target) / half-width of its range)^2, where m(x) is the
 * statistic's mean over the spec's replications at parameters x. Every evaluation uses the same
 * seed (common random numbers), so D is a deterministic, nearly smooth function of x. The
 * optimiser is BOBYQA (Powell 2009, from commons-math3) on the parameters scaled to [0, 1], or
 * Brent's method for a single parameter.
 *
 * <p>An instance is one calibration problem, checked when made: the base scenario with the spec's
 * family count, and the spec's parameter paths parsed once. Parameter values reach the scenario as
 * typed edits ({@link Scenario#with(Map, String)}), so every evaluation simulates exactly the point
 * the optimiser asked for. Immutable; {@link #fit} may be called from one thread at a time per call.
 */
public final class Calibration {

    /**
     * The statistics a targets file may name: every metric key of summary.json, and the study
     * statistics computed on a virtual study of the source's size ({@link TargetEstimates#SAMPLED}).
     */
    public static final Set<String> STATISTICS = TargetEstimates.STATISTICS;

    /**
     * A targets file, or a built-in targets name such as {@code literature}, loaded and checked
     * (its statistics must be metrics of summary.json).
     *
     * @throws ScenarioException naming the file, line, field, what was found and what is allowed
     */
    public static CalibrationSpec targets(String nameOrPath) throws ScenarioException {
        return CalibrationSpecs.load(nameOrPath, STATISTICS, TargetEstimates.SAMPLED);
    }

    /** Penalty for a point the model refuses or where a statistic is undefined. */
    static final double PENALTY = 1e6;

    private static final ParameterPath FAMILIES = path("run.families");

    /** One evaluation of the objective. */
    public record Evaluation(int index, double[] x, double distance, double best) {}

    /**
     * The result of a fit.
     *
     * @param start the starting parameter values
     * @param best the best parameter values found
     * @param distance D at the best values
     * @param trace every evaluation, in order
     */
    public record Fit(double[] start, double[] best, double distance, List<Evaluation> trace) {}

    private final CalibrationSpec spec;
    private final Scenario base;
    private final List<ParameterPath> paths;
    private final double[] start;

    private Calibration(CalibrationSpec spec, Scenario base, List<ParameterPath> paths, double[] start) {
        this.spec = spec;
        this.base = base;
        this.paths = paths;
        this.start = start;
    }

    /**
     * The calibration of {@code spec}'s parameters, starting from their values in {@code base}
     * (clipped to the bounds). Checks, before anything runs, that every path names a number in the
     * base and that the middle of the bounds is a point the model accepts.
     *
     * @param base the scenario to fit (the spec's base, already resolved, with any edits that
     *     perturb the start); its run.families is replaced by the spec's
     * @throws ScenarioException if a path is unknown or the model refuses the middle of the bounds
     * @throws IllegalArgumentException if the spec lists no parameters or a path is not a number
     */
    public static Calibration of(CalibrationSpec spec, Scenario base) throws ScenarioException {
        if (spec.parameters().isEmpty()) {
            throw new IllegalArgumentException("parameters lists nothing to fit; add entries like"
                    + " {path: dynamics.attendance.intercept, min: -4, max: -1}");
        }
        Scenario sized = base.with(FAMILIES, spec.families());
        List<ParameterPath> paths = new ArrayList<>();
        double[] x = new double[spec.parameters().size()];
        for (int i = 0; i < x.length; i++) {
            CalibrationSpec.Parameter p = spec.parameters().get(i);
            ParameterPath path = ParameterPath.parse(p.path());
            List<Object> values = sized.valuesAt(path);
            if (!values.stream().allMatch(Number.class::isInstance)) {
                throw new IllegalArgumentException("parameters[" + i + "].path: '" + p.path()
                        + "' is not a number in the scenario");
            }
            paths.add(path);
            // A wildcard's entries may start apart; the fit moves them together from their mean.
            double start = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElseThrow();
            x[i] = Math.max(p.min(), Math.min(p.max(), start));
        }
        Calibration c = new Calibration(spec, sized, List.copyOf(paths), x);
        c.scenario(spec.parameters().stream().mapToDouble(q -> (q.min() + q.max()) / 2).toArray());
        return c;
    }

    /** The targets, parameters and budget. */
    public CalibrationSpec spec() {
        return spec;
    }

    /** The parameters' paths, parsed, in the spec's order. */
    public List<ParameterPath> paths() {
        return paths;
    }

    /**
     * The starting point: the parameters' values in the base (for a wildcard, the mean of its
     * entries'), clipped to their bounds.
     */
    public double[] start() {
        return start.clone();
    }

    /**
     * The base scenario with the spec's family count and the parameters set to {@code x}, exactly.
     *
     * @throws ScenarioException if the model refuses a value (a bound of the field, an index)
     */
    public Scenario scenario(double[] x) throws ScenarioException {
        if (x.length != paths.size()) {
            throw new IllegalArgumentException(paths.size() + " parameter values expected, was " + x.length);
        }
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            edits.put(paths.get(i), x[i]);
        }
        return base.with(edits, "calibration point " + Arrays.toString(x));
    }

    /**
     * Fits the parameters from {@link #start()}.
     *
     * @param threads worker threads of each evaluation's replications; results do not depend on it
     * @param progress told after each evaluation, or null
     */
    public Fit fit(int threads, Consumer<Evaluation> progress) {
        Search search = new Search(threads, progress);
        search.optimise();
        return new Fit(start.clone(), search.bestX.clone(), search.bestD, List.copyOf(search.trace));
    }

    /**
     * The model's estimate of each target of {@code spec} at {@code scenario}, on the spec's seed and
     * replications ({@link TargetEstimates}: a target with {@code n:} on samples of its source's size).
     *
     * @param scenario the scenario; its run.families is the size of the targets without {@code n:}
     * @throws Exception whatever a replication throws; a {@link ScenarioException} if the model refuses
     *     a sample size
     */
    public static List<MetricSummary> estimates(CalibrationSpec spec, Scenario scenario, int threads) throws Exception {
        return TargetEstimates.of(spec.targets(), scenario, spec.seed(), spec.replications(), threads, null);
    }

    /** The objective's value for the targets' estimates {@code estimates}, in the spec's order. */
    public static double distance(CalibrationSpec spec, List<MetricSummary> estimates) {
        double d = 0;
        for (int i = 0; i < spec.targets().size(); i++) {
            CalibrationSpec.Target t = spec.targets().get(i);
            double m = estimates.get(i).mean();
            if (Double.isNaN(m)) {
                return PENALTY;
            }
            double z = (m - t.target()) / ((t.max() - t.min()) / 2);
            d += z * z;
        }
        return d;
    }

    /** The state of one fit: the trace and the best point so far. */
    private final class Search {
        private final int threads;
        private final Consumer<Evaluation> progress;
        private final List<Evaluation> trace = new ArrayList<>();
        private double[] bestX;
        private double bestD = Double.POSITIVE_INFINITY;

        Search(int threads, Consumer<Evaluation> progress) {
            this.threads = threads;
            this.progress = progress;
        }

        private double evaluate(double[] x) {
            double d;
            try {
                d = distance(spec, estimates(spec, scenario(x), threads));
            } catch (ScenarioException e) {
                d = PENALTY;
            } catch (Exception e) {
                throw new IllegalStateException("evaluating " + Arrays.toString(x), e);
            }
            if (d < bestD) {
                bestD = d;
                bestX = x.clone();
            }
            Evaluation ev = new Evaluation(trace.size() + 1, x.clone(), d, bestD);
            trace.add(ev);
            if (progress != null) {
                progress.accept(ev);
            }
            return d;
        }

        private void optimise() {
            int n = start.length;
            double[] lo = spec.parameters().stream().mapToDouble(CalibrationSpec.Parameter::min).toArray();
            double[] hi = spec.parameters().stream().mapToDouble(CalibrationSpec.Parameter::max).toArray();
            double[] u0 = new double[n];
            for (int i = 0; i < n; i++) {
                u0[i] = (start[i] - lo[i]) / (hi[i] - lo[i]);
            }
            try {
                if (n == 1) {
                    new BrentOptimizer(1e-4, 1e-6).optimize(new MaxEval(spec.maxEvaluations()), GoalType.MINIMIZE,
                            new UnivariateObjectiveFunction(u -> evaluate(new double[] {lo[0] + u * (hi[0] - lo[0])})),
                            new SearchInterval(0, 1, u0[0]));
                } else {
                    BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, 0.15, 1e-4);
                    bobyqa.optimize(new MaxEval(spec.maxEvaluations()), GoalType.MINIMIZE, new InitialGuess(u0),
                            new SimpleBounds(new double[n], filled(n, 1.0)), new ObjectiveFunction(u -> {
                                double[] x = new double[n];
                                for (int i = 0; i < n; i++) {
                                    x[i] = lo[i] + Math.max(0, Math.min(1, u[i])) * (hi[i] - lo[i]);
                                }
                                return evaluate(x);
                            }));
                }
            } catch (TooManyEvaluationsException e) {
                // The budget is spent: the best point so far is the answer.
            }
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static ParameterPath path(String text) {
        try {
            return ParameterPath.parse(text);
        } catch (ScenarioException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
