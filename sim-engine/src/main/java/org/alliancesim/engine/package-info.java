/**
 * The discrete-event kernel: a simulation clock in days, an event calendar with a documented
 * tie-breaking contract (first in, first out at equal times) and keyed random streams.
 *
 * <p>Entry points: {@link org.alliancesim.engine.Simulation} and
 * {@link org.alliancesim.engine.RandomStreams}. May depend on: Commons RNG only; it knows nothing of
 * therapy or of any other alliancesim package (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.engine;
