package org.alliancesim.analysis.study;

import org.alliancesim.analysis.stats.Estimate;

/**
 * One figure of a virtual study: a row of results.csv (docs/outputs.md), the statistic on the
 * observed data, as a paper computes it, beside the same statistic on the latent values.
 *
 * @param name short name ({@code d_dropout}), the results.csv key and the power analysis' effect
 * @param label what it is, for tables
 * @param observed the estimate from the observed data with its 95% interval; NaN when the sample
 *     does not allow it (too few cases, separation)
 * @param pValue two-sided p-value of no effect; NaN when the row is not tested by a p-value
 * @param latent the same statistic on the latent values of the same families; for a reliability
 *     (inter-rater ICC, Cronbach's alpha) the configured value
 * @param n cases in the observed estimate
 * @param test how the power analysis counts a detection
 */
public record StudyStatistic(String name, String label, Estimate observed, double pValue, double latent, int n,
        Test test) {

    /** How a detection of the effect is counted. */
    public enum Test {
        /** p-value below the design's alpha. */
        P_VALUE,
        /** the 95% interval's lower bound above 0 (a share of variance, tested at .05 whatever the alpha). */
        INTERVAL,
        /** not an effect (a reliability); no power. */
        NONE
    }

    /** Whether this sample detected the effect at level {@code alpha}; false when it could not be computed. */
    public boolean detected(double alpha) {
        return switch (test) {
            case P_VALUE -> pValue < alpha;
            case INTERVAL -> observed.lower() > 0;
            case NONE -> false;
        };
    }
}
