package org.alliancesim.measurement;

/**
 * The reliability of scores rounded to whole points, computed exactly, and the error sd that gives a
 * configured reliability (docs/measurement.md, "How reliability becomes error variance").
 *
 * <p>A latent score {@code T}, distributed as a {@link ReferenceDistribution} histogram (uniform
 * within each bin), is observed on a {@link Scale} as {@code X = round(clamp(offset + slope T + e))},
 * whole points {@code lowest..highest}, with {@code e ~ N(0, sigma^2)} independent of {@code T}.
 * Given {@code T}, {@code X} falls in point {@code k}'s cell {@code [k - 1/2, k + 1/2)} (the end
 * points take the tails) with a probability that normal CDFs give exactly, hence its conditional
 * mean {@code m(T)} and variance {@code v(T)}. Two raters (or two parallel items) are independent
 * given {@code T}, so their correlation, the reliability that inter-rater ICCs estimate (and that
 * Cronbach's alpha of parallel items steps up by Spearman-Brown), is
 * {@code Var(m(T)) / (Var(m(T)) + E[v(T)])}. The expectations over {@code T} are taken by the
 * midpoint rule within each bin, on steps of at most a sixth of {@code sigma} (on the scale), fine
 * beside the scale on which {@code m} and {@code v} change. Unlike Sheppard's correction (error
 * variance + 1/12), this holds when the error is small beside a point, where two raters' rounding
 * errors are shared and agreement rises towards 1.
 *
 * <p>Deterministic: pure double arithmetic and {@link StrictMath}, so the same bits on every
 * machine. Stateless and thread-safe.
 */
final class WholePointReliability {

    /**
     * A whole-point scale and where the latent -3..+3 score lies on it.
     *
     * @param lowest lowest point
     * @param highest highest point (> lowest)
     * @param offset the scale value of latent 0
     * @param slope scale points per latent point (> 0)
     */
    record Scale(int lowest, int highest, double offset, double slope) {}

    /** SOFTA-o ratings: the latent score itself, -3..+3. */
    static final Scale SOFTA_O = new Scale(-3, 3, 0, 1);
    /** SOFTA-s items: 3 + (2/3) T on 1..5. */
    static final Scale SOFTA_S_ITEM = new Scale(SelfReport.LOWEST, SelfReport.HIGHEST, 3, 2.0 / 3);

    /** Most grid points per bin (reached only for a sigma below a 300th of a point). */
    private static final int MOST_POINTS_PER_BIN = 2000;
    /** Bisection halvings: more than a double's bits need, so the interval stops shrinking first. */
    private static final int HALVINGS = 200;
    /** log(sqrt(2 pi)). */
    private static final double LOG_SQRT_2PI = 0.91893853320467274178;

    private WholePointReliability() {}

    /** A solved error sd: which dimension, rater (false) or self-report item (true), and the reliability. */
    private record Solved(Dimension dimension, boolean item, double reliability) {}

    /** Most solved error sds kept (a sweep over reliabilities solves a few per point; beyond this, solved anew). */
    private static final int MOST_SOLVED = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<Solved, Double> SOLVED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The error sd giving {@code reliability} on {@code d}'s SOFTA-o rating ({@code item} false) or
     * SOFTA-s item ({@code item} true) scale, at the reference distribution ({@link #errorSd}), solved
     * once per (dimension, scale, reliability) in the process: the bisection costs milliseconds, and
     * ABC-SMC makes a measurement for every simulation of a study target. The solution depends on its
     * key only, so the memo changes no value.
     */
    static double solved(Dimension d, boolean item, double reliability) {
        Solved key = new Solved(d, item, reliability);
        Double known = SOLVED.get(key);
        if (known != null) {
            return known;
        }
        double sd = errorSd(ReferenceDistribution.counts(d, item), item ? SOFTA_S_ITEM : SOFTA_O, reliability);
        if (SOLVED.size() < MOST_SOLVED) {
            SOLVED.putIfAbsent(key, sd);
        }
        return sd;
    }

    /**
     * The correlation of two independent whole-point observations of the same latent score.
     *
     * @param counts the latent score's histogram, {@link ReferenceDistribution#BINS} bins
     * @param scale the observed scale
     * @param sigma sd of the error added before rounding, in scale points (>= 0); 0 gives 1
     */
    static double reliability(int[] counts, Scale scale, double sigma) {
        if (sigma == 0) {
            return 1; // raters round the same truth alike
        }
        double width = ReferenceDistribution.WIDTH * scale.slope();
        int points = (int) Math.min(MOST_POINTS_PER_BIN, Math.max(1, StrictMath.ceil(6 * width / sigma)));
        double weights = 0;
        double meanM = 0;
        double meanM2 = 0;
        double meanV = 0;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double w = counts[b] / (double) points;
            double edge = scale.offset() + scale.slope() * (ReferenceDistribution.LOWEST + b * ReferenceDistribution.WIDTH);
            for (int i = 0; i < points; i++) {
                double t = edge + (i + 0.5) * width / points;
                // Conditional moments of X given T = t from the cells' probabilities.
                double m = 0;
                double m2 = 0;
                double below = 0;
                for (int k = scale.lowest(); k <= scale.highest(); k++) {
                    double upTo = k == scale.highest() ? 1 : normalCdf((k + 0.5 - t) / sigma);
                    double p = upTo - below;
                    m += k * p;
                    m2 += (double) k * k * p;
                    below = upTo;
                }
                weights += w;
                meanM += w * m;
                meanM2 += w * m * m;
                meanV += w * Math.max(0, m2 - m * m);
            }
        }
        meanM /= weights;
        double varM = meanM2 / weights - meanM * meanM;
        return varM / (varM + meanV / weights);
    }

    /**
     * The error sd (scale points) for which {@link #reliability} equals {@code target}: bisection,
     * reliability falling as sigma grows, until the interval is two adjacent doubles. A target of 1
     * gives 0.
     *
     * @param target the reliability wanted, in (0, 1]
     * @throws IllegalArgumentException if the target is outside (0, 1]
     */
    static double errorSd(int[] counts, Scale scale, double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("a reliability must be in (0, 1], was " + target);
        }
        if (target == 1) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (reliability(counts, scale, hi) > target) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < HALVINGS; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break; // adjacent doubles
            }
            if (reliability(counts, scale, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The standard normal CDF by Marsaglia's series (J. Stat. Softw. 11(4), 2004):
     * {@code 1/2 + phi(x) (x + x^3/3 + x^5/(3 5) + ...)}, absolute error about 1e-15; 0 or 1 beyond
     * 9 sd, where it is below 1e-18.
     */
    static double normalCdf(double x) {
        if (x < -9) {
            return 0;
        }
        if (x > 9) {
            return 1;
        }
        double q = x * x;
        double sum = x;
        double term = x;
        for (int i = 3; ; i += 2) {
            term *= q / i;
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return 0.5 + sum * StrictMath.exp(-0.5 * q - LOG_SQRT_2PI);
    }
}
