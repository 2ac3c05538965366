package org.alliancesim.analysis.experiment;

import java.util.List;
import org.alliancesim.model.Referral;

/** The tallies of a full run (what {@link ExperimentResult}'s readers read), declared once. */
final class Tallies {

    /** Every family that started, one curve. */
    static final Tally.Kind<RetentionTally> RETENTION = RetentionTally.by("all", c -> ExperimentResult.ALL_FAMILIES);

    /** Voluntary and involuntary referrals apart. */
    static final Tally.Kind<RetentionTally> RETENTION_BY_REFERRAL = RetentionTally.by("referral",
            c -> c.referral() == Referral.INVOLUNTARY ? ExperimentResult.INVOLUNTARY : ExperimentResult.VOLUNTARY);

    /** What every full run counts: metrics, retention, alliance by role, split, dropout timing, outcomes, patterns. */
    static final List<Tally.Kind<?>> STANDARD = List.of(MetricsTally.KIND, RETENTION, RETENTION_BY_REFERRAL,
            AllianceByRoleTally.KIND, SplitTally.KIND, DropoutTimingTally.KIND, OutcomeTally.KIND, PatternTally.KIND);

    /** What a metrics-only run counts. */
    static final List<Tally.Kind<?>> METRICS_ONLY = List.of(MetricsTally.KIND);

    private Tallies() {}
}
