package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.PosteriorSummary;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;

/**
 * An ABC-SMC calibration's outcome.
 *
 * @param targets the targets as fitted (with the request's base name and simulation size)
 * @param targetsName the targets' name
 * @param state the last state: every generation, the final population, the simulations and why it stopped
 * @param summary the posterior summary per parameter (mean, sd, median, 95% interval, ESS)
 * @param fitted the base with each parameter at its posterior median
 * @param folder the results folder written, or null when none was asked for
 */
public record AbcSmcResult(CalibrationSpec targets, String targetsName, AbcSmc.State state, PosteriorSummary summary,
        Scenario fitted, Path folder) {}
