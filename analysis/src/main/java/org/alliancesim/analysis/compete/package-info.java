/**
 * Competing hypotheses ({@code compete}, docs/hypotheses.md): variants of one base scenario, each
 * calibrated on the same calibration set with the same budget and common random numbers, then scored
 * on a validation set on fresh seeds, and ranked by patterns met and a penalised distance; with
 * {@code --method abc-smc}, the variants' posterior model probabilities given the evidence
 * ({@link org.alliancesim.analysis.compete.ModelProbabilities}, the evidence behind the one seam
 * {@link org.alliancesim.analysis.compete.Evidence}) and the power to tell them apart on planted data
 * ({@link org.alliancesim.analysis.compete.PlantedPower}).
 *
 * <p>Entry point: {@link org.alliancesim.analysis.compete.Competition}; the ranking is
 * {@link org.alliancesim.analysis.compete.Ranking}. May depend on: inference (model selection),
 * calibration, validation, experiments, statistics, scenarios, the engine's keyed streams; not on
 * reports, charts or adapters.
 */
package org.alliancesim.analysis.compete;
