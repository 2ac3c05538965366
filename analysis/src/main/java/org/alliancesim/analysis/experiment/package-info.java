/**
 * Replications of a model in parallel, identical for any thread count, and what they yield: per
 * replication data ({@link org.alliancesim.analysis.experiment.ReplicationData}), the families and
 * sessions CSV rows, metrics and their summaries ({@link org.alliancesim.analysis.experiment.ExperimentResult}),
 * and paired comparisons on common random numbers ({@link org.alliancesim.analysis.experiment.Comparison}).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.experiment.Experiment#run} of an
 * {@link org.alliancesim.analysis.experiment.ExperimentPlan} (which replications, threads, what each keeps).
 * May depend on: the model, measurement, the kernel, {@code scenario} (a plan of a scenario),
 * {@code analysis.stats}; not on charts, reports or adapters.
 */
package org.alliancesim.analysis.experiment;
