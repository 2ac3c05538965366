package org.alliancesim.model;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Test helper for direction tests: runs two parameter sets on the same simulated families (same
 * seed and replication numbers: common random numbers) and gives a 99% Student-t interval of the
 * per-replication difference B - A of a statistic.
 *
 * <p>Error budget: an interval excluding 0 in the expected direction is what each direction test
 * asserts; with 99% intervals a true null would pass such a one-sided check with probability
 * about 0.5%. An ablation asserts the opposite, an interval containing 0: a true null fails it
 * with probability 1% (and when the two arms are identical, every difference is 0 and so is the
 * interval). Seeds are fixed, so outcomes are deterministic.
 */
final class Paired {

    final double meanA;
    final double meanB;
    final double diff;
    final double lower;
    final double upper;
    final int reps;

    private Paired(double meanA, double meanB, double[] d) {
        this.meanA = meanA;
        this.meanB = meanB;
        this.reps = d.length;
        double m = 0;
        for (double x : d) {
            m += x;
        }
        m /= d.length;
        double ss = 0;
        for (double x : d) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / (d.length - 1));
        double half = TDistribution.of(d.length - 1).inverseSurvivalProbability(0.005) * sd / Math.sqrt(d.length);
        this.diff = m;
        this.lower = m - half;
        this.upper = m + half;
    }

    static Paired of(ModelParameters a, ModelParameters b, ToDoubleFunction<CourseTally> statistic, int reps,
            long seed) {
        return of(a, b, statistic, reps, seed, false);
    }

    static Paired of(ModelParameters a, ModelParameters b, ToDoubleFunction<CourseTally> statistic, int reps,
            long seed, boolean detail) {
        RandomStreams streams = RandomStreams.of(seed);
        double[] d = new double[reps];
        double sa = 0;
        double sb = 0;
        for (int r = 0; r < reps; r++) {
            double va = statistic.applyAsDouble(one(a, streams, r, detail));
            double vb = statistic.applyAsDouble(one(b, streams, r, detail));
            sa += va;
            sb += vb;
            d[r] = vb - va;
        }
        return new Paired(sa / reps, sb / reps, d);
    }

    private static CourseTally one(ModelParameters p, RandomStreams streams, int r, boolean detail) {
        CourseTally t = new CourseTally();
        t.memberSessions = Replication.run(p, streams, r, t, detail).memberSessions();
        return t;
    }

    boolean positive() {
        return lower > 0;
    }

    boolean negative() {
        return upper < 0;
    }

    /** Whether the interval contains 0: no effect detected (an ablation's expectation). */
    boolean containsZero() {
        return lower <= 0 && upper >= 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "A=%.4f B=%.4f B-A=%.4f, 99%% CI [%.4f, %.4f], %d paired replications",
                meanA, meanB, diff, lower, upper, reps);
    }
}
