/**
 * Calibration by the method of simulated moments: the weighted distance between simulated
 * statistics and a targets file's ranges, minimised with BOBYQA on common random numbers.
 *
 * <p>Entry point: {@link org.alliancesim.analysis.calibration.Calibration#fit}. May depend on:
 * experiments, statistics, scenarios, commons-math3; not on charts, reports or adapters.
 */
package org.alliancesim.analysis.calibration;
