package org.alliancesim.analysis.sweep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.SweepSpec;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * The points of a sweep: a list of parameter vectors, in point-index order. Random designs draw
 * from the stream keyed (seed, 0, 0, "sweep-design"), so the same file always gives the same points.
 *
 * <p>Values are computed in decimal from the bounds as written and rounded once to the nearest
 * double: a grid from 0.1 to 0.9 in 5 steps has 0.3 (not 0.1 + 0.2 = 0.30000000000000004), and a
 * unit-cube value u becomes min + u (max - min) with u's exact binary value. Each point's values
 * are given to the scenario as they are (typed edits, no rounding).
 */
public final class Designs {

    /**
     * The most points a sweep's design may have. The design is held in memory (one array of values
     * per point), and so are the rows of points.csv when a sweep finishes; beyond a million points
     * split the study into several sweeps.
     */
    public static final int MAX_POINTS = 1_000_000;

    /** The dimensions of commons-math3's Sobol sequence (its direction numbers). */
    static final int SOBOL_DIMENSIONS = 1000;

    private Designs() {}

    /**
     * The number of points of the design, computed without making them: the product of the grid's
     * value counts, N (d + 2) for saltelli, {@code points} otherwise. Saturates at Long.MAX_VALUE.
     */
    public static long size(SweepSpec spec) {
        BigInteger n = count(spec);
        return n.bitLength() < 63 ? n.longValue() : Long.MAX_VALUE;
    }

    /**
     * Checks a sweep's design before anything runs or is allocated: at most {@link #MAX_POINTS}
     * points, and every bound and value a finite number.
     *
     * @throws IllegalArgumentException (bad input) saying which field, what was found and what is allowed
     */
    public static void check(SweepSpec spec) {
        checkSize(spec);
        int d = spec.parameters().size();
        int most = spec.design() == SweepSpec.Design.SOBOL ? SOBOL_DIMENSIONS
                : spec.design() == SweepSpec.Design.SALTELLI ? SOBOL_DIMENSIONS / 2 : Integer.MAX_VALUE;
        if (d > most) {
            throw new IllegalArgumentException("parameters: the " + spec.design().name().toLowerCase(Locale.ROOT)
                    + " design takes at most " + most + " parameters (its Sobol sequence has " + SOBOL_DIMENSIONS
                    + " dimensions" + (spec.design() == SweepSpec.Design.SALTELLI ? ", two per parameter" : "")
                    + "), found " + d + "; use design: latin_hypercube or random for more");
        }
        for (int i = 0; i < spec.parameters().size(); i++) {
            SweepSpec.Parameter p = spec.parameters().get(i);
            boolean finite = Double.isFinite(p.min()) && Double.isFinite(p.max())
                    && p.values().stream().allMatch(Double::isFinite);
            if (!finite) {
                throw new IllegalArgumentException("parameters[" + i + "]: min, max and values must be finite numbers");
            }
        }
    }

    /**
     * Checks the design's size before anything is allocated.
     *
     * @throws IllegalArgumentException (bad input) when it has more than {@link #MAX_POINTS} points
     */
    public static void checkSize(SweepSpec spec) {
        if (size(spec) > MAX_POINTS) {
            throw new IllegalArgumentException(tooLarge(spec));
        }
    }

    /** The message for a design over {@link #MAX_POINTS}: how many points, from what, and the limit. */
    static String tooLarge(SweepSpec spec) {
        String design = spec.design().name().toLowerCase(Locale.ROOT);
        String how = switch (spec.design()) {
            case GRID -> "the grid has " + String.join(" x ", spec.parameters().stream()
                    .map(p -> Integer.toString(p.values().isEmpty() ? p.steps() : p.values().size())).toList())
                    + " values = " + count(spec) + " points";
            case SALTELLI -> "the saltelli design has points (" + spec.points() + ") x (parameters + 2) = "
                    + count(spec) + " points";
            default -> "the " + design + " design has " + count(spec) + " points";
        };
        return how + "; at most " + MAX_POINTS + " are allowed (docs/sweeps.md): use fewer values, steps or points,"
                + " or several sweeps";
    }

    private static BigInteger count(SweepSpec spec) {
        return switch (spec.design()) {
            case GRID -> spec.parameters().stream()
                    .map(p -> BigInteger.valueOf(p.values().isEmpty() ? p.steps() : p.values().size()))
                    .reduce(BigInteger.ONE, BigInteger::multiply);
            case SALTELLI -> BigInteger.valueOf(spec.points()).multiply(BigInteger.valueOf(spec.parameters().size() + 2L));
            default -> BigInteger.valueOf(spec.points());
        };
    }

