/**
 * The validation set of LITERATURE.md: statistics the model is held against but never fitted to
 * (therapist effects, repair and outcome, V-shaped alliance trajectories, the good-enough level),
 * each computed per replication from the tallies the replication filled on its worker thread.
 *
 * <p>Entry point: {@link org.alliancesim.analysis.validation.ValidationSet}. May depend on:
 * experiments, statistics, scenarios; not on charts, reports or adapters.
 */
package org.alliancesim.analysis.validation;
