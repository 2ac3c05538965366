package org.alliancesim.analysis.stats;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * A criterion (a deviance, everything else profiled out) of one scale parameter theta >= 0 of a
 * random-intercept model (sd_u, or sd_u / sd_e): its minimum, boundary included, and the
 * profile-likelihood interval {theta : criterion(theta) - min <= chi2}. Minimisation: 0 and a
 * geometric grid from 0.01 to 1311 (ratio 2), climbed until the criterion rises more than
 * {@link #GRID_STOP_EXCESS} above its best so far (a local search, as lme4's optimiser is: the far
 * points, where the criterion is costly to evaluate, are reached only when the criterion still falls
 * towards them), then commons-math3's {@link BrentOptimizer} between the best grid point's neighbours.
 * The criterion depends on theta^2 and is flat at 0, so when the best grid point is 0 and Brent's
 * method ends below 1e-3 with a criterion lower by less than 1e-7, theta = 0 is taken (the boundary
 * estimate lme4 reports as a singular fit). When the criterion's slope is known, {@link
 * #minimise(DoubleUnaryOperator, DoubleUnaryOperator, double)} finds the slope's root next to a start
 * instead, in about two fifths of the evaluations. Bounds: commons-math3's {@link BrentSolver}.
 */
final class VarianceProfile {

    private static final double[] GRID = grid();
    private static final int MAX_EVAL = 500;
    /**
     * How far above its best grid value the criterion may rise before the grid stops climbing: 20 deviance
     * units, a likelihood ratio of e^10 against the best point, five times the 3.84 of the profile interval.
     */
    static final double GRID_STOP_EXCESS = 20;

    private final DoubleUnaryOperator criterion;
    private final double relativeTolerance;
    private final double absoluteTolerance;

    /** The profile of {@code criterion}, its minimum searched to 1e-9 of theta (plus 1e-10). */
    VarianceProfile(DoubleUnaryOperator criterion) {
        this(criterion, 1e-9, 1e-10);
    }

