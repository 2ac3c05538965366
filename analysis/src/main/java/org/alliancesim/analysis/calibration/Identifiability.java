package org.alliancesim.analysis.calibration;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How well a targets file pins down its parameters near a point: a local, linear analysis.
 *
 * <p>Each target is standardised as in the fit's distance, z = (m - target) / ((max - min) / 2), and
 * each parameter scaled to its bounds, u = (x - min) / (max - min). The Jacobian J = dz/du is taken by
 * central differences of {@link #STEP} in u (one-sided at a bound), every evaluation on the targets
 * file's seed, replications and families (common random numbers: the differences are not swamped
 * by simulation noise). From J:
 *
 * <ul>
 *   <li>the singular values of J (square roots of the eigenvalues of J'J, one per parameter; with
 *       fewer targets than parameters at least parameters - targets of them are 0);
 *   <li>loose directions: eigenvectors of J'J whose singular value is below {@link #LOOSE} times the
 *       largest; a parameter is <b>loose</b> when more than {@link #LOOSE_SHARE} of its unit vector
 *       lies in the loose directions (the targets cannot tell it from a combination of the others);
 *   <li>a conditional standard error per parameter (the others held at the point): reading each
 *       published range as a 95% interval, a target's standard error is a half-range / 1.96, so
 *       se(x_j) = (max_j - min_j) / (1.96 |J_j|). Marginal errors are unbounded along loose directions.
 * </ul>
 *
 * Cost: 2 x parameters evaluations of the targets file's replications x families.
 *
 * @param paths the parameters' paths
 * @param point the point analysed
 * @param jacobian [target][parameter] dz/du
 * @param singularValues in decreasing order
 * @param directions [k][parameter]: the unit eigenvector of J'J belonging to singularValues[k]
 * @param conditionalSe per parameter, in the parameter's units; infinite when no target moves with it
 * @param looseShare per parameter, the squared share of its unit vector in the loose directions
 * @param evaluations model evaluations spent
 */
public record Identifiability(List<String> paths, double[] point, double[][] jacobian, double[] singularValues,
        double[][] directions, double[] conditionalSe, double[] looseShare, int evaluations) {

    /** Finite-difference step, in units of the parameter's bound range. */
    public static final double STEP = 0.05;
    /** A singular value below this fraction of the largest marks a loose direction. */
    public static final double LOOSE = 0.1;
    /** A parameter with more than this share of its unit vector in loose directions is loose. */
    public static final double LOOSE_SHARE = 0.4;

    /** Whether parameter {@code j} is loose. */
    public boolean loose(int j) {
        return looseShare[j] > LOOSE_SHARE;
    }

    /**
     * Analyses {@code calibration} at {@code x}.
     *
     * @param threads worker threads of each evaluation; results do not depend on it
     * @throws ScenarioException if the model refuses a point of the differences
     */
    public static Identifiability at(Calibration calibration, double[] x, int threads) throws ScenarioException {
        CalibrationSpec spec = calibration.spec();
        int p = x.length;
        int m = spec.targets().size();
        double[][] jac = new double[m][p];
        for (int j = 0; j < p; j++) {
            CalibrationSpec.Parameter b = spec.parameters().get(j);
            double range = b.max() - b.min();
            double u = (x[j] - b.min()) / range;
            double up = Math.min(1, u + STEP);
            double down = Math.max(0, u - STEP);
            double[] zUp = z(calibration, with(x, j, b.min() + up * range), threads);
            double[] zDown = z(calibration, with(x, j, b.min() + down * range), threads);
            for (int i = 0; i < m; i++) {
                jac[i][j] = (zUp[i] - zDown[i]) / (up - down);
            }
        }
        return of(calibration.paths().stream().map(Object::toString).toList(), x, jac, spec, 2 * p);
    }

    /** The analysis of a given Jacobian (for tests and tools); {@code spec} gives the bounds. */
    static Identifiability of(List<String> paths, double[] x, double[][] jac, CalibrationSpec spec, int evaluations) {
        int p = x.length;
        RealMatrix j = new Array2DRowRealMatrix(jac);
        EigenDecomposition eigen = new EigenDecomposition(j.transpose().multiply(j));
        double[] lambda = eigen.getRealEigenvalues();
        Integer[] order = new Integer[p];
        for (int k = 0; k < p; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        double[] sv = new double[p];
        double[][] dirs = new double[p][];
        for (int k = 0; k < p; k++) {
            sv[k] = Math.sqrt(Math.max(0, lambda[order[k]]));
            dirs[k] = eigen.getEigenvector(order[k]).toArray();
        }
        double[] share = new double[p];
        for (int k = 0; k < p; k++) {
            if (sv[k] < LOOSE * sv[0] || sv[0] == 0) {
                for (int q = 0; q < p; q++) {
                    share[q] += dirs[k][q] * dirs[k][q];
                }
            }
        }
        double[] se = new double[p];
        for (int q = 0; q < p; q++) {
            double norm = 0;
            for (double[] row : jac) {
                norm += row[q] * row[q];
            }
            CalibrationSpec.Parameter b = spec.parameters().get(q);
            se[q] = norm == 0 ? Double.POSITIVE_INFINITY : (b.max() - b.min()) / (1.96 * Math.sqrt(norm));
        }
        return new Identifiability(List.copyOf(paths), x.clone(), jac, sv, dirs, se, share, evaluations);
    }

    /** Parameters whose loadings on direction {@code k} exceed 0.3 in size, with their signs, as text. */
    public String describe(int k) {
        List<String> parts = new ArrayList<>();
        for (int q = 0; q < paths.size(); q++) {
            if (Math.abs(directions[k][q]) > 0.3) {
                parts.add(String.format(java.util.Locale.ROOT, "%+.2f %s", directions[k][q], paths.get(q)));
            }
        }
        return String.join(" ", parts);
    }

    private static double[] with(double[] x, int j, double v) {
        double[] y = x.clone();
        y[j] = v;
        return y;
    }

    private static double[] z(Calibration c, double[] x, int threads) throws ScenarioException {
        CalibrationSpec spec = c.spec();
        var estimates = run(c, x, threads);
        double[] z = new double[spec.targets().size()];
        for (int i = 0; i < z.length; i++) {
            CalibrationSpec.Target t = spec.targets().get(i);
            z[i] = (estimates.get(i).mean() - t.target()) / ((t.max() - t.min()) / 2);
        }
        return z;
    }

    private static List<MetricSummary> run(Calibration c, double[] x, int threads) throws ScenarioException {
        var s = c.scenario(x);
        try {
            return Calibration.estimates(c.spec(), s, threads);
        } catch (ScenarioException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("evaluating " + java.util.Arrays.toString(x), e);
        }
    }
}
