package org.alliancesim.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.alliancesim.analysis.usecase.Output;
import picocli.CommandLine.Option;

/**
 * The results folder's options, {@code --out DIR} and {@code --force}, shared by every command that
 * writes one (a picocli mixin: {@link Defaulted} where the folder may be left out, {@link Required}
 * where it must be given). Their descriptions are in {@code Options.properties}: one text for all
 * commands, and a command's own where its folder differs ({@code alliancesim.run.results.out}).
 */
abstract class OutputOptions {

    @Option(names = "--force", descriptionKey = "results.force")
    boolean force;

    /** The folder given, or null. */
    abstract Path dir();

    /** The folder given, or {@code results/NAME-TIMESTAMP} (UTC, now). */
    Output orDefault(String name) {
        return Output.orDefault(dir(), name, Instant.now(), force);
    }

    /** The folder given, or null when none was. */
    Output given() {
        return dir() == null ? null : new Output(dir(), force);
    }

    /** {@code --out} may be left out: the command then writes to a default folder, or writes none. */
    static final class Defaulted extends OutputOptions {
        @Option(names = "--out", paramLabel = "DIR", descriptionKey = "results.out")
        Path out;

        @Override
        Path dir() {
            return out;
        }
    }

    /** {@code --out} must be given (picocli refuses the command line without it, exit code 2). */
    static final class Required extends OutputOptions {
        @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "results.out")
        Path out;

        @Override
        Path dir() {
            return out;
        }
    }
}
