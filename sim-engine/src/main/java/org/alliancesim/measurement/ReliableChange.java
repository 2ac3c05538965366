package org.alliancesim.measurement;

/**
 * The reliable change index of Jacobson and Truax (1991): {@code RCI = (post - pre) / SE_diff}
 * with {@code SE_diff = sqrt(2) * SD_baseline * sqrt(1 - r_xx)}. The outcome scores higher for more
 * difficulty, so improvement is a fall: a family has reliably improved when
 * {@code RCI < -}{@link #CRITICAL}, reliably deteriorated when {@code RCI > }{@link #CRITICAL}.
 */
public final class ReliableChange {

    /** The two-sided 5% critical value of the standard normal. */
    public static final double CRITICAL = 1.96;

    private ReliableChange() {}

    /** The standard error of the difference of two scores; 0 when {@code reliability} is 1. */
    public static double seDiff(double sdBaseline, double reliability) {
        return Math.sqrt(2) * sdBaseline * Math.sqrt(1 - reliability);
    }

    /**
     * The index; NaN when either score is missing (NaN); an infinity (or NaN for no change) when
     * the reliability is 1.
     */
    public static double index(double pre, double post, double sdBaseline, double reliability) {
        return (post - pre) / seDiff(sdBaseline, reliability);
    }

    /** Whether {@code rci} shows reliable improvement (a fall beyond {@link #CRITICAL}). */
    public static boolean improved(double rci) {
        return rci < -CRITICAL;
    }
}
