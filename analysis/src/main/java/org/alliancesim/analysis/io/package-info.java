/**
 * Writing files safely: {@link org.alliancesim.analysis.io.AtomicFile}, the one way the program writes
 * a whole result file (a random temporary name created exclusively, never through a symbolic link,
 * forced to disk and renamed into place), {@link org.alliancesim.analysis.io.WholeFiles}, the seam
 * through which writers take it, {@link org.alliancesim.analysis.io.FolderLock}, which keeps a second
 * process out of an output folder, and {@link org.alliancesim.analysis.io.ReadBack}, the one way a file
 * the program wrote earlier is read back (never through a link, never more than was written).
 *
 * <p>May depend on: the JDK only; every other analysis package may use it.
 */
package org.alliancesim.analysis.io;
