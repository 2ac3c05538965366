/**
 * Parameter sweeps: designs (grid, random, Latin hypercube, Sobol, Saltelli), a sweep checked and
 * ready to run (its base scenario loaded once, each point a typed edit of it), crash-safe runs that
 * resume, shards and their merge, and Slurm job-array scripts (for sweeps and for {@code compete}).
 *
 * <p>Entry points: {@link org.alliancesim.analysis.sweep.Sweep}, {@link org.alliancesim.analysis.sweep.SweepRunner},
 * {@link org.alliancesim.analysis.sweep.SweepMerge}, {@link org.alliancesim.analysis.sweep.SlurmScripts}; the
 * use cases ({@code analysis.usecase.SweepUseCase}, {@code MergeUseCase}, {@code SlurmUseCase}) call them.
 * May depend on: experiments, scenarios, reports (a finished folder's report), {@code analysis.io},
 * {@code analysis.stats} (a point's interval in points.csv), jackson-dataformat-csv; not on charts,
 * nor on the use cases or the adapters (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.analysis.sweep;
