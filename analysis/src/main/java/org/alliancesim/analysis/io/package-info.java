/**
 * Writing files safely: {@link org.alliancesim.analysis.io.AtomicFile}, the one way the program writes
 * a whole result file (a random temporary name created exclusively, never through a symbolic link,
 * forced to disk and renamed into place), and {@link org.alliancesim.analysis.io.WholeFiles}, the seam
 * through which writers take it.
 *
 * <p>May depend on: the JDK only; every other analysis package may use it.
 */
package org.alliancesim.analysis.io;
