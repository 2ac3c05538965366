package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code slurm --abc} on a real single-node cluster (.ci/slurm-setup.sh starts munged, slurmctld and
 * slurmd; tagged "slurm", like {@code SlurmTest} and {@code CompeteSlurmTest}). The jobs run
 * bin/alliancesim (which builds the jar if it is missing or stale).
 */
@Tag("slurm")
class AbcSmcSlurmTest {

    /**
     * A tiny ABC (20 particles, 2 generations, 40 families per simulation) as a 2-task array per
     * generation, driven by driver.sh with real {@code sbatch --wait}, into a folder whose name has
     * a space, a command substitution and a quote: posterior.csv, posterior-summary.csv,
     * fitted.yaml and the corner plot equal a local run's with the same seed byte for byte,
     * generations.csv up to wall times.
     */
    @Test
    void aTinyAbcDrivenOnTheClusterEqualsTheLocalRun() throws Exception {
        Path work = Files.createTempDirectory("alliancesim abc slurm");
        AbcSmcArguments args = AbcStepUseCaseTest.tiny(work.resolve("targets file.yaml"), 2, 5000);
        Path cluster = work.resolve("cluster $(touch PWNED) it's");
        SlurmUseCase.Result r = SlurmUseCase.executeAbc(SlurmAbcRequest.of(args, 2, Output.to(cluster)));
        // The launcher builds the jar when it is stale: once here, not by two array tasks at the same time.
        Process build = new ProcessBuilder("bin/alliancesim", "--version").directory(root().toFile()).inheritIO().start();
        assertTrue(build.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, build.exitValue(), "bin/alliancesim --version");
        long started = System.nanoTime();
        Process driver = new ProcessBuilder("bash", r.scripts().get(1).toString()).directory(work.toFile())
                .redirectErrorStream(true).start();
        String log = new String(driver.getInputStream().readAllBytes());
        assertTrue(driver.waitFor(15, TimeUnit.MINUTES), "the driver finished");
        assertEquals(0, driver.exitValue(), log + "\njob logs: " + cluster);
        double seconds = (System.nanoTime() - started) / 1e9;

        Path local = work.resolve("local");
        AbcSmcUseCase.execute(args.absolute().request().withThreads(2).withOutput(Output.to(local)));
        AbcStepUseCaseTest.assertSameResults(local, cluster.resolve("posterior"));
        try (Stream<Path> s = Files.list(cluster)) {
            assertEquals(4, s.filter(p -> p.getFileName().toString().matches("slurm-alliancesim-abc-\\d+_\\d\\.out"))
                    .count(), "2 generations x 2 tasks logged in the folder");
        }
        try (Stream<Path> s = Files.walk(work)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("PWNED")).toList());
        }
        System.out.printf("slurm --abc: 2 generations x 2 array tasks on the cluster in %.1f s; posterior equals the"
                + " local run; folder %s%n", seconds, cluster);
    }

    /** The checkout's root (the tests run in analysis/). */
    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("bin/alliancesim")) ? here : here.getParent();
    }
}
