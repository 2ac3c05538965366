package org.alliancesim.cli;

import java.nio.file.Path;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.scenario.ScenarioException;
import picocli.CommandLine.Option;

/** The --posterior and --draws options of validate and compare (a picocli mixin). */
final class PosteriorOption {

    @Option(names = "--posterior", paramLabel = "DIR", description = "A posterior folder (posterior.csv and fitted.yaml,"
            + " as calibrate --method abc-smc writes): posterior predictive intervals beside the Monte Carlo ones"
            + " (docs/calibration.md).")
    Path dir;

    @Option(names = "--draws", paramLabel = "M", description = "Posterior draws, 1 to 10000 (default: ${DEFAULT-VALUE});"
            + " each runs --reps replications (compare: of A and of B).")
    int draws = PosteriorPredictive.DEFAULT_DRAWS;

    /**
     * The posterior, read and checked before anything runs; null without --posterior.
     *
     * @throws ScenarioException naming file, line and column of a damaged posterior.csv (exit code 2)
     */
    Posterior read() throws ScenarioException {
        return dir == null ? null : Posterior.read(dir);
    }
}
