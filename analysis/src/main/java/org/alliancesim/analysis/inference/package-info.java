/**
 * Bayesian calibration by approximate Bayesian computation with sequential Monte Carlo (ABC-SMC):
 * priors, the perturbation kernel, weighted particle populations and the algorithm itself; and model
 * selection among competing models with the model index among the particles ({@link
 * org.alliancesim.analysis.inference.ModelSelection}, Toni and Stumpf 2010).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.inference.AbcSmc#run}, driven for the model by
 * {@link org.alliancesim.analysis.inference.ModelSimulator} and, from the command line, by the
 * calibrate use case ({@code --method abc-smc}). May depend on: calibration (a targets file's
 * parameters as typed edits), experiments (the metrics-only simulation path), io (the atomic
 * checkpoint), scenarios, Commons RNG, Commons Statistics, commons-math3 and Jackson; not on charts,
 * reports or adapters.
 */
package org.alliancesim.analysis.inference;
