package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.Role;

/**
 * Everything a run keeps after its replications: per-replication metrics, the pooled retention
 * curves, and the per-session series the charts draw. Replications are added in replication
 * order, so sums are the same whatever the thread count.
 */
public final class ExperimentResult {

    /** A metric's summary over replications. */
    public record MetricSummary(double mean, double sd, double lower, double upper, long n) {
        /** The summary of per-replication values (NaN values left out): mean, sd, t-interval, count. */
        public static MetricSummary of(double[] perReplication) {
            double[] v = java.util.Arrays.stream(perReplication).filter(x -> !Double.isNaN(x)).toArray();
            if (v.length == 0) {
                return new MetricSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            ConfidenceInterval ci = ConfidenceInterval.of(v, 0.95);
            return new MetricSummary(ci.mean(), ci.sd(), ci.lower(), ci.upper(), ci.n());
        }
    }

    /** A series over sessions: mean of replication means with a 95% interval across replications. */
    public record Series(String name, int[] sessions, double[] mean, double[] lower, double[] upper) {}

    final int sessionLimit;
    private final boolean metricsOnly;
    final List<double[]> metrics = new ArrayList<>();
    final KaplanMeier retention = new KaplanMeier();
    final KaplanMeier retentionVoluntary = new KaplanMeier();
    final KaplanMeier retentionInvoluntary = new KaplanMeier();
    final long[] dropoutsAtSession;
    /** [replication] -> [session][role] mean alliance, NaN where nobody. */
    final List<double[][]> roleAlliance = new ArrayList<>();
    final List<double[]> allMembers = new ArrayList<>();
    final List<double[]> split = new ArrayList<>();
    final List<double[]> gap = new ArrayList<>();
    /** Improvement by end reason, in constant memory (0.01-wide bins up to 20). */
    final Map<EndReason, Histogram> improvementByEnd = new EnumMap<>(EndReason.class);
    /** Family-level moments of the continuous outcomes (for effect sizes): improvement, sessions, final alliance. */
    final Mean improvementMean = Mean.create();
    final Variance improvementVariance = Variance.create();
    final Mean sessionsMean = Mean.create();
    final Variance sessionsVariance = Variance.create();
    final Mean allianceMean = Mean.create();
    final Variance allianceVariance = Variance.create();
    long allianceN;
    long families;

    public ExperimentResult(int sessionLimit) {
        this(sessionLimit, false);
    }

    private ExperimentResult(int sessionLimit, boolean metricsOnly) {
        this.sessionLimit = sessionLimit;
        this.metricsOnly = metricsOnly;
        this.dropoutsAtSession = new long[sessionLimit + 2];
    }

    /**
     * A result that keeps only each replication's metrics ({@link #values}, {@link #summaries},
     * {@link #replications}): for sweeps and calibration, whose outputs need nothing else. Its
     * curves, series, histograms and moments stay empty, and {@link #families()} is 0.
     */
    public static ExperimentResult metricsOnly(int sessionLimit) {
        return new ExperimentResult(sessionLimit, true);
    }

    /** Adds one replication (call in replication order). */
    public void add(ReplicationData d) {
        metrics.add(d.metrics());
        if (metricsOnly) {
            return;
        }
        // Retention: counted per replication on its worker thread, merged here in order.
        KaplanMeier[] curves = {retention, retentionVoluntary, retentionInvoluntary};
        for (int k = 0; k < curves.length; k++) {
            long[][] counts = d.retentionCounts[k];
            for (int t = 1; t < counts.length; t++) {
                curves[k].add(t, true, counts[t][0]);
                curves[k].add(t, false, counts[t][1]);
            }
        }
        for (int s = 0; s < Math.min(d.dropoutsAtSession.length, dropoutsAtSession.length); s++) {
            dropoutsAtSession[s] += d.dropoutsAtSession[s];
        }
        for (int i = 0; i < d.n; i++) {
            EndReason r = d.endReason(i);
            improvementByEnd.computeIfAbsent(r, k -> new Histogram(20, 2_000)).add(d.improvement[i]);
            improvementMean.accept(d.improvement[i]);
            improvementVariance.accept(d.improvement[i]);
            sessionsMean.accept(d.attended[i]);
            sessionsVariance.accept(d.attended[i]);
            if (!Double.isNaN(d.allianceLast[i])) {
                allianceMean.accept(d.allianceLast[i]);
                allianceVariance.accept(d.allianceLast[i]);
                allianceN++;
            }
        }
        families += d.n;
        int roles = Role.values().length;
        double[][] ra = new double[sessionLimit + 1][roles];
        double[] all = new double[sessionLimit + 1];
        double[] sp = new double[sessionLimit + 1];
        double[] gp = new double[sessionLimit + 1];
        for (int t = 0; t <= sessionLimit; t++) {
            for (int k = 0; k < roles; k++) {
                ra[t][k] = d.roleAllianceCount[t][k] == 0 ? Double.NaN : d.roleAllianceSum[t][k] / d.roleAllianceCount[t][k];
            }
            double sum = 0;
            long count = 0;
            for (int k = 0; k < roles; k++) {
                sum += d.roleAllianceSum[t][k];
                count += d.roleAllianceCount[t][k];
            }
            all[t] = count == 0 ? Double.NaN : sum / count;
            sp[t] = d.splitCount[t] == 0 ? Double.NaN : d.splitSum[t] / d.splitCount[t];
            gp[t] = d.gapCount[t] == 0 ? Double.NaN : d.gapSum[t] / d.gapCount[t];
        }
        roleAlliance.add(ra);
        allMembers.add(all);
        split.add(sp);
        gap.add(gp);
    }

