/**
 * Replications of a model in parallel, identical for any thread count, and what they yield: per
 * replication data ({@link org.alliancesim.analysis.experiment.ReplicationData}), the families and
 * sessions CSV rows, the run's statistics as composable tallies ({@link org.alliancesim.analysis.experiment.Tally}:
 * each listens to one replication's courses and sessions, merges into the run's in replication order,
 * and is read through an immutable snapshot; metrics, retention by any grouping, alliance by role,
 * split, dropout timing, outcomes), metrics and their summaries
 * ({@link org.alliancesim.analysis.experiment.ExperimentResult}), and paired comparisons on common
 * random numbers ({@link org.alliancesim.analysis.experiment.Comparison}). A run counts only the
 * kinds of tally its result reads (a metrics-only run, the metrics alone).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.experiment.Experiment#run} of an
 * {@link org.alliancesim.analysis.experiment.ExperimentPlan} (which replications, threads, what each keeps).
 * May depend on: the model, measurement, the kernel, {@code scenario} (a plan of a scenario),
 * {@code analysis.stats}; not on charts, reports or adapters.
 */
package org.alliancesim.analysis.experiment;
