package org.alliancesim.measurement;

/**
 * The reference distributions of the latent SOFTA dimensions, from which a configured reliability
 * becomes an error sd ({@link WholePointReliability}). Reliability is var(true) / (var(true) +
 * var(error)), and for whole-point scores it depends on the shape of the latent distribution too
 * (how much of it lies near the rounding boundaries), so the measurement layer keeps histograms of
 * the latent values: bins of {@link #WIDTH} points from {@link #LOWEST} to +3 (the last bin includes
 * +3), counts as measured across sessions 1 and 3 (the default schedule: early alliance, where
 * studies rate and where reliabilities are reported) of the default scenario, seed 20261125,
 * replications 0-19. Each instrument has its own population: SOFTA-o rates every member (shared
 * purpose: once per family-session, 96,289 member-sessions and 33,529 family-sessions); the SOFTA-s
 * is filled in by members aged 12 and up (78,765 member-sessions, shared purpose counted once per
 * respondent). A test ({@code ReferenceDistributionTest}) re-measures the counts and fails when the
 * model's dynamics move them. A sample whose latent spread is wider (later sessions, another
 * population) shows a higher reliability, as real samples do.
 */
public final class ReferenceDistribution {

    /** Lower edge of the first bin (SOFTA points). */
    public static final double LOWEST = -3;
    /** Width of a bin (SOFTA points). */
    public static final double WIDTH = 0.1;
    /** Number of bins, covering -3..+3. */
    public static final int BINS = 60;

    /** SOFTA-o: counts per bin, by dimension (member-sessions; shared purpose: family-sessions). */
    private static final int[][] RATED = {
        // engagement
        {162, 103, 145, 262, 358, 283, 250, 299, 294, 378, 378, 421, 467, 494, 541, 588, 623, 622, 732, 760, 788, 908,
            908, 1104, 1221, 1313, 1451, 1731, 1900, 2151, 2442, 2807, 3013, 3403, 3789, 4184, 4529, 4900, 4974, 5174,
            5091, 4978, 4641, 4335, 3860, 3254, 2611, 1981, 1577, 1106, 720, 500, 328, 211, 131, 65, 21, 18, 9, 2},
        // connection
        {298, 136, 244, 384, 739, 485, 371, 354, 401, 456, 471, 539, 544, 552, 595, 567, 626, 603, 684, 739, 843, 929,
            995, 1109, 1278, 1529, 1728, 2043, 2391, 2705, 3110, 3636, 4062, 4399, 4834, 5244, 5407, 5531, 5619, 5376,
            4862, 4307, 3682, 3026, 2347, 1776, 1211, 880, 594, 418, 275, 169, 95, 48, 22, 11, 4, 4, 2, 0},
        // safety
        {429, 224, 341, 624, 1233, 875, 394, 450, 516, 518, 486, 547, 562, 537, 538, 559, 569, 638, 709, 754, 840,
            908, 1052, 1366, 1385, 1655, 2091, 2501, 2947, 3325, 3890, 4348, 4769, 5135, 5468, 5719, 5773, 5389, 5248,
            4703, 4016, 3217, 2554, 1974, 1489, 1034, 708, 481, 337, 181, 117, 82, 45, 18, 13, 4, 3, 1, 0, 0},
        // shared purpose
        {0, 1, 1, 3, 10, 24, 37, 54, 78, 133, 186, 265, 315, 373, 449, 497, 513, 542, 499, 553, 615, 628, 755, 795,
            954, 1173, 1309, 1556, 1785, 2122, 2242, 2334, 2212, 2224, 2040, 1702, 1421, 1048, 821, 500, 334, 189,
            112, 64, 32, 13, 11, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
    };

    /** SOFTA-s: counts per bin, by dimension (member-sessions of members aged 12 and up). */
    private static final int[][] RESPONDENTS = {
        // engagement
        {154, 95, 135, 236, 343, 266, 236, 278, 268, 354, 341, 384, 425, 436, 489, 521, 559, 556, 639, 659, 668, 775,
            769, 942, 1035, 1086, 1180, 1420, 1507, 1679, 1939, 2198, 2325, 2571, 3012, 3180, 3460, 3738, 3863, 4050,
            4051, 3999, 3819, 3596, 3234, 2844, 2322, 1763, 1449, 1031, 672, 468, 308, 202, 122, 64, 21, 18, 9, 2},
        // connection
        {288, 125, 222, 348, 686, 452, 342, 328, 363, 412, 418, 478, 498, 486, 523, 501, 547, 531, 592, 634, 718, 780,
            813, 896, 1028, 1233, 1357, 1622, 1882, 2067, 2395, 2802, 3105, 3417, 3702, 4002, 4202, 4374, 4542, 4388,
            4022, 3623, 3170, 2672, 2106, 1612, 1094, 820, 558, 391, 261, 159, 89, 47, 22, 10, 4, 4, 2, 0},
        // safety
        {417, 206, 297, 553, 1127, 805, 358, 400, 454, 476, 437, 490, 504, 470, 476, 490, 480, 530, 609, 646, 691,
            738, 863, 1115, 1116, 1319, 1639, 1970, 2291, 2571, 3008, 3303, 3619, 3946, 4243, 4452, 4586, 4326, 4353,
            3957, 3422, 2782, 2290, 1802, 1335, 950, 652, 443, 315, 168, 113, 80, 45, 16, 13, 4, 3, 1, 0, 0},
        // shared purpose
        {0, 2, 2, 6, 20, 48, 74, 108, 156, 266, 373, 531, 634, 748, 906, 1007, 1039, 1117, 1034, 1193, 1371, 1415,
            1803, 1942, 2376, 2956, 3277, 3873, 4436, 5213, 5442, 5633, 5265, 5273, 4783, 3977, 3310, 2442, 1891,
            1138, 754, 415, 242, 142, 67, 30, 23, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
    };

    private ReferenceDistribution() {}

    /**
     * The counts per bin of {@code d}'s latent values in the population of the SOFTA-s
     * ({@code selfReport}) or of SOFTA-o; a copy.
     */
    public static int[] counts(Dimension d, boolean selfReport) {
        return (selfReport ? RESPONDENTS : RATED)[d.ordinal()].clone();
    }

    /** The bin of latent value {@code x}: values outside -3..+3 fall in the end bins. */
    public static int bin(double x) {
        return (int) Math.min(BINS - 1, Math.max(0, Math.floor((x - LOWEST) / WIDTH)));
    }

    /** The mean of the histogram (values at their bins' centres), for documentation and tests. */
    public static double mean(Dimension d, boolean selfReport) {
        int[] c = (selfReport ? RESPONDENTS : RATED)[d.ordinal()];
        double n = 0;
        double sum = 0;
        for (int i = 0; i < BINS; i++) {
            n += c[i];
            sum += c[i] * (LOWEST + (i + 0.5) * WIDTH);
        }
        return sum / n;
    }

    /** The variance of the histogram (values at their bins' centres, Sheppard-uncorrected). */
    public static double variance(Dimension d, boolean selfReport) {
        int[] c = (selfReport ? RESPONDENTS : RATED)[d.ordinal()];
        double m = mean(d, selfReport);
        double n = 0;
        double ss = 0;
        for (int i = 0; i < BINS; i++) {
            double x = LOWEST + (i + 0.5) * WIDTH - m;
            n += c[i];
            ss += c[i] * x * x;
        }
        return ss / n;
    }
}
