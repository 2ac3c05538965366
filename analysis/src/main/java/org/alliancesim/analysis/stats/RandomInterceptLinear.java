package org.alliancesim.analysis.stats;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The random-intercept linear model {@code y_ij = b0 + u_i + e_ij, u_i ~ N(0, var_u),
 * e_ij ~ N(0, var_e)} ({@code y ~ 1 + (1 | cluster)}) fitted by restricted maximum likelihood (REML), as
 * R's {@code lme4::lmer(y ~ 1 + (1 | cluster), REML = TRUE)} fits it; with the therapist as cluster,
 * the therapist share of outcome variance ICC = var_u / (var_u + var_e) (Saxon, Firth and Barkham 2017
 * fit this two-level model; Snijders and Bosker 2012, chapter 4).
 *
 * <p>With theta = sd_u / sd_e and, per cluster, size n_i, mean m_i and within sum of squares W_i,
 * b0 and var_e are profiled out in closed form (weights w_i = n_i / (1 + n_i theta^2),
 * b0 = sum w_i m_i / sum w_i, Q = sum W_i + sum w_i (m_i - b0)^2, var_e = Q / (N - 1)), leaving the
 * REML criterion of lme4 (Bates, Maechler, Bolker and Walker 2015, eq. 42):
 *
 * <pre>
 *   REML(theta) = sum log(1 + n_i theta^2) + log(sum w_i) + (N - 1) (1 + log(2 pi Q / (N - 1)))
 * </pre>
 *
 * minimised over theta >= 0 by a grid and Brent's method (commons-math3), boundary theta = 0 included.
 * The intercept's standard error is sqrt(var_e / sum w_i) (lmer's {@code vcov}, given theta).
 *
 * <p>The 95% interval for the ICC is the profile interval of the REML criterion in theta (the thetas
 * within chi^2_1(.95) = 3.84 of the minimum), mapped through ICC = theta^2 / (1 + theta^2), which
 * increases with theta. It works for unequal cluster sizes (caseloads are unequal), where the exact F
 * interval of the one-way ANOVA ({@link OneWayIcc}) holds only for equal ones; for equal sizes the two
 * agree closely (RandomInterceptLinearTest checks it), and the test checks the interval's coverage by
 * simulation. The interval starts at 0 when theta = 0 is within 3.84 of the minimum.
 *
 * <p>Refused with {@link IllegalArgumentException}: fewer than 2 clusters, no cluster with 2 or more
 * observations (var_u and var_e cannot be told apart; lmer refuses too), a constant or non-finite
 * outcome, mismatched lengths.
 *
 * <p>Thread-safe (stateless); a {@link Fit} is immutable.
 */
public final class RandomInterceptLinear {

    private RandomInterceptLinear() {}

    /**
     * The fit.
     *
     * @param intercept b0
     * @param interceptSe its standard error
     * @param varU the between-cluster variance (0 at the boundary)
     * @param varE the residual variance
     * @param icc var_u / (var_u + var_e) with its 95% profile interval
     * @param remlCriterion the REML criterion at the estimate (lmer's {@code REMLcrit})
     * @param clusters the number of clusters
     * @param observations the number of observations
     */
    public record Fit(double intercept, double interceptSe, double varU, double varE, Estimate icc,
            double remlCriterion, int clusters, int observations) {}

