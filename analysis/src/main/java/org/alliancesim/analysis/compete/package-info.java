/**
 * Competing hypotheses ({@code compete}, docs/hypotheses.md): variants of one base scenario, each
 * calibrated on the same calibration set with the same budget and common random numbers, then scored
 * on a validation set on fresh seeds, and ranked by patterns met and a penalised distance.
 *
 * <p>Entry point: {@link org.alliancesim.analysis.compete.Competition}; the ranking is
 * {@link org.alliancesim.analysis.compete.Ranking}. May depend on: calibration, validation,
 * experiments, statistics, scenarios; not on reports, charts or adapters.
 */
package org.alliancesim.analysis.compete;
