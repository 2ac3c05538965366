/**
 * Parameter sweeps: designs (grid, random, Latin hypercube, Sobol, Saltelli), crash-safe runs that
 * resume, shards and their merge, and Slurm job-array scripts.
 *
 * <p>Entry points: {@link org.alliancesim.analysis.sweep.SweepRunner}, {@link org.alliancesim.analysis.sweep.SweepMerge}.
 * May depend on: experiments, statistics, scenarios, charts and reports; not on the adapters.
 */
package org.alliancesim.analysis.sweep;
