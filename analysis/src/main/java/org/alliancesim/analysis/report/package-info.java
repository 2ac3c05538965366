/**
 * Results folders and what goes in them: crash-safe folder creation and atomic file writes,
 * provenance, summary.json, CSV tables, and the self-contained report.html of each use case.
 *
 * <p>Entry points: {@link org.alliancesim.analysis.report.ResultsFolder} and one {@code *Report} class per
 * use case. May depend on: charts, statistics, experiments, calibration, validation, compete (its
 * records), scenarios, {@code analysis.io}; not on
 * sweeps, use cases or the adapters (CLI, classroom).
 */
package org.alliancesim.analysis.report;
