package org.alliancesim.analysis.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ValidationSpec;
import org.alliancesim.scenario.ValidationSpecs;

/**
 * Collects the validation statistics of each replication (add them in replication order, as
 * {@link org.alliancesim.analysis.experiment.Experiment} hands them on) and summarises them over
 * replications against a validation set: mean, 95% t-interval, in range or not. Keeps one number per
 * statistic and replication. Not thread-safe.
 *
 * <p>The statistics that need source-like caseloads ({@link ValidationStatistic#sourceCaseloads()}: the
 * lowest and highest therapist dropout rates) are read from a second run of the same scenario with every
 * therapist type's caseload set to {@link #SOURCE_CASELOAD} ({@link #addSourceCaseloads}, or
 * {@link #runSourceCaseloads}); without that run they are undefined (NaN).
 */
public final class ValidationSet {

    /**
     * The caseload every therapist type is given for the source-caseload statistics: the largest a
     * scenario allows (TherapistType's bound), near the source's mean of 124 (Saxon, Barkham, Foster and
     * Parry 2017). In cohort mode a type's caseload only sizes the therapist pool (ceil(families / mean
     * caseload) therapists), so each therapist sees about 100 families, binomially spread (sd about 10),
     * and every one clears {@link ValidationStatistic#MIN_CASELOAD}; no family's dynamics change.
     */
    public static final int SOURCE_CASELOAD = 100;

    /** One pattern against the model: the published range and the estimate over replications. */
    public record Row(ValidationSpec.Pattern pattern, MetricSummary estimate) {
        /** Whether the estimate's mean lies in the published range (false when undefined). */
        public boolean inRange() {
            return pattern.inRange(estimate.mean());
        }
    }

    private final List<double[]> values = new ArrayList<>();
    private final List<double[]> caseloadValues = new ArrayList<>();

    /**
     * {@code s} with every therapist type's caseload set to {@link #SOURCE_CASELOAD} (a typed edit).
     *
     * @throws ScenarioException if the scenario refuses the edit
     */
    public static Scenario sourceCaseloads(Scenario s) throws ScenarioException {
        Scenario out = s;
        for (int i = 0; i < s.model().therapists().size(); i++) {
            out = out.with("therapists[" + i + "].caseload", SOURCE_CASELOAD);
        }
        return out;
    }

    /**
     * Runs replications {@code first} to {@code first + count - 1} of {@code s} with source-like
     * caseloads ({@link #sourceCaseloads}) on {@code s}'s seed, without session detail, and adds them
     * with {@link #addSourceCaseloads}.
     *
     * @throws Exception whatever a replication throws, or the scenario's refusal of the edit
     */
    public void runSourceCaseloads(Scenario s, int first, int count, int threads) throws Exception {
        Scenario c = sourceCaseloads(s);
        Experiment.run(ExperimentPlan.of(c).replications(first, count).threads(threads).sessionDetail(false).build(),
                this::addSourceCaseloads);
    }

    /** Adds one replication of the run with source-like caseloads (its other statistics are ignored). */
    public void addSourceCaseloads(ReplicationData d) {
        ValidationStatistic[] all = ValidationStatistic.values();
        double[] v = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            v[i] = all[i].sourceCaseloads() ? all[i].of(d) : Double.NaN;
        }
        caseloadValues.add(v);
    }

    /**
     * Loads a validation set by built-in name ({@code validation}) or path.
     *
     * @throws ScenarioException listing every problem, located
     */
    public static ValidationSpec spec(String nameOrPath) throws ScenarioException {
        return ValidationSpecs.load(nameOrPath, ValidationStatistic.KEYS);
    }

    /** Adds one replication's statistics. */
    public void add(ReplicationData d) {
        ValidationStatistic[] all = ValidationStatistic.values();
        double[] v = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            v[i] = all[i].of(d);
        }
        values.add(v);
    }

    /**
     * One statistic's value in each replication added, in order: for a source-caseload statistic, the
     * replications of the source-caseload run.
     */
    public double[] values(ValidationStatistic s) {
        return (s.sourceCaseloads() ? caseloadValues : values).stream().mapToDouble(a -> a[s.ordinal()]).toArray();
    }

    /** A statistic's summary over replications (NaN replications left out). */
    public MetricSummary summary(ValidationStatistic s) {
        double[] v = Arrays.stream(values(s)).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length < 2) {
            double m = v.length == 1 ? v[0] : Double.NaN;
            return new MetricSummary(m, Double.NaN, Double.NaN, Double.NaN, v.length);
        }
        ConfidenceInterval ci = ConfidenceInterval.of(v, 0.95);
        return new MetricSummary(ci.mean(), ci.sd(), ci.lower(), ci.upper(), ci.n());
    }

    /** One row per pattern of {@code spec}, in its order. */
    public List<Row> rows(ValidationSpec spec) {
        List<Row> rows = new ArrayList<>();
        for (ValidationSpec.Pattern p : spec.patterns()) {
            rows.add(new Row(p, summary(ValidationStatistic.byKey(p.statistic()))));
        }
        return rows;
    }
}
