package org.alliancesim.analysis.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where a writer of results puts whole files. {@link #ATOMIC} writes each with {@link AtomicFile}
 * (the file appears only when complete); a writer that must be tested against a full disk takes a
 * {@code WholeFiles} instead of calling {@link AtomicFile} itself, so a test can make writing fail.
 */
@FunctionalInterface
public interface WholeFiles {

    /** Each file written atomically by {@link AtomicFile#write(Path, byte[])}. */
    WholeFiles ATOMIC = AtomicFile::write;

    /**
     * Replaces {@code target} with {@code content}, atomically; its folder must exist.
     *
     * @throws IOException naming the target when it cannot be written; the target is then unchanged
     */
    void write(Path target, byte[] content) throws IOException;

    /** {@link #write(Path, byte[])} of {@code text} in UTF-8. */
    default void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
