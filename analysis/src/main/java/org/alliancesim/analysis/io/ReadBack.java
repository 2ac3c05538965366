package org.alliancesim.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How the program reads back a file it wrote earlier (a sweep folder's manifest, points.csv and
 * runs.csv on {@code --resume} and {@code merge}; a compete shard's shard.json and variant files on
 * {@code merge}): never through a symbolic link, and never more than the most the program could
 * have written there.
 *
 * <p>Every path component from the folder the user named down to the file must be a real folder
 * or file, not a link (the folder itself may be one: that is the user's choice of place), and the
 * file is opened with {@code NOFOLLOW_LINKS}. Its size is checked against the caller's bound before
 * a byte is read, and the reading stops at the bound, so a file that grows (or, like one under
 * {@code /proc}, has no size) cannot make the program read more. Thread-safe (no state).
 */
public final class ReadBack {

    private ReadBack() {}

    /** A file refused before it was read, with what is wrong; bad input (exit code 2). */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final String problem;

        Refused(Path file, String problem) {
            super(file + ": " + problem);
            this.file = file;
            this.problem = problem;
        }

        /** The path at fault: the file, or the link on the way to it. */
        public Path file() {
            return file;
        }

        /** What is wrong, without the path. */
        public String problem() {
            return problem;
        }
    }

    /**
     * The bytes of {@code folder}/{@code relative}.
     *
     * @param maxBytes the most the program writes in this file
     * @param bound what {@code maxBytes} is, for the message ("the most a sweep of this design writes there")
     * @throws Refused when a component below {@code folder} is a link, the file is not a regular
     *     file, or it holds more than {@code maxBytes}
     * @throws java.nio.file.NoSuchFileException when the file is missing
     */
    public static byte[] bytes(Path folder, String relative, long maxBytes, String bound) throws Refused, IOException {
        Path file = folder;
        for (Path part : Path.of(relative)) {
            file = file.resolve(part);
            if (Files.isSymbolicLink(file)) {
                throw new Refused(file, "a symbolic link; a folder's files are read back only when they are its own,"
                        + " never through a link");
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                throw new Refused(file, "not a regular file");
            }
            long size = ch.size();
            if (size > maxBytes) {
                throw new Refused(file, tooLarge(size, maxBytes, bound));
            }
            InputStream in = Channels.newInputStream(ch);
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            if (in.read() >= 0) {
                throw new Refused(file, tooLarge(-1, maxBytes, bound));
            }
            return b;
        }
    }

    private static String tooLarge(long size, long max, String bound) {
        return "holds " + (size >= 0 ? size + " bytes, " : "") + "more than the " + max + " bytes " + bound
                + "; refused unread (edited, or not written by alliancesim)";
    }
}
