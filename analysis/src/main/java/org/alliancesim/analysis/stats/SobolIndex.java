package org.alliancesim.analysis.stats;

/**
 * The Sobol sensitivity indices of one parameter: the share of the output's variance it explains
 * alone (first order) and with all its interactions (total), each with a 95% bootstrap interval.
 *
 * @param parameter the parameter's name (a sweep's parameter path)
 * @param first first-order index
 * @param firstLow lower end of the first-order index's 95% interval
 * @param firstHigh upper end of the first-order index's 95% interval
 * @param total total index
 * @param totalLow lower end of the total index's 95% interval
 * @param totalHigh upper end of the total index's 95% interval
 */
public record SobolIndex(String parameter, double first, double firstLow, double firstHigh, double total,
        double totalLow, double totalHigh) {}
