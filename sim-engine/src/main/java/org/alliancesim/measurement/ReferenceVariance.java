package org.alliancesim.measurement;

/**
 * How reliability becomes error variance. Reliability is var(true) / (var(true) + var(error)), so
 * an error variance needs the variance of the latent score; these are the reference variances of
 * the SOFTA dimensions, measured across the member-sessions (shared purpose: family-sessions) of
 * sessions 1 and 3 (the default schedule: early alliance, where studies rate and where reliabilities
 * are reported) of the default scenario, seed 20261125, replications 0-19 (about 96,000
 * member-sessions); a test ({@code ReferenceVarianceTest}) re-measures them. A sample whose latent
 * spread is wider (later sessions, another population) shows a higher reliability, as real samples
 * do. Rounding an observation to whole points adds
 * about 1/12 to its error variance (Sheppard's correction, for a latent sd near 1 or more), so the
 * error variance drawn is that much smaller, and never below 0: the rounded score then has the
 * configured reliability at the reference variance, up to the ceiling
 * {@code V / (V + 1/12)} that rounding alone allows (docs/measurement.md).
 */
public final class ReferenceVariance {

    /** Variance of member engagement (SOFTA points squared). */
    public static final double ENGAGEMENT = 0.96;
    /** Variance of member emotional connection. */
    public static final double CONNECTION = 0.94;
    /** Variance of member safety. */
    public static final double SAFETY = 0.98;
    /** Variance of family shared purpose. */
    public static final double SHARED_PURPOSE = 0.51;
    /** Variance that rounding to whole points adds (a uniform error on one point's width). */
    public static final double ROUNDING = 1.0 / 12;

    private ReferenceVariance() {}

    /** The reference variance of {@code d}. */
    public static double of(Dimension d) {
        return switch (d) {
            case ENGAGEMENT -> ENGAGEMENT;
            case CONNECTION -> CONNECTION;
            case SAFETY -> SAFETY;
            case SHARED_PURPOSE -> SHARED_PURPOSE;
        };
    }

    /**
     * The sd of the error to add before rounding so that a score with true variance
     * {@code trueVariance} has reliability {@code reliability} once rounded to whole points:
     * {@code sqrt(max(0, V (1 - r) / r - 1/12))}.
     */
    public static double errorSd(double trueVariance, double reliability) {
        return Math.sqrt(Math.max(0, trueVariance * (1 - reliability) / reliability - ROUNDING));
    }

    /** The highest reliability a whole-point score of true variance {@code trueVariance} can have. */
    public static double ceiling(double trueVariance) {
        return trueVariance / (trueVariance + ROUNDING);
    }
}