    /**
     * Fits the model by REML.
     *
     * @param cluster each observation's cluster label (any int, for example a therapist id)
     * @param y each observation's outcome, finite
     * @return the fit
     * @throws IllegalArgumentException see the class comment
     */
    public static Fit fit(int[] cluster, double[] y) {
        if (cluster.length != y.length) {
            throw new IllegalArgumentException("need one cluster per outcome, had " + cluster.length + " clusters and "
                    + y.length + " outcomes");
        }
        Map<Integer, Integer> index = new HashMap<>();
        int[] of = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("outcome " + i + " is " + y[i] + ", need a finite value");
            }
            of[i] = index.computeIfAbsent(cluster[i], key -> index.size());
        }
        int k = index.size();
        if (k < 2) {
            throw new IllegalArgumentException("a random-intercept model needs at least 2 clusters, had " + k);
        }
        if (y.length <= k) {
            throw new IllegalArgumentException("every one of the " + k + " clusters has a single observation: the "
                    + "between and within variances cannot be told apart");
        }
        int[] n = new int[k];
        double[] mean = new double[k];
        for (int i = 0; i < y.length; i++) {
            n[of[i]]++;
            mean[of[i]] += y[i];
        }
        for (int c = 0; c < k; c++) {
            mean[c] /= n[c];
        }
        double within = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - mean[of[i]];
            within += d * d;
        }
        return fit(n, mean, within, y.length, y[0]);
    }

    /**
     * Fits the model to per-cluster summaries (what a tally of therapists holds): the same fit as
     * {@link #fit(int[], double[])} on observations with these sizes, sums and sums of squares (the
     * within sum of squares is taken as squares - sum^2 / n, so it loses digits when the means are large
     * beside the spread).
     *
     * @param n each cluster's size; clusters of size 0 are left out
     * @param sum each cluster's sum of the outcome
     * @param squares each cluster's sum of squares of the outcome
     * @return the fit
     * @throws IllegalArgumentException see the class comment
     */
    public static Fit fitSummaries(int[] n, double[] sum, double[] squares) {
        if (n.length != sum.length || n.length != squares.length) {
            throw new IllegalArgumentException("need a size, sum and sum of squares per cluster, had " + n.length + ", "
                    + sum.length + " and " + squares.length);
        }
        int k = 0;
        int total = 0;
        for (int c = 0; c < n.length; c++) {
            if (n[c] < 0 || !Double.isFinite(sum[c]) || !Double.isFinite(squares[c])) {
                throw new IllegalArgumentException("cluster " + c + " has size " + n[c] + ", sum " + sum[c]
                        + " and sum of squares " + squares[c] + "; need a size >= 0 and finite sums");
            }
            k += n[c] > 0 ? 1 : 0;
            total += n[c];
        }
        int[] size = new int[k];
        double[] mean = new double[k];
        double within = 0;
        int j = 0;
        for (int c = 0; c < n.length; c++) {
            if (n[c] > 0) {
                size[j] = n[c];
                mean[j] = sum[c] / n[c];
                within += Math.max(0, squares[c] - sum[c] * mean[j]);
                j++;
            }
        }
        if (k < 2) {
            throw new IllegalArgumentException("a random-intercept model needs at least 2 clusters, had " + k);
        }
        if (total <= k) {
            throw new IllegalArgumentException("every one of the " + k + " clusters has a single observation: the "
                    + "between and within variances cannot be told apart");
        }
        return fit(size, mean, within, total, mean[0]);
    }

    private static Fit fit(int[] n, double[] mean, double within, int total, double example) {
        Criterion criterion = new Criterion(n, mean, within, total);
        if (!(criterion.at(0).q > 0)) {
            throw new IllegalArgumentException("the outcome is constant (" + example + "): no variance to share out");
        }
        VarianceProfile profile = new VarianceProfile(t -> criterion.at(t).reml);
        double theta = profile.minimise();
        Point p = criterion.at(theta);
        double[] bounds = profile.interval(theta, p.reml,
                ChiSquaredDistribution.of(1).inverseCumulativeProbability(Estimate.LEVEL));
        double varE = p.q / (total - 1);
        return new Fit(p.b0, Math.sqrt(varE / p.sumW), theta * theta * varE, varE,
                new Estimate(icc(theta), icc(bounds[0]), icc(bounds[1])), p.reml, n.length, total);
    }

    private static double icc(double theta) {
        if (Double.isInfinite(theta)) {
            return 1;
        }
        double l = theta * theta;
        return l / (1 + l);
    }

    /** The profiled quantities at one theta. */
    private record Point(double reml, double b0, double q, double sumW) {}

    /** The REML criterion of the cluster summaries (see the class comment). */
    private record Criterion(int[] n, double[] mean, double within, int total) {

        Point at(double theta) {
            double l = theta * theta;
            double sumW = 0;
            double sumWm = 0;
            double logDet = 0;
            for (int c = 0; c < n.length; c++) {
                double w = n[c] / (1 + n[c] * l);
                sumW += w;
                sumWm += w * mean[c];
                logDet += Math.log1p(n[c] * l);
            }
            double b0 = sumWm / sumW;
            double q = within;
            for (int c = 0; c < n.length; c++) {
                double d = mean[c] - b0;
                q += n[c] / (1 + n[c] * l) * d * d;
            }
            int df = total - 1;
            double reml = logDet + Math.log(sumW) + df * (1 + Math.log(2 * Math.PI * q / df));
            return new Point(reml, b0, q, sumW);
        }
    }
}
