package org.alliancesim.analysis.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.io.WholeFiles;

/**
 * How a sweep writes its folder. Whole files are written with {@link AtomicFile} (a temporary file
 * beside the target, created exclusively, never through a link, renamed into place when complete);
 * if writing fails the temporary file is removed, so a full disk leaves no temporary file and no
 * half-written result. Rows are appended unbuffered, one point at a time, to an existing file
 * (never through a link), so a failed append leaves at most one incomplete point at the end of a
 * file, which {@code --resume} drops.
 *
 * <p>The {@link Disk} is the seam through which tests make writing fail as a full disk does. Every
 * {@link IOException} thrown names the file: {@code cannot write FILE: reason}.
 */
final class SweepFiles implements WholeFiles {

    /** Every byte a sweep writes passes through {@link #writing}: the real disk passes it on as it is. */
    @FunctionalInterface
    interface Disk {
        /** The stream to write {@code file}'s bytes to, given the one that writes them to the file. */
        OutputStream writing(Path file, OutputStream out) throws IOException;
    }

    /** The file system. */
    static final SweepFiles DISK = new SweepFiles((file, out) -> out);

    private final Disk disk;

    SweepFiles(Disk disk) {
        this.disk = disk;
    }

    /** Replaces {@code file} with {@code text} (UTF-8), atomically. */
    void replace(Path file, String text) throws IOException {
        write(file, text);
    }

    /** Replaces {@code file} with {@code bytes}, atomically; on failure {@code file} is unchanged. */
    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        try (AtomicFile f = AtomicFile.create(file)) {
            try (OutputStream out = disk.writing(file, f.stream())) {
                out.write(bytes);
            }
            f.commit();
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** Appends {@code text} (UTF-8) to the existing {@code file} in one unbuffered write. */
    void append(Path file, String text) throws IOException {
        try (OutputStream out = disk.writing(file, Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS))) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static IOException cannotWrite(Path file, IOException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("cannot write ")) {
            return e;
        }
        return new IOException("cannot write " + file + ": " + AtomicFile.reason(e), e);
    }
}
