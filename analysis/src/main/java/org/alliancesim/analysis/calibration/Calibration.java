package org.alliancesim.analysis.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
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
 */
public final class Calibration {

    /** Penalty for a point the model refuses or where a statistic is undefined. */
    static final double PENALTY = 1e6;

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
    private final List<String> baseOverrides;
    private final int threads;
    private final Consumer<Evaluation> progress;
    private final List<Evaluation> trace = new ArrayList<>();
    private double[] bestX;
    private double bestD = Double.POSITIVE_INFINITY;

    private Calibration(CalibrationSpec spec, List<String> baseOverrides, int threads, Consumer<Evaluation> progress) {
        this.spec = spec;
        this.baseOverrides = baseOverrides;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Fits the spec's parameters, starting from the values in the base scenario (with
     * {@code baseOverrides}, which may perturb the start), clipped to the bounds.
     *
     * @throws ScenarioException if the base scenario or a parameter path is invalid
     */
    public static Fit fit(CalibrationSpec spec, List<String> baseOverrides, int threads, Consumer<Evaluation> progress)
            throws Exception {
        if (spec.parameters().isEmpty()) {
            throw new IllegalArgumentException("the targets file lists no parameters to fit");
        }
        Calibration c = new Calibration(spec, baseOverrides, threads, progress);
        double[] start = c.startingPoint();
        c.optimise(start);
        return new Fit(start, c.bestX.clone(), c.bestD, List.copyOf(c.trace));
    }

    /** The --set overrides that put parameters {@code x} into the base scenario. */
    public static List<String> overrides(CalibrationSpec spec, double[] x) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(spec.parameters().get(i).path() + "=" + String.format(Locale.ROOT, "%.6g", x[i]));
        }
        return out;
    }

    /** The objective's value for statistics {@code summaries}. */
    public static double distance(CalibrationSpec spec, Map<Metric, MetricSummary> summaries) {
        double d = 0;
        for (CalibrationSpec.Target t : spec.targets()) {
            double m = summaries.get(Metric.byKey(t.statistic())).mean();
            if (Double.isNaN(m)) {
                return PENALTY;
            }
            double z = (m - t.target()) / ((t.max() - t.min()) / 2);
            d += z * z;
        }
        return d;
    }

    /** Loads the base scenario with overrides, the spec's family count and parameters {@code x}. */
    public static Scenario scenario(CalibrationSpec spec, List<String> baseOverrides, double[] x)
            throws ScenarioException {
        List<String> sets = new ArrayList<>(baseOverrides);
        sets.add("run.families=" + spec.families());
        if (x != null) {
            sets.addAll(overrides(spec, x));
        }
        return ScenarioLoader.load(spec.base(), sets);
    }

    private double[] startingPoint() throws ScenarioException {
        Scenario s = scenario(spec, baseOverrides, null);
        JsonNode tree = ScenarioLoader.toTree(s);
        double[] x = new double[spec.parameters().size()];
        for (int i = 0; i < x.length; i++) {
            CalibrationSpec.Parameter p = spec.parameters().get(i);
            JsonNode v = ScenarioLoader.valueAt(tree, p.path());
            if (v == null || !v.isNumber()) {
                throw new IllegalArgumentException("parameters[" + i + "].path: '" + p.path()
                        + "' is not a number in the scenario");
            }
            x[i] = Math.max(p.min(), Math.min(p.max(), v.doubleValue()));
        }
        return x;
    }

    private double evaluate(double[] x) {
        double d;
        try {
            Scenario s = scenario(spec, baseOverrides, x);
            ExperimentResult r = Experiment.run(s.model(), spec.seed(), spec.replications(), threads, false);
            d = distance(spec, r.summaries());
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

    private void optimise(double[] start) {
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

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
