/**
 * Example models written on the kernel: a multi-server queue and the queueing-theory formulas that
 * check it. They verify the kernel ({@code alliancesim verify}) and drive its benchmarks; they know
 * nothing of therapy.
 */
package org.alliancesim.engine.example;
