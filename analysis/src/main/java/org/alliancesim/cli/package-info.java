/**
 * The command line, an adapter: picocli commands that turn flags into requests to the analysis
 * use cases and their results into printed tables and exit codes (0 success, 2 bad input, 1
 * internal error, 3 a check that ran and failed). No statistics, domain rules or file formats live here.
 *
 * <p>Entry point: {@link org.alliancesim.cli.AllianceSim#main}. The only package that may depend on
 * picocli (enforced by {@code ArchitectureTest}).
 */
package org.alliancesim.cli;
