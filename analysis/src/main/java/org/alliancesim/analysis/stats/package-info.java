/**
 * Statistics as pure functions and streaming accumulators: confidence intervals, Kaplan-Meier
 * retention, histograms, sensitivity indices.
 *
 * <p>May depend on: Commons Statistics, commons-math3, Commons RNG and the kernel's random streams;
 * never on charts, reports or the command line (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.analysis.stats;
