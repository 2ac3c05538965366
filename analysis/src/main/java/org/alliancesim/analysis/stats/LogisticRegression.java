package org.alliancesim.analysis.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A binary logistic regression, logit P(y = 1) = b0 + b1 x1 + ... + bp xp, fitted by maximum
 * likelihood with iteratively reweighted least squares (IRLS; McCullagh and Nelder 1989, section
 * 4.4), the algorithm of R's {@code glm(family = binomial)}.
 *
 * <p>Each step solves {@code (X'WX) b = X'Wz} with {@code W = diag(mu (1 - mu))} and working response
 * {@code z = eta + (y - mu) / (mu (1 - mu))}, by Cholesky decomposition (commons-math3). It stops when
 * the deviance changes by less than {@code 1e-12 (|D| + 0.1)} (glm's rule, with a tighter tolerance),
 * after at most 100 steps. Standard errors are the square roots of the diagonal of the inverse Fisher
 * information {@code (X'WX)^-1} at the estimate; intervals are Wald intervals {@code b +- z(.975) se};
 * p-values are Wald z tests (what {@code summary(glm)} prints and {@code confint.default} returns).
 *
 * <p>Refused with {@link IllegalArgumentException}: an outcome that is all 0 or all 1, fewer
 * observations than coefficients + 1, predictors that are constant or collinear, and (quasi-)complete
 * separation, detected as in glm: a fitted probability within {@code 10 * 2^-52} of 0 or 1 at
 * convergence, or no convergence in 100 steps. Under separation the maximum-likelihood estimate is
 * infinite and no Wald interval exists, so no numbers are returned.
 *
 * <p>Immutable.
 */
public final class LogisticRegression {

    private static final int MAX_STEPS = 100;
    private static final double TOLERANCE = 1e-12;
    private static final double EPS = 10 * Math.ulp(1.0);

    private final double[] coefficients;
    private final double[] standardErrors;
    private final double[] predictorSds;
    private final double deviance;
    private final double nullDeviance;
    private final int steps;

    private LogisticRegression(double[] coefficients, double[] standardErrors, double[] predictorSds, double deviance,
            double nullDeviance, int steps) {
        this.coefficients = coefficients;
        this.standardErrors = standardErrors;
        this.predictorSds = predictorSds;
        this.deviance = deviance;
        this.nullDeviance = nullDeviance;
        this.steps = steps;
    }

    /**
     * Fits the model with an intercept and the given predictors.
     *
     * @param outcome y_i, one per observation
     * @param predictors one or more columns, each with one finite value per observation
     * @return the fit
     * @throws IllegalArgumentException for mismatched lengths, non-finite values, an outcome without both
     *     values, constant or collinear predictors, or separation (see the class comment)
     */
    public static LogisticRegression fit(boolean[] outcome, double[]... predictors) {
        int n = outcome.length;
        int p = predictors.length + 1;
        if (predictors.length == 0) {
            throw new IllegalArgumentException("need at least one predictor");
        }
        double[][] x = new double[n][p];
        double[] sds = new double[p - 1];
        for (int j = 1; j < p; j++) {
            double[] column = predictors[j - 1];
            if (column.length != n) {
                throw new IllegalArgumentException("predictor " + (j - 1) + " has " + column.length
                        + " values, the outcome " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(column[i])) {
                    throw new IllegalArgumentException("predictor " + (j - 1) + " value " + i + " is " + column[i]
                            + "; only finite values are allowed (drop incomplete cases first)");
                }
                x[i][j] = column[i];
            }
            sds[j - 1] = n > 1 ? StandardDeviation.of(column).getAsDouble() : Double.NaN;
        }
        int events = 0;
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            events += outcome[i] ? 1 : 0;
        }
        if (n < p + 1) {
            throw new IllegalArgumentException("need more than " + p + " observations for " + p + " coefficients, had " + n);
        }
        if (events == 0 || events == n) {
            throw new IllegalArgumentException("the outcome is " + (events == 0 ? "0" : "1")
                    + " for all " + n + " observations; a logistic regression needs both values");
        }
        double mean = (double) events / n;
        double nullDeviance = -2 * (events * Math.log(mean) + (n - events) * Math.log(1 - mean));

        RealMatrix design = new Array2DRowRealMatrix(x, false);
        double[] beta = new double[p];
        double[] mu = new double[n];
        double dev = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= MAX_STEPS; step++) {
            // Working weights and response at the current estimate (glm starts from mu = (y + 0.5) / 2).
            double[] w = new double[n];
            double[] wz = new double[n];
            for (int i = 0; i < n; i++) {
                double y = outcome[i] ? 1 : 0;
                double m;
                double eta;
                if (step == 1) {
                    m = (y + 0.5) / 2;
                    eta = Math.log(m / (1 - m));
                } else {
                    m = mu[i];
                    eta = linear(x[i], beta);
                }
                w[i] = m * (1 - m);
                wz[i] = w[i] * eta + (y - m);
            }
            beta = solve(design, w, step == 1).solve(new ArrayRealVector(design.transpose().operate(wz), false)).toArray();
            double newDev = 0;
            for (int i = 0; i < n; i++) {
                mu[i] = 1 / (1 + Math.exp(-linear(x[i], beta)));
                newDev += bernoulliDeviance(outcome[i], mu[i]);
            }
            boolean converged = Math.abs(newDev - dev) < TOLERANCE * (Math.abs(newDev) + 0.1);
            dev = newDev;
            if (converged) {
                for (double m : mu) {
                    if (m < EPS || m > 1 - EPS) {
                        throw separation();
                    }
                }
                double[] w2 = new double[n];
                for (int i = 0; i < n; i++) {
                    w2[i] = mu[i] * (1 - mu[i]);
                }
                RealMatrix covariance = solve(design, w2, false).getInverse();
                double[] se = new double[p];
                for (int j = 0; j < p; j++) {
                    se[j] = Math.sqrt(covariance.getEntry(j, j));
                }
                return new LogisticRegression(beta, se, sds, dev, nullDeviance, step);
            }
        }
        throw separation();
    }

    private static IllegalArgumentException separation() {
        return new IllegalArgumentException("the predictors separate the outcome (fitted probabilities reach 0 or 1,"
                + " or no convergence in " + MAX_STEPS + " steps): the maximum-likelihood odds ratio is infinite and"
                + " has no Wald interval");
    }

    /**
     * A solver for X'WX. Singular at the start (equal weights, so X'X) means collinear predictors;
     * singular later means weights collapsed to 0 as fitted probabilities ran to 0 or 1: separation.
     */
    private static DecompositionSolver solve(RealMatrix x, double[] w, boolean start) {
        int p = x.getColumnDimension();
        double[][] xtwx = new double[p][p];
        for (int i = 0; i < x.getRowDimension(); i++) {
            double[] row = x.getRow(i);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    xtwx[a][b] += w[i] * row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                xtwx[a][b] = xtwx[b][a];
            }
        }
        try {
            return new CholeskyDecomposition(new Array2DRowRealMatrix(xtwx, false), 1e-12, 1e-10).getSolver();
        } catch (NonPositiveDefiniteMatrixException e) {
            throw start ? new IllegalArgumentException("the predictors are constant or collinear (X'X is singular)")
                    : separation();
        }
    }

    private static double linear(double[] row, double[] beta) {
        double eta = 0;
        for (int j = 0; j < beta.length; j++) {
            eta += row[j] * beta[j];
        }
        return eta;
    }

    private static double bernoulliDeviance(boolean y, double mu) {
        double likelihood = y ? mu : 1 - mu;
        return likelihood > 0 ? -2 * Math.log(likelihood) : Double.POSITIVE_INFINITY;
    }

    /** Number of coefficients, the intercept included. */
    public int coefficients() {
        return coefficients.length;
    }

    /** Coefficient {@code j} on the logit scale: 0 is the intercept, {@code j >= 1} predictor {@code j - 1}. */
    public double coefficient(int j) {
        return coefficients[j];
    }

    /** Standard error of coefficient {@code j}: sqrt of the j-th diagonal element of (X'WX)^-1. */
    public double standardError(int j) {
        return standardErrors[j];
    }

    /** Coefficient {@code j} with its Wald 95% interval b +- z(.975) se. */
    public Estimate coefficientInterval(int j) {
        double half = Estimate.Z * standardErrors[j];
        return new Estimate(coefficients[j], coefficients[j] - half, coefficients[j] + half);
    }

    /** Two-sided Wald p-value of coefficient {@code j}: 2 (1 - Phi(|b / se|)). */
    public double pValue(int j) {
        return 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(coefficients[j] / standardErrors[j]));
    }

    /**
     * The odds ratio for one standard deviation more of predictor {@code predictor} (0-based, the
     * intercept not counted): exp(b s) with its interval exp((b +- z(.975) se) s), where s is the
     * predictor's sample standard deviation (n - 1 denominator) in the fitted data.
     */
    public Estimate oddsRatioPerSd(int predictor) {
        Estimate b = coefficientInterval(predictor + 1);
        double s = predictorSds[predictor];
        return new Estimate(Math.exp(b.value() * s), Math.exp(b.lower() * s), Math.exp(b.upper() * s));
    }

    /** Residual deviance -2 log L at the estimate. */
    public double deviance() {
        return deviance;
    }

    /** Deviance of the intercept-only model. */
    public double nullDeviance() {
        return nullDeviance;
    }

    /** IRLS steps taken (glm's {@code iter}, which counts the same way when both start at (y + 0.5) / 2). */
    public int steps() {
        return steps;
    }
}
