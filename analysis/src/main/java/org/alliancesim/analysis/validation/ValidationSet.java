package org.alliancesim.analysis.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.stats.ConfidenceInterval;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ValidationSpec;
import org.alliancesim.scenario.ValidationSpecs;

/**
 * Collects the validation statistics of each replication (add them in replication order, as
 * {@link org.alliancesim.analysis.experiment.Experiment} hands them on) and summarises them over
 * replications against a validation set: mean, 95% t-interval, in range or not. Keeps one number per
 * statistic and replication. Not thread-safe.
 */
public final class ValidationSet {

    /** One pattern against the model: the published range and the estimate over replications. */
    public record Row(ValidationSpec.Pattern pattern, MetricSummary estimate) {
        /** Whether the estimate's mean lies in the published range (false when undefined). */
        public boolean inRange() {
            return pattern.inRange(estimate.mean());
        }
    }

    private final List<double[]> values = new ArrayList<>();

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

    /** One statistic's value in each replication added, in order. */
    public double[] values(ValidationStatistic s) {
        return values.stream().mapToDouble(a -> a[s.ordinal()]).toArray();
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
