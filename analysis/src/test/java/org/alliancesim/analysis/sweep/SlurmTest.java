package org.alliancesim.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancesim.cli.AllianceSimAccess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A sweep as a Slurm job array on a real single-node cluster: .ci/run installs slurm-wlm and munge
 * and starts munged, slurmctld and slurmd (.ci/slurm-setup.sh) before this runs. Tagged "slurm".
 */
@Tag("slurm")
class SlurmTest {

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("bin/alliancesim"))) {
                return p;
            }
        }
        throw new AssertionError("bin/alliancesim not found");
    }

    @Test
    void aFourTaskArrayMergedEqualsTheSameSweepRunLocally() throws Exception {
        Path root = root();
        Path work = Files.createTempDirectory("alliancesim-slurm");
        Path sweep = work.resolve("array.yaml");
        Files.writeString(sweep, "design: latin_hypercube\npoints: 16\nreplications: 2\nfamilies: 200\n"
                + "metrics: [dropout_share, mean_improvement]\nparameters:\n"
                + "  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9}\n"
                + "  - {path: families.0.conflict, min: 0.1, max: 0.9}\n");
        Path cluster = work.resolve("cluster");
        assertEquals(0, AllianceSimAccess.run("slurm", sweep.toString(), "--array", "4", "--out", cluster.toString()));
        Process array = new ProcessBuilder("sbatch", "--wait", cluster.resolve("sweep.sbatch").toString())
                .directory(cluster.toFile()).inheritIO().start();
        assertTrue(array.waitFor(10, TimeUnit.MINUTES), "the array finished");
        assertEquals(0, array.exitValue(), "sbatch --wait exit code (all array tasks succeeded)");
        Process merge = new ProcessBuilder("sbatch", "--wait", cluster.resolve("merge.sbatch").toString())
                .directory(cluster.toFile()).inheritIO().start();
        assertTrue(merge.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, merge.exitValue(), "merge job");
        Path local = work.resolve("local");
        assertEquals(0, AllianceSimAccess.run("sweep", sweep.toString(), "--out", local.toString(), "--quiet"));
        for (String f : List.of("points.csv", "runs.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(cluster.resolve("merged").resolve(f)),
                    f + ": Slurm array + merge vs one local process");
        }
        for (int k = 1; k <= 4; k++) {
            assertTrue(Files.readString(cluster.resolve("shard-" + k).resolve("manifest.json")).contains("\"shard\" : \"" + k + "/4\""));
        }
        System.out.println("slurm array of 4 merged equals the local sweep; root " + root);
    }
}