    /**
     * The profile of {@code criterion}, Brent's search for its minimum stopping within {@code relativeTolerance}
     * |theta| + {@code absoluteTolerance} (commons-math3's {@link BrentOptimizer} thresholds): a criterion
     * whose values are resolved only to some precision resolves theta no better, and a tighter search spends
     * evaluations on rounding.
     */
    VarianceProfile(DoubleUnaryOperator criterion, double relativeTolerance, double absoluteTolerance) {
        this.criterion = criterion;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    private static double[] grid() {
        int k = 18;
        double[] g = new double[k + 1];
        for (int i = 1; i <= k; i++) {
            g[i] = 0.01 * Math.pow(2, i - 1);
        }
        return g;
    }

    /** The theta >= 0 that minimises the criterion. */
    double minimise() {
        int best = 0;
        double bestValue = criterion.applyAsDouble(0);
        for (int i = 1; i < GRID.length; i++) {
            double v = criterion.applyAsDouble(GRID[i]);
            if (v < bestValue) {
                best = i;
                bestValue = v;
            } else if (v > bestValue + GRID_STOP_EXCESS) {
                break;
            }
        }
        double lo = GRID[Math.max(0, best - 1)];
        double hi = GRID[Math.min(GRID.length - 1, best + 1)];
        var point = new BrentOptimizer(relativeTolerance, absoluteTolerance).optimize(new MaxEval(MAX_EVAL), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(criterion::applyAsDouble), new SearchInterval(lo, hi, GRID[best]));
        if (best == 0 && negligible(point.getPoint(), bestValue - point.getValue())) {
            return 0;
        }
        return point.getValue() < bestValue ? point.getPoint() : GRID[best];
    }

    /**
     * The theta >= 0 that minimises the criterion when its slope d criterion / d theta is known: the
     * minimum is bracketed from {@code start} by a sign change of the slope (theta doubled while the
     * slope is negative, halved while it is positive), and the slope's root in that bracket found by
     * commons-math3's {@link BrentSolver} to this profile's tolerances, started at the secant between the
     * bracket's ends. A root is a minimum, as the slope rises through it. The boundary rule of
     * {@link #minimise()} holds (a minimiser below 1e-3 gaining less than 1e-7 over theta = 0 is taken as 0),
     * and 0 is taken when the criterion there is no higher. Where no bracket is found (start not above 0,
     * a slope still negative at the grid's end or still positive below 1e-4, where the boundary decides, or a
     * slope that is not a number), the grid's search of {@link #minimise()} is used instead, as it is
     * for a criterion without a slope. Unlike the grid, which looks for the best point until the criterion
     * rises {@link #GRID_STOP_EXCESS} above it, this search finds the minimum next to {@code start}: the
     * two agree where the criterion has one minimum (a random-intercept model's profiled deviance in its
     * scale, as the search tests check). Evaluations: the start, one or two to bracket, about five of
     * Brent's and the value at 0: 9.0 on average on the 56 of {@code RandomInterceptLogisticSearchTest}'s
     * data sets with a start, where the grid's search took 22.4 (a scratch count, docs/performance.md).
     *
     * @param value the criterion, as given to the constructor or the same one memoised: the bracket's ends
     *     and the root are asked for again, and a memo answers them without evaluating
     * @param slope the criterion's derivative in theta
     * @param start where to begin, for example a moment estimate of theta
     */
    double minimise(DoubleUnaryOperator value, DoubleUnaryOperator slope, double start) {
        if (!(start > 0) || !Double.isFinite(start)) {
            return minimise();
        }
        double lo = start;
        double hi = start;
        double slopeLo = slope.applyAsDouble(start);
        double slopeHi = slopeLo;
        double last = GRID[GRID.length - 1];
        while (slopeHi < 0) {
            lo = hi;
            slopeLo = slopeHi;
            hi = 2 * hi;
            if (hi > last) {
                return minimise();
            }
            slopeHi = slope.applyAsDouble(hi);
        }
        while (slopeLo > 0) {
            hi = lo;
            slopeHi = slopeLo;
            lo = lo / 2;
            if (lo < 1e-4) {
                return minimise();
            }
            slopeLo = slope.applyAsDouble(lo);
        }
        if (Double.isNaN(slopeLo) || Double.isNaN(slopeHi)) {
            return minimise();
        }
        double root;
        if (slopeLo == 0) {
            root = lo;
        } else if (slopeHi == 0) {
            root = hi;
        } else {
            double secant = lo - slopeLo * (hi - lo) / (slopeHi - slopeLo);
            double width = hi - lo;
            double first = Math.max(lo + 1e-3 * width, Math.min(hi - 1e-3 * width, secant));
            root = new BrentSolver(relativeTolerance, absoluteTolerance, 0).solve(MAX_EVAL, slope::applyAsDouble, lo, hi,
                    first);
        }
        double atRoot = value.applyAsDouble(root);
        double atZero = value.applyAsDouble(0);
        if (atZero <= atRoot || negligible(root, atZero - atRoot)) {
            return 0;
        }
        return root;
    }

    /**
     * The boundary rule of both searches: a minimiser below 1e-3 whose criterion is less than 1e-7 below
     * the criterion at theta = 0 is taken as 0 (the criterion depends on theta^2 and is flat there).
     */
    private static boolean negligible(double theta, double gain) {
        return theta < 1e-3 && gain < 1e-7;
    }

    /**
     * The profile interval around the minimiser {@code theta}: [lower, upper] with criterion - min =
     * chi2 at each bound; lower = 0 when the criterion at 0 is within chi2 of the minimum; upper =
     * +infinity when the criterion stays within chi2 up to 1e4.
     */
    double[] interval(double theta, double min, double chi2) {
        DoubleUnaryOperator excess = t -> criterion.applyAsDouble(t) - min - chi2;
        BrentSolver solver = new BrentSolver(1e-8, 1e-9);
        double lower = 0;
        if (theta > 0 && excess.applyAsDouble(0) > 0) {
            lower = solver.solve(MAX_EVAL, excess::applyAsDouble, 0, theta);
        }
        double hi = Math.max(2 * theta, 0.05);
        double lo = theta;
        while (excess.applyAsDouble(hi) <= 0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e4) {
                return new double[] {lower, Double.POSITIVE_INFINITY};
            }
        }
        double upper = solver.solve(MAX_EVAL, excess::applyAsDouble, lo, hi);
        return new double[] {lower, upper};
    }
}
