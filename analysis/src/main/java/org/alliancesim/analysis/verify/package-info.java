/**
 * Verification of the kernel against queueing theory (M/M/1, M/M/c, M/D/1): simulated means with
 * confidence intervals beside the exact formulas.
 *
 * <p>Entry point: {@link org.alliancesim.analysis.verify.KernelVerification}. May depend on: the kernel
 * and its examples, statistics; not on the adapters.
 */
package org.alliancesim.analysis.verify;
