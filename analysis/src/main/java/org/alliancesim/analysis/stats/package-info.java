/**
 * Statistics as pure functions and streaming accumulators: confidence intervals, Kaplan-Meier
 * retention, histograms, sensitivity indices, and the estimators a virtual study reports, each with
 * a 95% interval as an {@link org.alliancesim.analysis.stats.Estimate} (logistic regression, Cohen's d,
 * correlations and residualised gain, Cronbach's alpha, inter-rater and therapist ICCs, power; listed
 * with formulas and sources in docs/studies.md).
 *
 * <p>May depend on: Commons Statistics, commons-math3, Commons RNG and the kernel's random streams;
 * never on charts, reports or the command line (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.analysis.stats;