    /** Family-level mean and variance of an outcome, for standardised effect sizes. */
    public record Moments(double mean, double variance, long n) {}

    /** Family-level moments: "improvement", "sessions" (attended) or "alliance" (after the last session). */
    public Moments moments(String outcome) {
        return switch (outcome) {
            case "improvement" -> new Moments(improvementMean.getAsDouble(), improvementVariance.getAsDouble(),
                    families);
            case "sessions" -> new Moments(sessionsMean.getAsDouble(), sessionsVariance.getAsDouble(), families);
            case "alliance" -> new Moments(allianceMean.getAsDouble(), allianceVariance.getAsDouble(), allianceN);
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        };
    }

    /** Replications added. */
    public int replications() {
        return metrics.size();
    }

    /** Families over all replications. */
    public long families() {
        return families;
    }

    /** Every metric's summary over replications. */
    public Map<Metric, MetricSummary> summaries() {
        Map<Metric, MetricSummary> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            out.put(m, MetricSummary.of(values(m)));
        }
        return out;
    }

    /** One metric's value in each replication, in replication order. */
    public double[] values(Metric m) {
        return metrics.stream().mapToDouble(a -> a[m.ordinal()]).toArray();
    }

    public KaplanMeier retention() {
        return retention;
    }

    public KaplanMeier retentionVoluntary() {
        return retentionVoluntary;
    }

    public KaplanMeier retentionInvoluntary() {
        return retentionInvoluntary;
    }

    /** Mean dropouts per replication before each session (index = the session not attended). */
    public double[] dropoutsPerReplicationAtSession() {
        double[] out = new double[dropoutsAtSession.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) dropoutsAtSession[i] / Math.max(1, replications());
        }
        return out;
    }

    /**
     * Alliance by role over sessions (roles nobody has are left out), each series named by the role
     * as the CSVs write it ({@code other_adult}).
     */
    public List<Series> allianceByRole() {
        List<Series> out = new ArrayList<>();
        for (Role role : Role.values()) {
            Series s = series(role.name().toLowerCase(java.util.Locale.ROOT),
                    r -> t -> roleAlliance.get(r)[t][role.ordinal()]);
            if (s.sessions().length > 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** Mean member alliance over sessions, all roles together (weighted by members). */
    public Series allianceAll(String name) {
        return series(name, r -> t -> allMembers.get(r)[t]);
    }

    /** Spread of member alliance, and the parent-minus-young gap, over sessions. */
    public List<Series> splitSeries() {
        List<Series> out = new ArrayList<>();
        out.add(series("spread (max - min member)", r -> t -> split.get(r)[t]));
        Series g = series("parents minus young people", r -> t -> gap.get(r)[t]);
        if (g.sessions().length > 0) {
            out.add(g);
        }
        return out;
    }

    /** The distribution of improvement by end reason (for the box plot). */
    public Map<EndReason, Histogram> improvementByEndReason() {
        return Collections.unmodifiableMap(improvementByEnd);
    }

    private interface SessionValue {
        double at(int session);
    }

    private interface ReplicationSeries {
        SessionValue of(int replication);
    }

    /**
     * Mean over replications of a per-session value with a t-interval; sessions where fewer than
     * 2 replications have a value are left out (they have no interval).
     */
    private Series series(String name, ReplicationSeries rs) {
        List<Integer> sessions = new ArrayList<>();
        List<double[]> stats = new ArrayList<>();
        for (int t = 1; t <= sessionLimit; t++) {
            List<Double> v = new ArrayList<>();
            for (int r = 0; r < replications(); r++) {
                double x = rs.of(r).at(t);
                if (!Double.isNaN(x)) {
                    v.add(x);
                }
            }
            if (v.size() >= 2) {
                ConfidenceInterval ci = ConfidenceInterval.of(v.stream().mapToDouble(Double::doubleValue).toArray(), 0.95);
                sessions.add(t);
                stats.add(new double[] {ci.mean(), ci.lower(), ci.upper()});
            }
        }
        int k = sessions.size();
        int[] s = new int[k];
        double[] mean = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = sessions.get(i);
            mean[i] = stats.get(i)[0];
            lo[i] = stats.get(i)[1];
            hi[i] = stats.get(i)[2];
        }
        return new Series(name, s, mean, lo, hi);
    }
}
