package org.alliancesim.analysis.experiment;

import java.util.List;

/**
 * The statistics computed for each replication; summaries give their mean, sd, 95% CI and n over
 * replications. docs/outputs.md defines each one.
 */
public enum Metric {
    DROPOUT_SHARE("dropout_share", "dropout share", "share of families whose course ended in dropout"),
    EARLY_DROPOUT_SHARE("early_dropout_share", "early dropout share",
            "share of dropouts who left after attending 1 or 2 sessions"),
    MEDIAN_SESSIONS("median_sessions", "median sessions", "median sessions attended over all families"),
    MEAN_SESSIONS("mean_sessions", "mean sessions", "mean sessions attended"),
    COMPLETION_SHARE("completion_share", "completion", "share completed: goals met or session limit"),
    GOALS_MET_SHARE("goals_met_share", "goals met", "share whose improvement reached their own goal"),
    MEAN_IMPROVEMENT("mean_improvement", "mean improvement", "mean improvement over all families"),
    RELIABLE_IMPROVEMENT_SHARE("reliable_improvement_share", "reliably improved",
            "share whose improvement reached the reliable-change threshold"),
    IMPROVED_BY_SESSION_8("improved_by_session_8", "improved by session 8",
            "among families who attended 8 sessions or improved reliably within 8, the share improved by session 8"),
    ALLIANCE_SESSION_1("alliance_session_1", "alliance, session 1", "mean family alliance after session 1"),
    ALLIANCE_SESSION_3("alliance_session_3", "alliance, session 3",
            "mean family alliance after session 3, families who attended 3"),
    ALLIANCE_FINAL("alliance_final", "alliance, final", "mean family alliance after each family's last session"),
    RUPTURES_PER_FAMILY("ruptures_per_family", "ruptures per family", "member ruptures per family"),
    REPAIRED_SHARE("repaired_share", "repaired ruptures", "share of ruptures repaired"),
    SPLIT_MAX("split_max", "largest split", "mean over families of the largest spread of member alliance"),
    WAITLIST_DROPOUT_SHARE("waitlist_dropout_share", "waitlist dropout", "share who left the waitlist (clinic mode)"),
    CENSORED_SHARE("censored_share", "censored", "share still waiting or in treatment at the horizon"),
    DROPOUT_SHARE_INVOLUNTARY("dropout_share_involuntary", "dropout, involuntary",
            "dropout share among involuntarily referred families"),
    DROPOUT_SHARE_VOLUNTARY("dropout_share_voluntary", "dropout, voluntary",
            "dropout share among voluntarily referred families"),
    THERAPIST_DROPOUT_ICC("therapist_dropout_icc", "therapist dropout ICC",
            "therapists' share of dropout variance on the latent scale, var_u / (var_u + pi^2/3), of a random-intercept "
                    + "logistic model (Laplace, as lme4's glmer) with the replication's therapists as clusters");

    /**
     * The headline metrics, in the order the command line prints them (run's summary table,
     * compare's differences).
     */
    public static final List<Metric> TABLE = List.of(DROPOUT_SHARE, EARLY_DROPOUT_SHARE, MEDIAN_SESSIONS,
            COMPLETION_SHARE, MEAN_IMPROVEMENT, ALLIANCE_SESSION_1, ALLIANCE_SESSION_3, ALLIANCE_FINAL);

    /** The metric whose {@link #key()} is {@code key}, or null. */
    /** Every metric's key as summary.json, sweep and targets files name it, in sorted order. */
    public static final java.util.SortedSet<String> KEYS = java.util.Collections.unmodifiableSortedSet(
            java.util.Arrays.stream(values()).map(Metric::key)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));

    public static Metric byKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }

    private final String key;
    private final String label;
    private final String definition;

    Metric(String key, String label, String definition) {
        this.key = key;
        this.label = label;
        this.definition = definition;
    }

    /**
     * The smallest value one replication's statistic can take: 0 for shares, sessions, improvement
     * (which only accumulates), ruptures and spreads; no bound for the alliance means.
     */
    public double min() {
        return this == ALLIANCE_SESSION_1 || this == ALLIANCE_SESSION_3 || this == ALLIANCE_FINAL
                ? Double.NEGATIVE_INFINITY : 0;
    }

    /** The largest value one replication's statistic can take: 1 for shares, else no bound. */
    public double max() {
        return key.endsWith("_share") || key.startsWith("dropout_share") || this == IMPROVED_BY_SESSION_8 ? 1
                : Double.POSITIVE_INFINITY;
    }

    /** snake_case name used in summary.json and CSV. */
    public String key() {
        return key;
    }

    /** Short label for tables and charts. */
    public String label() {
        return label;
    }

    /** One-line definition. */
    public String definition() {
        return definition;
    }
}
