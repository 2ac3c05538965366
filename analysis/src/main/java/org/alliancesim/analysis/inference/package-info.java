/**
 * Bayesian calibration by approximate Bayesian computation with sequential Monte Carlo (ABC-SMC):
 * priors, the perturbation kernel, weighted particle populations and the algorithm itself; and model
 * selection among competing models with the model index among the particles ({@link
 * org.alliancesim.analysis.inference.ModelSelection}, Toni and Stumpf 2010).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.inference.AbcSmc#run}, driven for the model by
 * {@link org.alliancesim.analysis.inference.ModelSimulator} and, from the command line, by the
 * calibrate use case ({@code --method abc-smc}); a study's own data as the evidence by
 * {@link org.alliancesim.analysis.inference.DataEvidence} ({@code --data}). May depend on: calibration (a
 * targets file's parameters as typed edits), experiments (the metrics-only simulation path), io (the
 * atomic checkpoint), study (a study's data and the model's virtual study of it), scenarios, Commons
 * RNG, Commons Statistics, commons-math3 and Jackson; not on charts, reports or adapters.
 */
package org.alliancesim.analysis.inference;
