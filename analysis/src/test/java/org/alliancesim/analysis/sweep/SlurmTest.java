package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.SlurmRequest;
import org.alliancesim.analysis.usecase.SlurmUseCase;
import org.alliancesim.analysis.usecase.SweepRequest;
import org.alliancesim.analysis.usecase.SweepUseCase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A sweep as a Slurm job array on a real single-node cluster: .ci/run installs slurm-wlm and munge
 * and starts munged, slurmctld and slurmd (.ci/slurm-setup.sh) before this runs. Tagged "slurm".
 * The jobs run bin/alliancesim (which builds the jar if it is missing or stale).
 */
@Tag("slurm")
public class SlurmTest {

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/alliancesim"))) {
                return p;
            }
        }
        throw new AssertionError("bin/alliancesim not found");
    }

    /**
     * submit.sh submits a 4-task array and the dependent merge, into a folder whose name has a
     * space, a command substitution and a quote, for a sweep whose base is a relative path; the
     * merged result equals the same sweep run locally, and no command in the name ran.
     */
    @Test
    void aFourTaskArrayMergedEqualsTheSameSweepRunLocally() throws Exception {
        Path root = root();
        Path work = Files.createTempDirectory("alliancesim slurm");
        Path base = work.resolve("base scenario.yaml");
        Files.writeString(base, "extends: default\ndescription: a base given by a relative path\n");
        String relativeBase = Path.of("").toAbsolutePath().relativize(base).toString();
        Path sweep = work.resolve("array.yaml");
        Files.writeString(sweep, "base: '" + relativeBase + "'\ndesign: latin_hypercube\npoints: 16\nreplications: 2\n"
                + "families: 200\nmetrics: [dropout_share, mean_improvement]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
                + "  - {path: families.0.conflict, min: 0.1, max: 0.9}\n");
        Path cluster = work.resolve("cluster $(touch PWNED) it's");
        SlurmUseCase.execute(SlurmRequest.of(sweep, 4, Output.to(cluster)));
        submitAndAwaitMerge(work, cluster);
        Path merged = cluster.resolve("merged");
        assertTrue(Files.readString(merged.resolve("manifest.json")).contains("\"complete\" : true"),
                "the merge job completed; job logs: " + cluster);
        Path local = work.resolve("local");
        SweepUseCase.execute(SweepRequest.of(sweep, local));
        for (String f : List.of("points.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(merged.resolve(f)),
                    f + ": Slurm array + merge vs one local process");
        }
        for (int k = 1; k <= 4; k++) {
            assertTrue(Files.readString(cluster.resolve("shard-" + k).resolve("manifest.json"))
                    .contains("\"shard\" : \"" + k + "/4\""));
        }
        try (Stream<Path> s = Files.list(cluster)) {
            assertEquals(5, s.filter(p -> p.getFileName().toString().matches("slurm-alliancesim-(sweep|merge)-.*\\.out"))
                    .count(), "the job logs are in the folder");
        }
        try (Stream<Path> s = Files.walk(work)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("PWNED")).toList());
        }
        System.out.println("slurm array of 4 merged equals the local sweep; root " + root + ", folder " + cluster);
    }

    /**
     * Runs {@code cluster}/submit.sh from {@code work} on the real cluster and waits until its merge
     * job has ended, however it ended (an afterok dependency would wait forever on a failure).
     */
    public static void submitAndAwaitMerge(Path work, Path cluster) throws Exception {
        Process submit = new ProcessBuilder("bash", cluster.resolve("submit.sh").toString()).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String mergeJob = new String(submit.getInputStream().readAllBytes()).strip();
        assertTrue(submit.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, submit.exitValue(), "submit.sh");
        mergeJob = mergeJob.substring(mergeJob.lastIndexOf('\n') + 1).split(";")[0];
        assertTrue(mergeJob.matches("\\d+"), "merge job id: " + mergeJob);
        Process wait = new ProcessBuilder("sbatch", "--wait", "--dependency=afterany:" + mergeJob, "--output=/dev/null",
                "--wrap=true").directory(work.toFile()).inheritIO().start();
        assertTrue(wait.waitFor(15, TimeUnit.MINUTES), "the array and the merge finished");
    }
}
