package org.alliancesim.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress bar (a picocli mixin; its description per command in {@code Options.properties}). */
final class QuietOption {

    @Option(names = "--quiet", descriptionKey = "results.quiet")
    boolean quiet;
}
