package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.report.ResultsFolder;

/**
 * Where a use case writes its results folder.
 *
 * @param dir the folder; created if missing
 * @param force whether a non-empty folder's results may be replaced
 */
public record Output(Path dir, boolean force) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Validates presence. */
    public Output {
        if (dir == null) {
            throw new BadRequestException("the results folder must be given");
        }
    }

    /** A folder that must be new or empty. */
    public static Output to(Path dir) {
        return new Output(dir, false);
    }

    /** {@code dir}, or when it is null {@code results/NAME-TIMESTAMP} (UTC time of {@code started}). */
    public static Output orDefault(Path dir, String name, Instant started, boolean force) {
        return new Output(dir != null ? dir : Path.of("results", name + "-" + STAMP.format(started)), force);
    }

    /**
     * Checks, before anything runs, that the folder can take results: not a file, not inside a
     * file, writable, and empty unless {@code force}.
     *
     * @throws BadRequestException naming the folder and the problem
     */
    public Output check() {
        try {
            ResultsFolder.check(dir, force);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return this;
    }

    /**
     * Claims the folder for a use case, before anything runs ({@link ResultsFolder#open}): checked,
     * created, locked against a second process, no symbolic link below it on the way to
     * {@code resultFiles}, and (with {@code force}) cleared of an interrupted run's temporary files.
     *
     * @throws BadRequestException naming the folder and the problem; nothing is left behind
     */
    public ResultsFolder open(List<String> resultFiles) {
        try {
            return ResultsFolder.open(dir, force, resultFiles);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * Why a results folder or file could not be written, in words and without the path: the
     * operating system's reason ("No space left on device") or a phrase for the exception's kind.
     */
    public static String reason(IOException e) {
        return AtomicFile.reason(e);
    }
}
