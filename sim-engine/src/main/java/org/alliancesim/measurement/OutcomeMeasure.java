package org.alliancesim.measurement;

import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;

/**
 * A family-functioning outcome questionnaire, scored so that higher means more difficulty (in the
 * manner of a total or mean item score such as the SCORE-15's). Its latent truth for a family is
 * {@code baseline - pointsPerImprovement * I}, where the baseline is drawn per family (normal, mean
 * {@link #baselineMean}, variance {@code reliability * baselineSd^2}) and {@code I} is the model's
 * accumulated improvement (docs/model.md: 1.0 is reliable change). An administration observes the
 * truth plus independent normal error of variance {@code (1 - reliability) * baselineSd^2}, so at
 * baseline the observed sd is {@link #baselineSd} and the reliability is exactly as configured.
 *
 * @param reliability r_xx, in (0, 1]: share of the baseline's observed variance that is true
 * @param baselineMean mean observed score at baseline in the clinical population (instrument points)
 * @param baselineSd sd of observed baseline scores (points, > 0); also SD_baseline of the reliable
 *     change index
 * @param pointsPerImprovement instrument points one unit of the model's improvement lowers the true
 *     score (> 0)
 */
public record OutcomeMeasure(
        @Doc(value = "reliability r_xx of the outcome score (default .85, an assumption of the order of family-functioning questionnaires' internal consistency)", min = 0, exclusiveMin = true, max = 1) double reliability,
        @Doc(value = "mean observed score at baseline, instrument points, higher = more difficulty (default 3.0, an assumption)", min = -1000, max = 1000) double baselineMean,
        @Doc(value = "sd of observed baseline scores, instrument points; SD_baseline of the reliable change index (default 0.7, an assumption)", min = 0, exclusiveMin = true, max = 1000) double baselineSd,
        @Doc(value = "instrument points one unit of the model's improvement lowers the true score (default 0.75: the reliable change threshold 1.96*sqrt(2)*0.7*sqrt(1-.85), so the model's reliable change is a reliable change on this instrument)", min = 0, exclusiveMin = true, max = 1000) double pointsPerImprovement) {

    /** Validates the bounds of every field. */
    public OutcomeMeasure {
        Bounds.checkAll(OutcomeMeasure.class, reliability, baselineMean, baselineSd, pointsPerImprovement);
    }

    /** Reliability .85, baseline 3.0 (sd 0.7), 0.75 points per unit of improvement. */
    public static OutcomeMeasure defaults() {
        return new OutcomeMeasure(0.85, 3.0, 0.7, 0.75);
    }

    /** The standard error of a difference of two scores, {@link ReliableChange#seDiff}. */
    public double seDiff() {
        return ReliableChange.seDiff(baselineSd, reliability);
    }
}
