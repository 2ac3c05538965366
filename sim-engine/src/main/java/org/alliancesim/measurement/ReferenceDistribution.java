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
 * purpose: once per family-session, 98,012 member-sessions and 34,134 family-sessions); the SOFTA-s
 * is filled in by members aged 12 and up (80,144 member-sessions, shared purpose counted once per
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
        {161, 85, 137, 243, 343, 258, 232, 270, 305, 357, 371, 420, 453, 454, 551, 557, 604, 639, 727, 762, 779, 869,
            900, 1081, 1175, 1315, 1465, 1663, 1858, 2168, 2456, 2782, 2996, 3427, 3783, 4209, 4621, 4925, 5100,
            5258, 5321, 5243, 4802, 4525, 4015, 3484, 2769, 2034, 1666, 1209, 783, 545, 361, 232, 138, 73, 23, 19, 9,
            2},
        // connection
        {273, 130, 209, 381, 692, 483, 347, 346, 420, 441, 453, 531, 527, 545, 575, 573, 610, 615, 707, 677, 848,
            896, 956, 1121, 1276, 1508, 1708, 2028, 2389, 2710, 3129, 3557, 4071, 4503, 4899, 5330, 5419, 5751, 5776,
            5594, 5081, 4505, 3891, 3142, 2489, 1870, 1341, 924, 649, 456, 275, 192, 97, 47, 24, 14, 5, 4, 2, 0},
        // safety
        {404, 197, 346, 611, 1212, 833, 400, 434, 505, 508, 495, 517, 552, 561, 533, 564, 553, 642, 702, 731, 837,
            895, 1058, 1294, 1418, 1652, 2043, 2470, 2969, 3312, 3858, 4370, 4849, 5230, 5609, 5792, 6035, 5608,
            5350, 4937, 4195, 3392, 2646, 2076, 1580, 1102, 758, 509, 358, 208, 126, 87, 43, 24, 14, 4, 3, 1, 0, 0},
        // shared purpose
        {0, 1, 1, 3, 6, 22, 36, 44, 80, 117, 180, 244, 327, 361, 439, 486, 533, 561, 548, 528, 638, 654, 763, 825,
            971, 1154, 1353, 1562, 1819, 2104, 2282, 2376, 2256, 2291, 2118, 1742, 1469, 1099, 842, 528, 336, 195,
            114, 66, 30, 14, 10, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
    };

    /** SOFTA-s: counts per bin, by dimension (member-sessions of members aged 12 and up). */
    private static final int[][] RESPONDENTS = {
        // engagement
        {153, 78, 127, 221, 323, 245, 219, 255, 276, 336, 339, 378, 415, 403, 494, 498, 545, 571, 646, 662, 670, 726,
            761, 916, 996, 1103, 1201, 1364, 1495, 1698, 1919, 2181, 2309, 2608, 2990, 3241, 3526, 3759, 3915, 4107,
            4190, 4223, 3928, 3771, 3363, 3044, 2448, 1811, 1527, 1120, 731, 505, 340, 221, 129, 71, 23, 19, 9, 2},
        // connection
        {263, 119, 186, 345, 649, 448, 323, 316, 382, 400, 403, 468, 481, 488, 500, 512, 537, 536, 615, 594, 713,
            752, 778, 919, 1015, 1221, 1349, 1606, 1913, 2065, 2416, 2736, 3123, 3463, 3732, 4082, 4194, 4540, 4631,
            4561, 4211, 3802, 3338, 2777, 2217, 1695, 1212, 856, 609, 430, 256, 182, 91, 46, 24, 13, 5, 4, 2, 0},
        // safety
        {393, 176, 304, 544, 1113, 769, 367, 379, 448, 456, 446, 463, 491, 506, 470, 485, 470, 554, 592, 619, 697,
            722, 858, 1058, 1153, 1336, 1580, 1956, 2313, 2560, 2992, 3324, 3680, 4012, 4346, 4491, 4765, 4507, 4438,
            4155, 3579, 2915, 2357, 1894, 1417, 1006, 703, 468, 331, 194, 121, 84, 43, 22, 14, 4, 3, 1, 0, 0},
        // shared purpose
        {0, 2, 2, 6, 12, 44, 72, 88, 160, 234, 360, 489, 657, 723, 884, 985, 1080, 1149, 1136, 1139, 1419, 1469,
            1811, 2009, 2408, 2892, 3385, 3897, 4499, 5175, 5543, 5738, 5378, 5442, 4962, 4060, 3418, 2563, 1939,
            1198, 766, 428, 246, 147, 63, 32, 21, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}
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
