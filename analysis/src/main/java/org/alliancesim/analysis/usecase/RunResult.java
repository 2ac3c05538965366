package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.Map;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.Scenario;

/**
 * What a run produced.
 *
 * @param scenario the scenario as run: its replications are the number run (chosen by sequential
 *     stopping when {@code sequential})
 * @param experiment everything kept of the replications: per-replication values, retention, series
 * @param summaries every metric's mean, sd, 95% CI and n over replications
 * @param sequential whether the number of replications was chosen by sequential stopping
 * @param folder the results folder written, or null when none was asked for
 */
public record RunResult(Scenario scenario, ExperimentResult experiment, Map<Metric, MetricSummary> summaries,
        boolean sequential, Path folder) {

    /** Copies the summaries. */
    public RunResult {
        summaries = Map.copyOf(summaries);
    }

    /** One metric's summary. */
    public MetricSummary summary(Metric metric) {
        return summaries.get(metric);
    }

    /** Replications run. */
    public int replications() {
        return experiment.replications();
    }
}
