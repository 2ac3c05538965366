package org.alliancesim.analysis.compete;

import java.util.List;

/**
 * What a variant scored: everything the ranking, ranking.csv, the chart and summary.json need (a
 * shard records exactly this, so a merge rebuilds them byte for byte).
 *
 * @param name the variant's name
 * @param parameters the fitted parameters' paths, in the file's order
 * @param fitted their fitted values, in the same order
 * @param calibrationDistance the fit's best distance to the calibration targets (sum of squared
 *     standardised residuals, {@link org.alliancesim.analysis.calibration.Calibration#distance})
 * @param evaluations evaluations the fit used (at most the budget; 1 when nothing is fitted)
 * @param patternsMet validation patterns whose estimate lies in the published range
 * @param patterns validation patterns scored
 * @param validationDistance sum over the defined patterns of the squared standardised distance of the
 *     estimate from the middle of the range ({@link Competition#validationDistance})
 */
public record VariantScore(String name, List<String> parameters, List<Double> fitted, double calibrationDistance,
        int evaluations, int patternsMet, int patterns, double validationDistance) {

    /** Copies the lists and checks they match. */
    public VariantScore {
        parameters = List.copyOf(parameters);
        fitted = List.copyOf(fitted);
        if (parameters.size() != fitted.size()) {
            throw new IllegalArgumentException(parameters.size() + " parameters but " + fitted.size() + " values");
        }
    }

    /** The number of fitted parameters, k. */
    public int k() {
        return parameters.size();
    }
}
