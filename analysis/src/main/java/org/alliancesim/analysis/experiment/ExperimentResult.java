package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.EndReason;

/**
 * Everything a run keeps after its replications: its {@link Tally tallies} (per-replication metrics,
 * retention, the per-session series the charts draw, dropout timing, outcomes), each merged from the
 * replications' tallies of the same kind. Replications are added in replication order, so sums are
 * the same whatever the thread count. Readers read snapshots ({@link #snapshot}, or the named
 * accessors below).
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

    /** The name of the curve of every family in {@link #retention()}'s tally. */
    static final String ALL_FAMILIES = "all families";
    /** The names of the referral curves. */
    static final String VOLUNTARY = "voluntary";
    static final String INVOLUNTARY = "involuntary";

    final int sessionLimit;
    private final List<Tally.Kind<?>> kinds;
    /** The run's tally of each kind, in the order of {@link #kinds}. */
    private final List<CourseListener> tallies = new ArrayList<>();
    private final MetricsTally metrics;

    /** A result of every standard tally (what run's, compare's and validate's outputs read). */
    public ExperimentResult(int sessionLimit) {
        this(sessionLimit, Tallies.STANDARD);
    }

    /**
     * A result of the standard tallies and those of {@code extra} (for example a report's own chart:
     * {@link RetentionTally#by}); read them with {@link #snapshot}. Replications must count them
     * ({@link #sink}, or {@link Experiment.ReplicationSink#tallies}).
     */
    public static ExperimentResult with(int sessionLimit, List<Tally.Kind<?>> extra) {
        return new ExperimentResult(sessionLimit, concat(Tallies.STANDARD, extra));
    }

    private ExperimentResult(int sessionLimit, List<Tally.Kind<?>> kinds) {
        this.sessionLimit = sessionLimit;
        this.kinds = List.copyOf(kinds);
        for (Tally.Kind<?> k : this.kinds) {
            tallies.add(k.create(sessionLimit));
        }
        this.metrics = tally(MetricsTally.KIND);
    }

    private static List<Tally.Kind<?>> concat(List<Tally.Kind<?>> a, List<Tally.Kind<?>> b) {
        List<Tally.Kind<?>> out = new ArrayList<>(a);
        for (Tally.Kind<?> k : b) {
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * A result that keeps only each replication's metrics ({@link #values}, {@link #summaries},
     * {@link #replications}): for sweeps and calibration, whose outputs need nothing else. Its
     * curves, series, histograms and moments stay empty, and {@link #families()} is 0; its
     * {@link #sink} has the replications count the metrics alone.
     */
    public static ExperimentResult metricsOnly(int sessionLimit) {
        return new ExperimentResult(sessionLimit, Tallies.METRICS_ONLY);
    }

    /** The kinds of tally this result reads, which its replications must count. */
    public List<Tally.Kind<?>> kinds() {
        return kinds;
    }

    /** A sink that adds each replication to this result, and has the replications count this result's tallies. */
    public Experiment.ReplicationSink sink() {
        return new Experiment.ReplicationSink() {
            @Override
            public void accept(ReplicationData d) {
                add(d);
            }

            @Override
            public List<Tally.Kind<?>> tallies() {
                return kinds;
            }
        };
    }

    /** Adds one replication (call in replication order): merges each of its tallies into the run's. */
    public void add(ReplicationData d) {
        for (int i = 0; i < kinds.size(); i++) {
            merge(tallies.get(i), d.tally(kinds.get(i)));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void merge(CourseListener run, CourseListener replication) {
        if (run instanceof Tally t) {
            t.merge((Tally) replication);
        }
    }

    /** The snapshot of this result's tally of {@code kind}; refused when it was not made with it. */
    public <T extends Tally<T, S>, S> S snapshot(Tally.Kind<T> kind) {
        return tally(kind).snapshot();
    }

    private <T extends CourseListener> T tally(Tally.Kind<T> kind) {
        int i = kinds.indexOf(kind);
        if (i < 0) {
            throw new IllegalStateException("this result does not count " + kind.name());
        }
        @SuppressWarnings("unchecked")
        T t = (T) tallies.get(i);
        return t;
    }

    private boolean counts(Tally.Kind<?> kind) {
        return kinds.contains(kind);
    }

    /** Family-level mean and variance of an outcome, for standardised effect sizes. */
    public record Moments(double mean, double variance, long n) {}

    /** Family-level moments: "improvement", "sessions" (attended) or "alliance" (after the last session). */
    public Moments moments(String outcome) {
        OutcomeTally.Values v = snapshot(OutcomeTally.KIND);
        return switch (outcome) {
            case "improvement" -> v.improvement();
            case "sessions" -> v.sessions();
            case "alliance" -> v.alliance();
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        };
    }

    /** Replications added. */
    public int replications() {
        return metrics.replications();
    }

    /** Families over all replications (0 for a metrics-only result). */
    public long families() {
        return counts(OutcomeTally.KIND) ? snapshot(OutcomeTally.KIND).families() : 0;
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
        return metrics.values(m);
    }

    /** Kaplan-Meier retention of every family (empty for a metrics-only result). */
    public KaplanMeier retention() {
        return curve(Tallies.RETENTION, ALL_FAMILIES);
    }

    public KaplanMeier retentionVoluntary() {
        return curve(Tallies.RETENTION_BY_REFERRAL, VOLUNTARY);
    }

    public KaplanMeier retentionInvoluntary() {
        return curve(Tallies.RETENTION_BY_REFERRAL, INVOLUNTARY);
    }

    private KaplanMeier curve(Tally.Kind<RetentionTally> kind, String group) {
        return counts(kind) ? snapshot(kind).curve(group) : new KaplanMeier();
    }

    /** Mean dropouts per replication before each session (index = the session not attended). */
    public double[] dropoutsPerReplicationAtSession() {
        return counts(DropoutTimingTally.KIND) ? snapshot(DropoutTimingTally.KIND) : new double[sessionLimit + 2];
    }

    /**
     * Alliance by role over sessions (roles nobody has are left out), each series named by the role
     * as the CSVs write it ({@code other_adult}).
     */
    public List<Series> allianceByRole() {
        return counts(AllianceByRoleTally.KIND) ? snapshot(AllianceByRoleTally.KIND).byRole() : List.of();
    }

    /** Mean member alliance over sessions, all roles together (weighted by members). */
    public Series allianceAll(String name) {
        return counts(AllianceByRoleTally.KIND) ? snapshot(AllianceByRoleTally.KIND).allMembers(name)
                : new Series(name, new int[0], new double[0], new double[0], new double[0]);
    }

    /** Spread of member alliance, and the parent-minus-young gap, over sessions. */
    public List<Series> splitSeries() {
        return counts(SplitTally.KIND) ? snapshot(SplitTally.KIND) : List.of();
    }

    /** The distribution of improvement by end reason (for the box plot). */
    public Map<EndReason, Histogram> improvementByEndReason() {
        return counts(OutcomeTally.KIND) ? snapshot(OutcomeTally.KIND).improvementByEnd() : Map.of();
    }
}
