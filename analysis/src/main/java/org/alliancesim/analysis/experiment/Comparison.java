package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.Moments;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two scenarios run on the same simulated families (same seed and replication numbers: common
 * random numbers), compared replication by replication.
 */
public final class Comparison {

    /**
     * The paired difference B - A of a metric.
     *
     * @param meanA mean of A over replications
     * @param meanB mean of B
     * @param difference mean of the per-replication differences
     * @param lower 95% lower bound of the difference (Student t over paired replications)
     * @param upper 95% upper bound
     * @param p two-sided p-value of the paired t-test of no difference
     * @param n replications with both values defined
     */
    public record Difference(Metric metric, double meanA, double meanB, double difference, double lower, double upper,
            double p, long n) {}

    /**
     * Dropout as a risk: pooled shares, their difference (with the paired 95% interval) and their
     * ratio (95% interval by the log method of Katz et al. 1978, on family counts; it ignores the
     * pairing and so is conservative).
     */
    public record Risk(double riskA, double riskB, double difference, double differenceLower, double differenceUpper,
            double ratio, double ratioLower, double ratioUpper) {}

    /** Cohen's d of B - A on a family-level outcome, with the pooled sd. */
    public record EffectSize(String outcome, double meanA, double meanB, double d) {}

    private Comparison() {}

    /** Paired differences of every metric. */
    public static List<Difference> paired(ExperimentResult a, ExperimentResult b) {
        List<Difference> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            out.add(paired(m, a.values(m), b.values(m)));
        }
        return out;
    }

    /** The paired difference of one metric from its per-replication values (same replication numbers). */
    public static Difference paired(Metric m, double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        List<Double> d = new ArrayList<>();
        double sa = 0;
        double sb = 0;
        int na = 0;
        int nb = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i])) {
                sa += a[i];
                na++;
            }
            if (!Double.isNaN(b[i])) {
                sb += b[i];
                nb++;
            }
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                d.add(b[i] - a[i]);
            }
        }
        double meanA = na == 0 ? Double.NaN : sa / na;
        double meanB = nb == 0 ? Double.NaN : sb / nb;
        if (d.size() < 2) {
            double only = d.isEmpty() ? Double.NaN : d.get(0);
            return new Difference(m, meanA, meanB, only, Double.NaN, Double.NaN, Double.NaN, d.size());
        }
        double[] v = d.stream().mapToDouble(Double::doubleValue).toArray();
        ConfidenceInterval ci = ConfidenceInterval.of(v, 0.95);
        double p;
        if (ci.sd() == 0) {
            p = ci.mean() == 0 ? 1 : 0;
        } else {
            double t = ci.mean() / (ci.sd() / Math.sqrt(v.length));
            p = 2 * TDistribution.of(v.length - 1).survivalProbability(Math.abs(t));
        }
        return new Difference(m, meanA, meanB, ci.mean(), ci.lower(), ci.upper(), p, v.length);
    }

    /** Dropout risk difference and ratio. */
    public static Risk dropout(ExperimentResult a, ExperimentResult b) {
        Difference d = paired(Metric.DROPOUT_SHARE, a.values(Metric.DROPOUT_SHARE), b.values(Metric.DROPOUT_SHARE));
        double na = a.families();
        double nb = b.families();
        double ea = Math.round(mean(a.values(Metric.DROPOUT_SHARE)) * na);
        double eb = Math.round(mean(b.values(Metric.DROPOUT_SHARE)) * nb);
        double ra = ea / na;
        double rb = eb / nb;
        double ratio = rb / ra;
        double se = Math.sqrt(1 / eb - 1 / nb + 1 / ea - 1 / na);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.025);
        return new Risk(ra, rb, d.difference(), d.lower(), d.upper(), ratio, ratio * Math.exp(-z * se),
                ratio * Math.exp(z * se));
    }

    /** Cohen's d: (mean B - mean A) / pooled family-level sd. */
    public static EffectSize cohensD(String outcome, Moments a, Moments b) {
        double pooled = Math.sqrt(((a.n() - 1) * a.variance() + (b.n() - 1) * b.variance()) / (a.n() + b.n() - 2));
        return new EffectSize(outcome, a.mean(), b.mean(), (b.mean() - a.mean()) / pooled);
    }

    private static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
