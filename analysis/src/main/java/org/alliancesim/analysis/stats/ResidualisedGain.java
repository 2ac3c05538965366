package org.alliancesim.analysis.stats;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The residualised gain of an outcome and its correlation with a predictor (for example early
 * alliance): post is regressed on pre by ordinary least squares, post = a + b pre + e, and the
 * residuals e (the change not predicted by the baseline) are correlated with the predictor (Cronbach
 * and Furby 1970; the alliance-outcome analyses of Horvath et al. 2011 use it). The correlation's
 * interval and p-value are {@link Correlation#estimate()} and {@link Correlation#pValue()} on the
 * residuals (R: {@code cor.test(resid(lm(post ~ pre)), x)}); they ignore the one degree of freedom the
 * regression on pre uses, as that call does.
 *
 * <p>Cases with a missing (NaN) pre, post or predictor are dropped before the regression (complete
 * cases: a dropout without an end-of-treatment score does not count).
 *
 * @param r the correlation of the residualised gain with the predictor, with its Fisher-z 95% interval
 * @param pValue two-sided p-value of r = 0
 * @param slope b, the OLS slope of post on pre
 * @param n complete cases used
 */
public record ResidualisedGain(Estimate r, double pValue, double slope, int n) {

    /**
     * @param pre baseline scores
     * @param post end scores, same length
     * @param predictor the predictor, same length
     * @throws IllegalArgumentException for mismatched lengths, fewer than 4 complete cases, or a
     *     constant pre
     */
    public static ResidualisedGain of(double[] pre, double[] post, double[] predictor) {
        if (pre.length != post.length || pre.length != predictor.length) {
            throw new IllegalArgumentException("pre, post and predictor need one value per case, had " + pre.length
                    + ", " + post.length + " and " + predictor.length);
        }
        SimpleRegression ols = new SimpleRegression();
        int n = 0;
        for (int i = 0; i < pre.length; i++) {
            if (complete(pre, post, predictor, i)) {
                ols.addData(pre[i], post[i]);
                n++;
            }
        }
        if (n < 4) {
            throw new IllegalArgumentException("a residualised gain needs at least 4 complete cases, had " + n);
        }
        double slope = ols.getSlope();
        if (Double.isNaN(slope)) {
            throw new IllegalArgumentException("a residualised gain needs a baseline that varies");
        }
        Correlation c = new Correlation();
        for (int i = 0; i < pre.length; i++) {
            if (complete(pre, post, predictor, i)) {
                c.add(post[i] - ols.predict(pre[i]), predictor[i]);
            }
        }
        return new ResidualisedGain(c.estimate(), c.pValue(), slope, n);
    }

    private static boolean complete(double[] pre, double[] post, double[] predictor, int i) {
        return !Double.isNaN(pre[i]) && !Double.isNaN(post[i]) && !Double.isNaN(predictor[i]);
    }
}
