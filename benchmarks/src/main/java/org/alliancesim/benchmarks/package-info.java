/**
 * JMH benchmarks: the kernel's event calendar, the kernel against SSJ on the same queue, and the
 * cohort model's throughput. Run from {@code benchmarks/target/benchmarks.jar}; figures and the
 * commands that produced them are in the README.
 */
package org.alliancesim.benchmarks;
