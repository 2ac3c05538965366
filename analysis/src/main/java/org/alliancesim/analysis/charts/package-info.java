/**
 * Charts drawn with JFreeChart and written as PNG and SVG (JFreeSVG), each from data computed
 * elsewhere; axis ranges and labels come from small pure functions, formatted in {@code Locale.ROOT}.
 *
 * <p>Entry points: {@link org.alliancesim.analysis.charts.Charts}, {@link org.alliancesim.analysis.charts.ChartFiles}.
 * May depend on: {@code analysis.experiment}, {@code analysis.stats}, JFreeChart; not on reports,
 * sweeps or adapters.
 */
package org.alliancesim.analysis.charts;
