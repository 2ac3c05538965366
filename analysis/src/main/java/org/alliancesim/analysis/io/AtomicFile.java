package org.alliancesim.analysis.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A file that appears at its target path only when complete: the one way the program writes a
 * result file.
 *
 * <p>The content goes to a temporary file in the target's folder, named
 * {@code .NAME.RANDOM.partial} with 64 random bits from {@link SecureRandom} (not guessable, so not
 * plantable in advance), created exclusively ({@code CREATE_NEW}, {@code NOFOLLOW_LINKS}): if
 * anything, a symbolic link included, already has that name, creation fails and another name is
 * drawn; nothing outside the folder is ever opened. {@link #commit()} flushes the content to disk
 * and renames the temporary file over the target in one atomic step; a symbolic link at the target
 * is replaced, not followed. {@link #close()} without a commit removes the temporary file.
 *
 * <p>Write errors (a full disk, say) are reported as {@link FileSystemException}s naming the
 * target, so a message can say which result could not be written. Not thread-safe.
 */
public final class AtomicFile implements AutoCloseable {

    private static final SecureRandom NAMES = new SecureRandom();
    private static final int ATTEMPTS = 16;

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private boolean written;
    private boolean moved;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    /**
     * Creates the temporary file for {@code target}; its folder must exist.
     *
     * @throws FileSystemException naming the target if the temporary file cannot be created
     */
    public static AtomicFile create(Path target) throws IOException {
        Path name = target.getFileName();
        if (name == null) {
            throw new FileSystemException(target.toString(), null, "not a file name");
        }
        for (int attempt = 1; ; attempt++) {
            Path tmp = target.resolveSibling("." + name + "." + HexFormat.of().toHexDigits(NAMES.nextLong()) + ".partial");
            try {
                return new AtomicFile(target, tmp, FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw named(target, e);
                }
            } catch (IOException e) {
                throw named(target, e);
            }
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicFile f = create(target)) {
            try (OutputStream out = f.stream()) {
                out.write(bytes);
            }
            f.commit();
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The path the content will have after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /**
     * The temporary file's content. Closing the stream forces the content to disk and closes the
     * file; it does not commit. Errors name the target.
     */
    public OutputStream stream() {
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(int b) throws IOException {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw named(target, e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw named(target, e);
                }
            }

            @Override
            public void close() throws IOException {
                finish();
            }
        };
    }

    /** A buffered UTF-8 writer on {@link #stream()}. */
    public Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(stream(), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Forces the content to disk, closes the temporary file and renames it over the target
     * atomically (a plain replacing rename where the file system cannot do it atomically).
     */
    public void commit() throws IOException {
        if (moved) {
            return;
        }
        finish();
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw named(target, e);
        }
        moved = true;
    }

    /** Removes the temporary file unless committed. */
    @Override
    public void close() throws IOException {
        if (!moved) {
            channel.close();
            Files.deleteIfExists(temporary);
        }
    }

    private void finish() throws IOException {
        if (written) {
            return;
        }
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw named(target, e);
        }
        written = true;
    }

    /**
     * What went wrong, in words, without the path: the operating system's reason ("No space left
     * on device", "Not a directory") or, where Java gives none, a phrase for the exception's kind.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof FileSystemException) {
            return e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The exception as a file system error naming {@code target}, with the underlying reason. */
    private static FileSystemException named(Path target, IOException e) {
        if (e instanceof FileSystemException fse && target.toString().equals(fse.getFile()) && fse.getReason() != null) {
            return fse;
        }
        FileSystemException out = new FileSystemException(target.toString(), null, reason(e));
        out.initCause(e);
        return out;
    }
}