    /**
     * The sweep's points; each is one value per parameter, in the file's order.
     *
     * @throws IllegalArgumentException (bad input) for a design over {@link #MAX_POINTS} points,
     *     before anything is allocated
     */
    public static List<double[]> points(SweepSpec spec) {
        checkSize(spec);
        List<SweepSpec.Parameter> ps = spec.parameters();
        int d = ps.size();
        UniformRandomProvider rng = RandomStreams.of(spec.seed()).stream(0, 0, "sweep-design");
        List<double[]> unit = new ArrayList<>();
        switch (spec.design()) {
            case GRID -> {
                return grid(ps);
            }
            case RANDOM -> {
                for (int i = 0; i < spec.points(); i++) {
                    double[] u = new double[d];
                    for (int k = 0; k < d; k++) {
                        u[k] = rng.nextDouble();
                    }
                    unit.add(u);
                }
            }
            case LATIN_HYPERCUBE -> {
                int n = spec.points();
                int[][] perm = new int[d][];
                for (int k = 0; k < d; k++) {
                    perm[k] = PermutationSampler.natural(n);
                    PermutationSampler.shuffle(rng, perm[k]);
                }
                for (int i = 0; i < n; i++) {
                    double[] u = new double[d];
                    for (int k = 0; k < d; k++) {
                        u[k] = (perm[k][i] + rng.nextDouble()) / n;
                    }
                    unit.add(u);
                }
            }
            case SOBOL -> {
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
                sobol.skipTo(1); // the first point is the origin
                for (int i = 0; i < spec.points(); i++) {
                    unit.add(sobol.nextVector());
                }
            }
            case SALTELLI -> unit.addAll(saltelli(spec.points(), d));
            default -> throw new IllegalStateException("unknown design " + spec.design());
        }
        List<double[]> out = new ArrayList<>(unit.size());
        for (double[] u : unit) {
            double[] x = new double[d];
            for (int k = 0; k < d; k++) {
                BigDecimal min = BigDecimal.valueOf(ps.get(k).min());
                x[k] = min.add(new BigDecimal(u[k]).multiply(BigDecimal.valueOf(ps.get(k).max()).subtract(min)))
                        .doubleValue();
            }
            out.add(x);
        }
        return out;
    }

    /**
     * Saltelli's scheme (Saltelli et al. 2010): base matrices A and B from a 2d-dimensional Sobol
     * sequence; for each base row j the points are A_j, B_j, then AB_j^(i) (A_j with column i from
     * B_j) for i = 1..d: N (d + 2) points, row-major.
     */
    static List<double[]> saltelli(int n, int d) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        sobol.skipTo(1);
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double[] v = sobol.nextVector();
            double[] a = java.util.Arrays.copyOfRange(v, 0, d);
            double[] b = java.util.Arrays.copyOfRange(v, d, 2 * d);
            out.add(a);
            out.add(b);
            for (int i = 0; i < d; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                out.add(ab);
            }
        }
        return out;
    }

    private static List<double[]> grid(List<SweepSpec.Parameter> ps) {
        List<double[]> axes = new ArrayList<>();
        for (SweepSpec.Parameter p : ps) {
            if (!p.values().isEmpty()) {
                axes.add(p.values().stream().mapToDouble(Double::doubleValue).toArray());
            } else {
                double[] a = new double[p.steps()];
                BigDecimal min = BigDecimal.valueOf(p.min());
                BigDecimal range = BigDecimal.valueOf(p.max()).subtract(min);
                for (int i = 0; i < a.length; i++) {
                    // min + (max - min) i / (steps - 1), in decimal; the last value is max exactly.
                    a[i] = a.length == 1 ? p.min() : min.add(range.multiply(BigDecimal.valueOf(i))
                            .divide(BigDecimal.valueOf(a.length - 1L), MathContext.DECIMAL128)).doubleValue();
                }
                axes.add(a);
            }
        }
        List<double[]> out = new ArrayList<>();
        int d = axes.size();
        int[] idx = new int[d];
        while (true) {
            double[] x = new double[d];
            for (int k = 0; k < d; k++) {
                x[k] = axes.get(k)[idx[k]];
            }
            out.add(x);
            int k = d - 1;
            while (k >= 0 && ++idx[k] == axes.get(k).length) {
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    /**
     * The order in which a sweep visits its points: the bit-reversal (van der Corput) permutation of
     * 0..n-1, so that an interrupted sweep has covered the whole list evenly, not just its start.
     */
    public static int[] interleaved(int n) {
        int bits = 1;
        while ((1 << bits) < n) {
            bits++;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < (1 << bits); i++) {
            int r = Integer.reverse(i) >>> (32 - bits);
            if (r < n) {
                out[k++] = r;
            }
        }
        return out;
    }
}
