package org.alliancesim.analysis.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The random-intercept logistic model {@code logit P(y_ij = 1) = b0 + u_i, u_i ~ N(0, var_u)}
 * ({@code y ~ 1 + (1 | cluster)}), fitted by maximum likelihood, as R's
 * {@code lme4::glmer(y ~ 1 + (1 | cluster), family = binomial, nAGQ = q)} fits it; with the therapist
 * as cluster, the therapist share of the variance in dropout on the latent scale (Saxon, Barkham,
 * Foster and Parry 2017; Snijders and Bosker 2012, section 17.3):
 *
 * <pre>
 *   ICC = var_u / (var_u + pi^2 / 3)
 * </pre>
 *
 * <p>The likelihood of a cluster with n observations and s successes, {@code L_i = integral of
 * exp(s(b0 + u) - n log(1 + e^(b0 + u))) phi(u; 0, var_u) du}, is approximated by adaptive
 * Gauss-Hermite quadrature with {@code q} nodes (Pinheiro and Bates 1995; nodes and weights from
 * commons-math3 {@code GaussIntegratorFactory.hermite}), centred at the mode of the integrand (found
 * by damped Newton steps) and scaled by its curvature there. {@code q = 1} is the Laplace
 * approximation, glmer's default. The clusters enter only through their (n, s) pairs.
 *
 * <p>Fitting: for each sd_u the intercept is maximised (under the Laplace approximation by Newton's method
 * on its exact gradient, otherwise by Brent's method, commons-math3 {@code BrentOptimizer}). Under the
 * Laplace approximation the profiled deviance's slope in sd_u is exact and cheap (the envelope theorem:
 * b0 at its optimum; {@code Deviance.varSlope}), so sd_u is the slope's root, bracketed from a moment
 * estimate (one Fisher scoring step in var_u from 0) and found by commons-math3's {@code BrentSolver} to
 * 1e-7 of sd_u ({@link #SD_TOLERANCE}); with more nodes, or where the moment estimate is not above 0 or
 * brackets nothing, the profiled deviance is minimised by a grid followed by Brent's method to the same
 * tolerance ({@link VarianceProfile}). sd_u = 0 (no cluster variance, the boundary glmer allows) is taken
 * when it is best. The
 * intercept's standard error comes from the inverse of the numerical Hessian of the deviance in
 * (sd_u, b0), as lme4's {@code vcov} does by default (at the boundary sd_u = 0, from b0 alone).
 *
 * <p>The 95% interval for the ICC is the profile-likelihood interval for sd_u (the sd_u whose profiled
 * deviance exceeds the minimum by chi^2_1(.95) = 3.84; lme4's {@code confint(method = "profile")}),
 * mapped through the ICC, which increases with sd_u. When the deviance at sd_u = 0 is within 3.84 of
 * the minimum, the interval starts at 0.
 *
 * <p>Refused with {@link IllegalArgumentException}: fewer than 2 clusters, an outcome that is all 0
 * or all 1, mismatched lengths, nAGQ outside 1..25 (glmer's range).
 *
 * <p>Thread-safe (stateless); a {@link Fit} is immutable.
 */
public final class RandomInterceptLogistic {

    /** pi^2 / 3, the variance of the standard logistic distribution (the level-1 variance on the latent scale). */
    public static final double LOGISTIC_VARIANCE = Math.PI * Math.PI / 3;

    /** The largest number of quadrature nodes glmer accepts. */
    public static final int MAX_NAGQ = 25;

    /**
     * How closely sd_u's minimiser is searched, relative (plus 1e-9 absolute). The deviance (about 10^3 for a
     * replication's therapists) is resolved to about 1e-13 of itself, and its curvature in sd_u near the
     * minimum is of order 10^2, so sd_u itself is resolved only to about 1e-6: changes of the search that
     * should not matter (the grid's early stop, Newton's warm start) moved estimates by up to 2.3e-7
     * relative. Searching to 1e-9, as before, spent a quarter of the fit's evaluations below that
     * (docs/performance.md, "The therapist share's fit, a third cheaper again").
     */
    static final double SD_TOLERANCE = 1e-7;

    /** Newton's last step on b0 for the intercept a fit reports, relative to 1 + |b0|. */
    static final double INTERCEPT_STEP = 1e-11;

    /**
     * Newton's last step on b0 inside the profile in sd_u, relative to 1 + |b0|. The profile needs the
     * deviance at b0's optimum, not b0: an error e in b0 moves it by about D_bb e^2 / 2, and after a step
     * below 1e-7 (the secant's error then of order 1e-11, or a main-term step's at most half the step)
     * that is under 1e-12 for D_bb up to 10^3, below the deviance's own rounding (about 1e-13 of 10^3).
     * Stopping there instead of at {@link #INTERCEPT_STEP} saves about one of the four or five passes over
     * the pairs each evaluation took ({@code RandomInterceptLogisticSearchTest} checks the deviance at both).
     */
    static final double PROFILE_STEP = 1e-7;

    private RandomInterceptLogistic() {}

    /**
     * The fit.
     *
     * @param intercept b0 on the logit scale
     * @param interceptSe its standard error (inverse observed information, see the class comment)
     * @param varU the random-intercept variance var_u (0 at the boundary)
     * @param sdU sd_u with its 95% profile interval
     * @param icc the latent-scale ICC var_u / (var_u + pi^2/3) with its 95% profile interval
     * @param deviance -2 log-likelihood at the estimate, under the quadrature used (glmer's
     *     {@code deviance} / {@code -2 logLik})
     * @param clusters the number of clusters
     * @param observations the number of observations
     * @param nAGQ quadrature nodes per cluster (1 = Laplace)
     */
    public record Fit(double intercept, double interceptSe, double varU, Estimate sdU, Estimate icc, double deviance,
            int clusters, int observations, int nAGQ) {}

    /**
     * Fits the model with the Laplace approximation (nAGQ = 1, glmer's default).
     *
     * @param cluster each observation's cluster label (any int, for example a therapist id)
     * @param outcome each observation's 0/1 outcome
     * @return the fit
     * @throws IllegalArgumentException see the class comment
     */
    public static Fit fit(int[] cluster, boolean[] outcome) {
        return fit(cluster, outcome, 1);
    }

    /**
     * Fits the model with {@code nAGQ} adaptive Gauss-Hermite nodes per cluster.
     *
     * @param cluster each observation's cluster label
     * @param outcome each observation's 0/1 outcome
     * @param nAGQ 1 (Laplace) to {@value #MAX_NAGQ}
     * @return the fit
     * @throws IllegalArgumentException see the class comment
     */
    public static Fit fit(int[] cluster, boolean[] outcome, int nAGQ) {
        if (cluster.length != outcome.length) {
            throw new IllegalArgumentException("need one cluster per outcome, had " + cluster.length + " clusters and "
                    + outcome.length + " outcomes");
        }
        if (nAGQ < 1 || nAGQ > MAX_NAGQ) {
            throw new IllegalArgumentException("nAGQ must be 1 (Laplace) to " + MAX_NAGQ + ", was " + nAGQ);
        }
        TreeMap<Integer, int[]> byCluster = new TreeMap<>();
        for (int i = 0; i < cluster.length; i++) {
            int[] ns = byCluster.computeIfAbsent(cluster[i], key -> new int[2]);
            ns[0]++;
            ns[1] += outcome[i] ? 1 : 0;
        }
        int[] trials = new int[byCluster.size()];
        int[] successes = new int[trials.length];
        int c = 0;
        for (int[] ns : byCluster.values()) {
            trials[c] = ns[0];
            successes[c++] = ns[1];
        }
        return fitCounts(trials, successes, nAGQ);
    }

    /**
     * Fits the model to per-cluster counts (what a tally of therapists holds): the same fit as
     * {@link #fit(int[], boolean[], int)} on the observations the counts describe.
     *
     * @param trials each cluster's number of observations; clusters with 0 are left out
     * @param successes each cluster's number of outcomes equal to 1, in 0..trials
     * @param nAGQ 1 (Laplace) to {@value #MAX_NAGQ}
     * @return the fit
     * @throws IllegalArgumentException see the class comment, and for counts out of range
     */
    public static Fit fitCounts(int[] trials, int[] successes, int nAGQ) {
        int[] totals = check(trials, successes, nAGQ);
        int observations = totals[0];
        int total = totals[1];
        int clusters = totals[2];
        Prepared p = prepare(trials, successes, nAGQ, total, observations);
        double sd = p.minimise();
        Deviance deviance = p.criterion.deviance;
        double b0 = intercept(deviance, p.criterion.pooled, p.criterion.lastIntercept, sd, INTERCEPT_STEP);
        double dev = deviance.at(b0, sd);
        double[] sdBounds = p.profile.interval(sd, dev,
                ChiSquaredDistribution.of(1).inverseCumulativeProbability(Estimate.LEVEL));
        double se = interceptSe(deviance, b0, sd);
        return new Fit(b0, se, sd * sd, new Estimate(sd, sdBounds[0], sdBounds[1]),
                new Estimate(icc(sd), icc(sdBounds[0]), icc(sdBounds[1])), dev, clusters, observations, nAGQ);
    }

    /**
     * The point estimate of the latent-scale ICC of {@link #fitCounts}, without its interval and the
     * intercept's standard error (less than half the work; for a statistic computed once per replication).
     *
     * @return var_u / (var_u + pi^2/3) at the maximum-likelihood estimate
     * @throws IllegalArgumentException as {@link #fitCounts}
     */
    public static double iccEstimate(int[] trials, int[] successes, int nAGQ) {
        int[] totals = check(trials, successes, nAGQ);
        Prepared p = prepare(trials, successes, nAGQ, totals[1], totals[0]);
        return icc(p.minimise());
    }

    /**
     * What the search for sd_u of {@link #iccEstimate} did, for the tests: the sd_u found, the moment start
     * (NaN where none), how many times the profiled deviance was evaluated, and whether every evaluation went
     * through the slope's search (false where the grid's search decided).
     */
    record SdSearch(double sd, double start, int evaluations, boolean bySlope) {}

    /** The search of {@link #iccEstimate} under the Laplace approximation, with its {@link SdSearch} record. */
    static SdSearch sdSearch(int[] trials, int[] successes) {
        int[] totals = check(trials, successes, 1);
        Prepared p = prepare(trials, successes, 1, totals[1], totals[0]);
        double sd = p.minimise();
        ProfiledDeviance c = p.criterion;
        return new SdSearch(sd, c.start(), c.evaluations, c.evaluations == c.memoEvaluations);
    }

    /** The deviance of the counts profiled over b0, and its profile in sd_u. */
    private record Prepared(ProfiledDeviance criterion, VarianceProfile profile) {

        /**
         * The sd_u that minimises the profiled deviance: under the Laplace approximation by the slope's root,
         * from the moment estimate {@link ProfiledDeviance#start()} (the grid's search where that is not
         * above 0 or brackets nothing); with more nodes by the grid's search in the deviance alone.
         */
        double minimise() {
            if (!criterion.deviance.laplace()) {
                return profile.minimise();
            }
            return profile.minimise(criterion::value, criterion::slope, criterion.start());
        }
    }

    /**
     * The deviance at sd_u with b0 at its best there: the criterion {@link VarianceProfile} minimises. Newton
     * on b0 starts from the intercept of the sd_u evaluated last (the profile's searches move sd_u a little
     * at a time; from the pooled logit every time, the fit took twice as long). Not thread-safe, as
     * {@link Deviance}.
     */
    private static final class ProfiledDeviance implements DoubleUnaryOperator {
        private final Deviance deviance;
        private final double pooled;
        private double lastIntercept;
        /** How many evaluations the memo keeps. */
        private static final int MEMO = 4;
        private final double[] memoSd = new double[MEMO];
        private final double[][] memoValues = new double[MEMO][];
        private int memoSize;
        private int memoNext;
        /** Evaluations so far, in all and through {@link #memo} (the tests' {@link SdSearch}). */
        private int evaluations;
        private int memoEvaluations;

        ProfiledDeviance(Deviance deviance, double pooled) {
            this.deviance = deviance;
            this.pooled = pooled;
            this.lastIntercept = pooled;
        }

        @Override
        public double applyAsDouble(double sd) {
            evaluations++;
            lastIntercept = intercept(deviance, pooled, lastIntercept, sd, PROFILE_STEP);
            return deviance.at(lastIntercept, sd);
        }

        /**
         * The profiled deviance at sd, from the memo when sd is one of the last {@link #MEMO} evaluated by
         * {@link #slope} or here (Brent's root search asks again for its bracket's ends, and the profile for
         * the root's value); otherwise evaluated, with its slope under the Laplace approximation.
         */
        double value(double sd) {
            return memo(sd)[0];
        }

        /**
         * Under the Laplace approximation, d deviance / d sd_u along the profile: by the envelope theorem (b0
         * at its optimum) the partial derivative in sd_u at fixed b0, {@link Deviance#varSlope} times 2 sd_u.
         */
        double slope(double sd) {
            return memo(sd)[1];
        }

        private double[] memo(double sd) {
            for (int k = 0; k < memoSize; k++) {
                if (memoSd[k] == sd) {
                    return memoValues[k];
                }
            }
            memoEvaluations++;
            double value = applyAsDouble(sd);
            double slope = sd == 0 ? 0 : 2 * sd * deviance.varSlope(lastIntercept, sd * sd);
            int k = memoNext;
            memoNext = (memoNext + 1) % MEMO;
            memoSize = Math.min(MEMO, memoSize + 1);
            memoSd[k] = sd;
            memoValues[k] = new double[] {value, slope};
            return memoValues[k];
        }

        /**
         * A moment estimate of sd_u to start the search from: one step of Fisher scoring in var_u from 0,
         * var = sum c ((s - n p)^2 - n p (1 - p)) / sum c (n p (1 - p))^2 at the pooled proportion p (the
         * score and expected information of the Laplace log-likelihood in var_u at var_u = 0; the numerator
         * is the excess of the clusters' spread over the binomial's). NaN when it is not above 0 (the clusters
         * spread no more than binomially: the grid's search decides, near the boundary).
         */
        double start() {
            double p = 1 / (1 + Math.exp(-pooled));
            double score = 0;
            double information = 0;
            for (int i = 0; i < deviance.n.length; i++) {
                double w = deviance.n[i] * p * (1 - p);
                double r = deviance.s[i] - deviance.n[i] * p;
                score += deviance.count[i] * (r * r - w);
                information += deviance.count[i] * w * w;
            }
            double var = score / information;
            return var > 0 ? Math.sqrt(var) : Double.NaN;
        }
    }

    /** Checks the counts; returns {observations, successes}. */
    private static int[] check(int[] trials, int[] successes, int nAGQ) {
        if (trials.length != successes.length) {
            throw new IllegalArgumentException("need one success count per cluster, had " + trials.length
                    + " trial counts and " + successes.length + " success counts");
        }
        if (nAGQ < 1 || nAGQ > MAX_NAGQ) {
            throw new IllegalArgumentException("nAGQ must be 1 (Laplace) to " + MAX_NAGQ + ", was " + nAGQ);
        }
        int clusters = 0;
        int observations = 0;
        int total = 0;
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] < 0 || successes[i] < 0 || successes[i] > trials[i]) {
                throw new IllegalArgumentException("cluster " + i + " has " + successes[i] + " successes in "
                        + trials[i] + " trials; need 0 <= successes <= trials");
            }
            if (trials[i] > 0) {
                clusters++;
                observations += trials[i];
                total += successes[i];
            }
        }
        if (clusters < 2) {
            throw new IllegalArgumentException("a random-intercept model needs at least 2 clusters, had " + clusters);
        }
        if (total == 0 || total == observations) {
            throw new IllegalArgumentException("the outcome needs both values to fit a logistic model, all "
                    + observations + " observations were " + (total == 0 ? "0" : "1"));
        }
        return new int[] {observations, total, clusters};
    }

    private static Prepared prepare(int[] trials, int[] successes, int nAGQ, int successesTotal, int observations) {
        // Clusters with the same (n, s) contribute the same likelihood: count them once.
        TreeMap<Long, Integer> pairs = new TreeMap<>();
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] > 0) {
                pairs.merge(((long) trials[i] << 32) | successes[i], 1, Integer::sum);
            }
        }
        int[] n = new int[pairs.size()];
        int[] s = new int[pairs.size()];
        int[] count = new int[pairs.size()];
        int k = 0;
        for (Map.Entry<Long, Integer> e : pairs.entrySet()) {
            n[k] = (int) (e.getKey() >>> 32);
            s[k] = (int) (e.getKey() & 0xffffffffL);
            count[k++] = e.getValue();
        }
        Deviance deviance = new Deviance(n, s, count, GaussIntegratorFactoryHolder.hermite(nAGQ));
        double pooled = Math.log((double) successesTotal / (observations - successesTotal));
        ProfiledDeviance criterion = new ProfiledDeviance(deviance, pooled);
        return new Prepared(criterion, new VarianceProfile(criterion, SD_TOLERANCE, 1e-9));
    }

    /** The latent-scale ICC of a random-intercept sd: var_u / (var_u + pi^2/3). */
    public static double icc(double sdU) {
        if (Double.isInfinite(sdU)) {
            return 1;
        }
        double v = sdU * sdU;
        return v / (v + LOGISTIC_VARIANCE);
    }

    /**
     * The b0 that minimises the deviance at a given sd_u: under the Laplace approximation by Newton's
     * method from {@code start}; otherwise (or when Newton does not settle) by Brent's method around the
     * pooled logit (the random intercept moves b0 from it by less than 10 + 3 sd_u). Newton stops after a
     * step below {@code stepTolerance} (1 + |b0|): {@link #INTERCEPT_STEP} for the intercept a fit reports,
     * {@link #PROFILE_STEP} inside the profile in sd_u.
     */
    private static double intercept(Deviance d, double pooled, double start, double sd, double stepTolerance) {
        if (sd == 0) {
            return pooled;
        }
        if (d.laplace()) {
            double b = d.laplaceIntercept(start, sd, stepTolerance);
            if (!Double.isNaN(b)) {
                return b;
            }
        }
        double half = 10 + 3 * sd;
        return new BrentOptimizer(1e-9, 1e-10).optimize(new MaxEval(500), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(b -> d.at(b, sd)), new SearchInterval(pooled - half, pooled + half, pooled))
                .getPoint();
    }

    /**
     * The standard error of b0 from the inverse of the deviance's Hessian in (sd_u, b0) by central
     * differences (cov = 2 H^-1); from b0 alone at the boundary sd_u = 0.
     */
    private static double interceptSe(Deviance d, double b0, double sd) {
        double hb = 1e-4;
        double dbb = (d.at(b0 + hb, sd) - 2 * d.at(b0, sd) + d.at(b0 - hb, sd)) / (hb * hb);
        double hs = 1e-4 * Math.max(1, sd);
        if (sd < 2 * hs) {
            return Math.sqrt(2 / dbb);
        }
        double dss = (d.at(b0, sd + hs) - 2 * d.at(b0, sd) + d.at(b0, sd - hs)) / (hs * hs);
        double dbs = (d.at(b0 + hb, sd + hs) - d.at(b0 + hb, sd - hs) - d.at(b0 - hb, sd + hs) + d.at(b0 - hb, sd - hs))
                / (4 * hb * hs);
        double det = dbb * dss - dbs * dbs;
        return det > 0 ? Math.sqrt(2 * dss / det) : Math.sqrt(2 / dbb);
    }

    /** Holds the Hermite rules so that one rule per node count is built once. */
    private static final class GaussIntegratorFactoryHolder {
        private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();
        private static final GaussIntegrator[] RULES = new GaussIntegrator[MAX_NAGQ + 1];

        static synchronized GaussIntegrator hermite(int q) {
            if (RULES[q] == null) {
                RULES[q] = FACTORY.hermite(q);
            }
            return RULES[q];
        }
    }

    /** -2 log-likelihood of the (n, s) pairs under adaptive Gauss-Hermite quadrature. Not thread-safe. */
    private static final class Deviance {
        /** The relative Newton step after which {@link #mode} stops (see there). */
        static final double MODE_STEP = 1e-7;
        /**
         * How far h'(next) (next - u) may be below 0 before {@link #mode} evaluates h to check a step: a
         * bound on how far h can have fallen, below the halving's tolerance of 1e-12 (1 + |h|).
         */
        static final double STEP_CHECK = 1e-12;
        private final int[] n;
        private final int[] s;
        private final int[] count;
        private final double[] nodes;
        private final double[] logWeights;
        private final double[] terms;
        /** Each pair's last mode of h, where the next search for it starts (the fit moves b0 and sd a little at a time). */
        private final double[] modes;
        /**
         * At each pair's last mode u (found for b0 and var): e^(-|b0 + u|), from which both the logistic and
         * log(1 + e^x) are made (the same double either way: see {@link #logistic(double, double)}), and
         * h(u); so the callers of {@link #mode} do not compute them again.
         */
        private final double[] modeExp;
        private final double[] modeH;

        Deviance(int[] n, int[] s, int[] count, GaussIntegrator rule) {
            this.n = n;
            this.s = s;
            this.count = count;
            this.modes = new double[n.length];
            this.modeExp = new double[n.length];
            this.modeH = new double[n.length];
            int q = rule.getNumberOfPoints();
            nodes = new double[q];
            logWeights = new double[q];
            terms = new double[q];
            for (int k = 0; k < q; k++) {
                nodes[k] = rule.getPoint(k);
                // The rule integrates f(x) e^(-x^2); the integrand here is e^(h), so weight w e^(x^2).
                logWeights[k] = Math.log(rule.getWeight(k)) + nodes[k] * nodes[k];
            }
        }

        /**
         * Under the Laplace approximation, d deviance / d var_u at (b0, var) with b0 held, from the modes the
         * last {@link #at} call found there (call it first, at the same point). Per pair, log L = h(u*) -
         * log(1 + var w) / 2 with w = n p (1 - p) at the mode u*; h's own dependence on u* drops out at its
         * mode (h'(u*) = 0), leaving u*^2 / (2 var^2); the second term moves with var directly and through u*,
         * du* / d var = u* / (var (1 + var w)) (from h'(u*) = 0), and dw / du = n p (1 - p) (1 - 2p). So
         * d log L / d var = u*^2 / (2 var^2) - (w + n p (1 - p) (1 - 2p) u* / (1 + var w)) / (2 (1 + var w)).
         */
        double varSlope(double b0, double var) {
            double total = 0;
            for (int i = 0; i < n.length; i++) {
                double u = modes[i];
                double p = logistic(b0 + u, modeExp[i]);
                double w = n[i] * p * (1 - p);
                double g = 1 + var * w;
                double r = u / var;
                total += count[i] * (r * r / 2 - (w + w * (1 - 2 * p) * u / g) / (2 * g));
            }
            return -2 * total;
        }

        double at(double b0, double sd) {
            double total = 0;
            for (int i = 0; i < n.length; i++) {
                total += count[i] * logLikelihood(i, b0, sd);
            }
            return -2 * total;
        }

        /** Whether the rule is the Laplace approximation (one node). */
        boolean laplace() {
            return nodes.length == 1;
        }

        /**
         * Under the Laplace approximation, the b0 that maximises the log-likelihood at sd_u: Newton's
         * method on its exact gradient (below), the curvature of its main term standing in for the
         * Hessian, from {@code start}; NaN when it does not settle within 100 steps (the caller then
         * searches by Brent's method). Per cluster, with u* the mode of h, p = logistic(b0 + u*), w = n
         * p (1 - p) and g = d(b0 + u*)/d b0 = 1 / (1 + var w), log L = h(u*) - log(1 + var w) / 2, so
         * d log L / d b0 = s - n p - n p (1 - p) (1 - 2 p) g var / (2 (1 + var w)) and the main term's
         * curvature is -w g. Stops after a step below {@code stepTolerance} (1 + |b|).
         */
        double laplaceIntercept(double start, double sd, double stepTolerance) {
            double var = sd * sd;
            double b = start;
            double previousB = Double.NaN;
            double previousGradient = Double.NaN;
            for (int step = 0; step < 100; step++) {
                double gradient = 0;
                double curvature = 0;
                for (int i = 0; i < n.length; i++) {
                    double u = mode(i, b, var);
                    double p = logistic(b + u, modeExp[i]);
                    double w = n[i] * p * (1 - p);
                    double g = 1 / (1 + var * w);
                    gradient += count[i] * (s[i] - n[i] * p - w * (1 - 2 * p) * g * var / 2 * g);
                    curvature += count[i] * w * g;
                }
                // The secant of the exact gradient, once two points are known and it is a curvature: where the
                // main term's curvature overstates the whole one (a flat deviance in b0), Newton's steps on it
                // shrink geometrically and stop short of the root; the secant's converge superlinearly.
                double secant = (previousGradient - gradient) / (b - previousB);
                if (secant > 0 && Double.isFinite(secant)) {
                    curvature = secant;
                }
                double delta = gradient / curvature;
                if (!Double.isFinite(delta)) {
                    return Double.NaN;
                }
                delta = Math.max(-1, Math.min(1, delta));
                previousB = b;
                previousGradient = gradient;
                b += delta;
                if (Math.abs(delta) < stepTolerance * (1 + Math.abs(b))) {
                    return b;
                }
            }
            return Double.NaN;
        }

        /**
         * The mode of h(u) = s (b0 + u) - n log(1 + e^(b0 + u)) - u^2 / (2 var) for pair i: Newton steps from
         * the pair's last mode, damped only where h might have fallen. h is strictly concave, so h(next) >=
         * h(u) + h'(next) (next - u): while the gradient at the new point does not point back along the step
         * by more than {@link #STEP_CHECK}, h cannot have fallen by more than the halving's tolerance and the
         * step stands without evaluating h (its logarithm was a third of a step's work); otherwise h is
         * compared and the step halved until h does not fall by more than rounding, as before. Stops after a
         * step below {@link #MODE_STEP} (1 + |u|): the next Newton correction would be at most
         * |h'''| / (2 |h''|) step^2 <= step^2 / 2 (as |h'''| = n p (1 - p) |1 - 2p| <= |h''|), under 1e-14,
         * below what h, p and the deviance resolve.
         */
        private double mode(int i, double b0, double var) {
            int ni = n[i];
            int si = s[i];
            double u = modes[i];
            double x = b0 + u;
            double e = Math.exp(-Math.abs(x));
            double p = logistic(x, e);
            for (int step = 0; step < 200; step++) {
                double delta = (si - ni * p - u / var) / (ni * p * (1 - p) + 1 / var);
                double next = u + delta;
                double xn = b0 + next;
                double en = Math.exp(-Math.abs(xn));
                double pn = logistic(xn, en);
                if ((si - ni * pn - next / var) * delta < -STEP_CHECK) {
                    double hu = h(ni, si, x, e, u, var);
                    double hn = h(ni, si, xn, en, next, var);
                    for (int halving = 0; hn < hu - 1e-12 * (1 + Math.abs(hu)) && halving < 50; halving++) {
                        delta /= 2;
                        next = u + delta;
                        xn = b0 + next;
                        en = Math.exp(-Math.abs(xn));
                        hn = h(ni, si, xn, en, next, var);
                    }
                    pn = logistic(xn, en);
                }
                u = next;
                x = xn;
                e = en;
                p = pn;
                if (Math.abs(delta) < MODE_STEP * (1 + Math.abs(u))) {
                    break;
                }
            }
            modes[i] = u;
            modeExp[i] = e;
            modeH[i] = h(ni, si, x, e, u, var);
            return u;
        }

        /** log L_i for pair i: s (b0 + u) - n log(1 + e^(b0 + u)) integrated against N(0, sd^2). */
        private double logLikelihood(int i, double b0, double sd) {
            int ni = n[i];
            int si = s[i];
            if (sd == 0) {
                return si * b0 - ni * log1pExp(b0);
            }
            double var = sd * sd;
            double u = mode(i, b0, var);
            double p = logistic(b0 + u, modeExp[i]);
            double tau = 1 / Math.sqrt(ni * p * (1 - p) + 1 / var);
            double scale = Math.sqrt(2) * tau;
            // log of sqrt(2) tau sum_k w_k e^(x_k^2) e^(h(u + sqrt(2) tau x_k)), less the normal constant.
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < nodes.length; k++) {
                double v = u + scale * nodes[k];
                // At the mode itself (Laplace's one node, 0) h is the one mode() found.
                terms[k] = logWeights[k] + (v == u ? modeH[i] : h(ni, si, b0, v, var));
                max = Math.max(max, terms[k]);
            }
            double sum = 0;
            for (double t : terms) {
                sum += Math.exp(t - max);
            }
            return max + Math.log(sum) + Math.log(scale) - 0.5 * Math.log(2 * Math.PI * var);
        }

        private static double h(int ni, int si, double b0, double u, double var) {
            return si * (b0 + u) - ni * log1pExp(b0 + u) - u * u / (2 * var);
        }

        /**
         * h at x = b0 + u from e = e^(-|x|): the same double as {@link #h(int, int, double, double, double)}
         * ({@link #log1pExp} takes e^(-x) for x > 0 and e^x otherwise, both e^(-|x|)).
         */
        private static double h(int ni, int si, double x, double e, double u, double var) {
            return si * x - ni * (x > 0 ? x + Math.log1p(e) : Math.log1p(e)) - u * u / (2 * var);
        }

        /**
         * The logistic of x from e = e^(-|x|): the same double as the stable form {@code x >= 0 ? 1 / (1 +
         * e^(-x)) : e^x / (1 + e^x)}, whose exponential is e^(-|x|) on both sides (at x = -0 both are 1).
         */
        private static double logistic(double x, double e) {
            return x >= 0 ? 1 / (1 + e) : e / (1 + e);
        }

        private static double log1pExp(double x) {
            return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
        }
    }
}
