/**
 * Scenario, sweep, calibration and hypotheses files: reading (YAML or JSON through Jackson), {@code extends}
 * resolution, validation with located problems, the JSON Schema, and typed edits
 * ({@link org.alliancesim.scenario.ParameterPath}, {@link org.alliancesim.scenario.Scenario#with}).
 *
 * <p>Entry points: {@link org.alliancesim.scenario.ScenarioLoader#load},
 * {@link org.alliancesim.scenario.SweepSpecs}, {@link org.alliancesim.scenario.CalibrationSpecs},
 * {@link org.alliancesim.scenario.HypothesesSpecs}.
 * {@code ScenarioLoader} is the facade over package-private parts with one job each: the built-in
 * library ({@code ScenarioLibrary}), reading a file and its {@code extends} chain
 * ({@code ExtendsResolver}), merging the layers with their origins ({@code TreeMerge}), entry
 * defaults ({@code EntryDefaults}), binding to the records ({@code Binder}), {@code --set}
 * ({@code Overrides}, through {@link org.alliancesim.scenario.Scenario#with}) and output
 * ({@code ScenarioWriter}).
 * May depend on: {@code org.alliancesim.model}, {@code org.alliancesim.engine}, Jackson; never on
 * analysis or the command line (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.scenario;
