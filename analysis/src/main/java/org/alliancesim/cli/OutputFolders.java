package org.alliancesim.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.alliancesim.analysis.report.ResultsFolder;

/** The --out folder of the commands that write results: its default name and the up-front check. */
final class OutputFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private OutputFolders() {}

    /**
     * The folder to write: {@code out}, or {@code results/NAME-TIMESTAMP} (UTC); checked before
     * anything runs, so bad input writes nothing.
     *
     * @throws BadInputException if the folder is a file, or not empty and {@code force} is false
     */
    static Path resolve(Path out, String name, Instant started, boolean force) {
        Path dir = out != null ? out : Path.of("results", name + "-" + STAMP.format(started));
        try {
            ResultsFolder.check(dir, force);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return dir;
    }
}
