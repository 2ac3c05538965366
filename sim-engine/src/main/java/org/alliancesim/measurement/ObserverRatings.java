package org.alliancesim.measurement;

import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;

/**
 * SOFTA-o observer ratings (Friedlander, Escudero and Heatherington 2006): trained raters watch a
 * session and rate each member's engagement, emotional connection and safety, and the family's
 * shared sense of purpose, in whole points from -3 to +3.
 *
 * <p>A rating is the latent value plus the rater's leniency (a constant per rater and replication)
 * plus independent error, clamped to -3..+3 and rounded to a whole point. Each dimension's
 * reliability is the single rater's inter-rater ICC (leniency aside) at the reference distribution
 * of the latent values: the error sd is solved so that whole-point ratings have exactly that
 * correlation ({@link WholePointReliability}, docs/measurement.md). Defaults: the inter-judge ICCs
 * of the SOFTA-o manual (about .89 engagement, .88 connection, .74 safety, .95 shared purpose).
 *
 * @param raters raters who rate each scheduled session independently, 1 to {@link #MAX_RATERS}
 * @param engagement reliability of one rater's engagement rating, in (0, 1]
 * @param connection reliability of one rater's emotional connection rating, in (0, 1]
 * @param safety reliability of one rater's safety rating, in (0, 1]
 * @param sharedPurpose reliability of one rater's shared purpose rating, in (0, 1]
 * @param leniencySd standard deviation of the raters' leniency (SOFTA points), drawn once per
 *     rater and replication; 0 for raters without a rater effect
 */
public record ObserverRatings(
        @Doc(value = "raters who rate each scheduled session independently (default 2)", min = 1, max = 3) int raters,
        @Doc(value = "reliability (inter-rater ICC of one rater) of engagement ratings; default .89, the SOFTA-o manual's inter-judge ICC", min = 0, exclusiveMin = true, max = 1) double engagement,
        @Doc(value = "reliability of emotional connection ratings; default .88 (SOFTA-o manual)", min = 0, exclusiveMin = true, max = 1) double connection,
        @Doc(value = "reliability of safety ratings; default .74 (SOFTA-o manual)", min = 0, exclusiveMin = true, max = 1) double safety,
        @Doc(value = "reliability of shared purpose ratings; default .95 (SOFTA-o manual)", min = 0, exclusiveMin = true, max = 1) double sharedPurpose,
        @Doc(value = "sd of each rater's leniency in SOFTA points, a constant per rater and replication; it lowers agreement below the configured reliabilities (default 0: the defaults reproduce the manual's ICCs)", min = 0, max = 3) double leniencySd) {

    /** Most raters a session can have. */
    public static final int MAX_RATERS = 3;

    /** Validates the bounds of every field. */
    public ObserverRatings {
        Bounds.checkAll(ObserverRatings.class, raters, engagement, connection, safety, sharedPurpose, leniencySd);
    }

    /** Two raters, the manual's ICCs, no leniency. */
    public static ObserverRatings defaults() {
        return new ObserverRatings(2, 0.89, 0.88, 0.74, 0.95, 0);
    }

    /** The reliability of {@code dimension}. */
    public double reliability(Dimension dimension) {
        return switch (dimension) {
            case ENGAGEMENT -> engagement;
            case CONNECTION -> connection;
            case SAFETY -> safety;
            case SHARED_PURPOSE -> sharedPurpose;
        };
    }
}
