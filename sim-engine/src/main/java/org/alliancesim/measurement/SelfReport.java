package org.alliancesim.measurement;

import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;

/**
 * SOFTA-s self-report: each member aged about 12 and up (every role but
 * {@link org.alliancesim.model.Role#CHILD}) answers {@link #ITEMS_PER_SCALE} items per dimension
 * on a 5-point scale (1 to 5), as the SOFTA-s's 16 items do. The items of a subscale are parallel:
 * each is {@code 3 + (2/3) x} (the latent -3..+3 value mapped onto 1..5) plus independent error,
 * clamped to 1..5 and rounded. The error sd is solved so that the rounded items' correlation is the
 * item reliability {@link #itemReliability} and so the subscale's Cronbach's alpha equals the
 * configured value at the reference distribution of the respondents' latent values
 * ({@link WholePointReliability}, docs/measurement.md).
 *
 * @param engagement Cronbach's alpha of the engagement subscale, in (0, 1]
 * @param connection alpha of the emotional connection subscale, in (0, 1]
 * @param safety alpha of the safety subscale, in (0, 1]
 * @param sharedPurpose alpha of the shared purpose subscale, in (0, 1]
 */
public record SelfReport(
        @Doc(value = "Cronbach's alpha of the engagement subscale (default .80, an assumption of the order reported for SOFTA-s subscales)", min = 0, exclusiveMin = true, max = 1) double engagement,
        @Doc(value = "Cronbach's alpha of the emotional connection subscale (default .80)", min = 0, exclusiveMin = true, max = 1) double connection,
        @Doc(value = "Cronbach's alpha of the safety subscale (default .80)", min = 0, exclusiveMin = true, max = 1) double safety,
        @Doc(value = "Cronbach's alpha of the shared purpose subscale (default .80)", min = 0, exclusiveMin = true, max = 1) double sharedPurpose) {

    /** Items per subscale: the SOFTA-s has 16 items, 4 per dimension. */
    public static final int ITEMS_PER_SCALE = 4;
    /** Lowest and highest answer of an item. */
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    /** Validates the bounds of every field. */
    public SelfReport {
        Bounds.checkAll(SelfReport.class, engagement, connection, safety, sharedPurpose);
    }

    /** Alpha .80 for every subscale. */
    public static SelfReport defaults() {
        return new SelfReport(0.8, 0.8, 0.8, 0.8);
    }

    /** The configured alpha of {@code dimension}'s subscale. */
    public double alpha(Dimension dimension) {
        return switch (dimension) {
            case ENGAGEMENT -> engagement;
            case CONNECTION -> connection;
            case SAFETY -> safety;
            case SHARED_PURPOSE -> sharedPurpose;
        };
    }

    /**
     * The reliability of one item of a subscale of {@code k} parallel items with alpha
     * {@code alpha}: the Spearman-Brown formula solved for one item,
     * {@code rho = alpha / (k - (k - 1) alpha)}.
     */
    public static double itemReliability(double alpha, int k) {
        return alpha / (k - (k - 1) * alpha);
    }
}
