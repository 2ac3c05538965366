package org.alliancesim.analysis.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * How a sweep writes its folder. Whole files are written under a temporary name
 * ({@code .name.partial}, created exclusively, never through a link) and renamed into place; if
 * writing fails the temporary file is removed, so a full disk leaves no {@code .partial} file and
 * no half-written result. Rows are appended unbuffered, one point at a time, so a failed append
 * leaves at most one incomplete point at the end of a file, which {@code --resume} drops.
 *
 * <p>The {@link Opener} is the seam through which tests make writing fail as a full disk does.
 * Every {@link IOException} thrown names the file: {@code cannot write FILE: reason}.
 */
final class SweepFiles {

    /** Opens a file for writing: {@code append} to an existing file, or create a new one (must not exist). */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path file, boolean append) throws IOException;
    }

    /** Opens files of the file system: appending to an existing file, or creating a new one (never through a link). */
    static final Opener DISK_OPENER = (file, append) -> append
            ? Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS)
            : Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW,
                    LinkOption.NOFOLLOW_LINKS);

    /** The file system. */
    static final SweepFiles DISK = new SweepFiles(DISK_OPENER);

    private final Opener opener;

    SweepFiles(Opener opener) {
        this.opener = opener;
    }

    /** Replaces {@code file} with {@code text} (UTF-8), atomically. */
    void replace(Path file, String text) throws IOException {
        replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code file} with {@code bytes}, atomically. */
    void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(tmp); // a leftover (or a planted link) is removed, not followed
            try (OutputStream out = opener.open(tmp, false)) {
                out.write(bytes);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw cannotWrite(file, e);
        }
    }

    /** Appends {@code text} (UTF-8) to {@code file} in one unbuffered write. */
    void append(Path file, String text) throws IOException {
        try (OutputStream out = opener.open(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static IOException cannotWrite(Path file, IOException e) {
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null) {
            reason = e.getClass().getSimpleName();
        }
        if (reason.startsWith("cannot write ")) {
            return e;
        }
        return new IOException("cannot write " + file + ": " + reason, e);
    }
}
