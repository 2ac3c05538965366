package org.alliancesim.analysis.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.experiment.TherapistTally;
import org.alliancesim.analysis.stats.RandomInterceptLinear;
import org.alliancesim.analysis.stats.Spearman;

/**
 * The statistics of the validation set, each one replication's value (NaN where undefined);
 * docs/calibration.md defines them. None is a {@link org.alliancesim.analysis.experiment.Metric}:
 * a calibration targets file cannot name them.
 */
public enum ValidationStatistic {

    /**
     * Lowest dropout share among therapists with at least {@link #MIN_CASELOAD} families (NaN when no
     * therapist has that many).
     */
    THERAPIST_DROPOUT_RATE_LOWEST("therapist_dropout_rate_lowest",
            d -> Arrays.stream(rates(d.therapists())).min().orElse(Double.NaN), true),
    /** Highest dropout share among therapists with at least {@link #MIN_CASELOAD} families. */
    THERAPIST_DROPOUT_RATE_HIGHEST("therapist_dropout_rate_highest",
            d -> Arrays.stream(rates(d.therapists())).max().orElse(Double.NaN), true),
    /**
     * Therapists' share of improvement variance, var_u / (var_u + var_e), of a random-intercept linear
     * model fitted by REML (as lme4's lmer) with the replication's therapists as clusters.
     */
    THERAPIST_IMPROVEMENT_ICC("therapist_improvement_icc", d -> improvementIcc(d.therapists())),
    /**
     * Spearman's rho, over therapists with at least {@link #MIN_FAMILIES} families, between the dropout
     * share and the deterioration proxy: the share of the therapist's families who did not drop out
     * and ended without reliable improvement (the model's improvement never falls).
     */
    THERAPIST_DROPOUT_DETERIORATION_RHO("therapist_dropout_deterioration_rho",
            d -> dropoutDeteriorationRho(d.therapists())),
    /** Pearson's r between a family's repaired share of its ruptures and its improvement. */
    REPAIR_IMPROVEMENT_R("repair_improvement_r", d -> d.patterns().repairOutcomeR()),
    /** Share of completers (3 sessions or more) whose family alliance is V-shaped. */
    V_SHAPED_SHARE("v_shaped_share", d -> d.patterns().vShapedShare()),
    /** Mean improvement of V-shaped completers minus the other completers'. */
    V_SHAPED_GAIN_DIFFERENCE("v_shaped_gain_difference", d -> d.patterns().vShapedGain()),
    /** Pearson's r between sessions attended and improvement per session, over completers. */
    GOOD_ENOUGH_RATE_BY_LENGTH_R("good_enough_rate_by_length_r", d -> d.patterns().rateByLengthR());

    /**
     * Fewest families a therapist needs to count in the rho statistic (a rank correlation of two rates,
     * each needing a few families).
     */
    public static final int MIN_FAMILIES = 10;

    /**
     * Fewest families a therapist needs to count in the lowest and highest dropout rates: caseloads like
     * the source's. Saxon, Barkham, Foster and Parry 2017 report rates of 1.2% and 73.2% among 85
     * therapists with 10,521 patients (124 on average); a rate that rounds to 73.2% needs a caseload of
     * at least 41 (30 of 41), one that rounds to 1.2% at least 81 (1 of 81). Extremes of rates over
     * smaller caseloads are wider by binomial noise alone, so smaller caseloads are not comparable.
     */
    public static final int MIN_CASELOAD = 41;

    /** Every statistic's key. */
    public static final Set<String> KEYS = Arrays.stream(values()).map(ValidationStatistic::key)
            .collect(Collectors.toUnmodifiableSet());

    private final String key;
    private final ToDoubleFunction<ReplicationData> value;
    private final boolean sourceCaseloads;

    ValidationStatistic(String key, ToDoubleFunction<ReplicationData> value) {
        this(key, value, false);
    }

    ValidationStatistic(String key, ToDoubleFunction<ReplicationData> value, boolean sourceCaseloads) {
        this.key = key;
        this.value = value;
        this.sourceCaseloads = sourceCaseloads;
    }

    /**
     * Whether the statistic is measured on the scenario with source-like caseloads
     * ({@link ValidationSet#sourceCaseloads}) rather than on the scenario itself: the lowest and highest
     * rates, which need caseloads of at least {@link #MIN_CASELOAD}.
     */
    public boolean sourceCaseloads() {
        return sourceCaseloads;
    }

    /** The key used in validation files and outputs. */
    public String key() {
        return key;
    }

    /** This statistic in one replication. */
    public double of(ReplicationData d) {
        return value.applyAsDouble(d);
    }

    /**
     * The statistic of a key.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public static ValidationStatistic byKey(String key) {
        for (ValidationStatistic s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown validation statistic " + key);
    }

    static double improvementIcc(TherapistTally t) {
        int k = t.therapists();
        int[] n = new int[k];
        double[] sum = new double[k];
        double[] squares = new double[k];
        for (int i = 0; i < k; i++) {
            n[i] = t.families(i);
            sum[i] = t.improvementSum(i);
            squares[i] = t.improvementSquares(i);
        }
        try {
            return RandomInterceptLinear.fitSummaries(n, sum, squares).icc().value();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    static double[] rates(TherapistTally t) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < t.therapists(); i++) {
            if (t.families(i) >= MIN_CASELOAD) {
                out.add((double) t.dropouts(i) / t.families(i));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double dropoutDeteriorationRho(TherapistTally t) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < t.therapists(); i++) {
            if (t.families(i) >= MIN_FAMILIES && t.stayers(i) > 0) {
                pairs.add(new double[] {(double) t.dropouts(i) / t.families(i),
                        (double) t.stayersUnimproved(i) / t.stayers(i)});
            }
        }
        return Spearman.rho(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
    }
}
