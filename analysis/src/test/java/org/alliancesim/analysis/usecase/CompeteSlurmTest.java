package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alliancesim.analysis.sweep.SlurmTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code compete} as a Slurm job array on a real single-node cluster (.ci/slurm-setup.sh starts
 * munged, slurmctld and slurmd; tagged "slurm", like the sweep's {@code SlurmTest}). The jobs run
 * bin/alliancesim (which builds the jar if it is missing or stale).
 */
@Tag("slurm")
class CompeteSlurmTest {

    /**
     * {@code slurm --compete} scripts for three variants in a 2-task array (shards of two and one
     * variant), into a folder whose name has a space, a command substitution and a quote, for
     * hypotheses whose base is a relative path: the merged result equals the same hypotheses run in
     * one local process byte for byte (summary.json and report.html up to their provenance), its
     * ranking and variants' tables equal those of the file as written, and no command in the name
     * ran.
     */
    @Test
    void aTwoTaskArrayMergedEqualsTheSameCompetitionRunLocally() throws Exception {
        Path work = Files.createTempDirectory("alliancesim compete slurm");
        Path base = work.resolve("base scenario.yaml");
        Files.writeString(base, "extends: default\ndescription: a base given by a relative path\n");
        String relativeBase = Path.of("").toAbsolutePath().relativize(base).toString();
        String fit = "    fit: [{path: dynamics.attendance.intercept, min: -5.0, max: -2.0}]\n";
        Path hypotheses = work.resolve("trust.yaml");
        Files.writeString(hypotheses, "base: '" + relativeBase + "'\n"
                + "max_evaluations: 6\nreplications: 2\nfamilies: 300\nseed: 11\n"
                + "validation_replications: 4\nvalidation_seed: 12\n"
                + "variants:\n"
                + "  - name: asymmetric\n" + fit
                + "  - name: betrayal\n    edits: {rules.trust_update.rule: betrayal_threshold}\n" + fit
                + "  - name: bayesian-fixed\n    edits: {rules.trust_update.rule: bayesian}\n");
        Path cluster = work.resolve("cluster $(touch PWNED) it's");
        SlurmUseCase.execute(SlurmRequest.compete(hypotheses, 2, Output.to(cluster)));
        SlurmTest.submitAndAwaitMerge(work, cluster);
        Path merged = cluster.resolve("merged");
        assertTrue(Files.isRegularFile(merged.resolve("ranking.csv")), "the merge job completed; job logs: " + cluster);

        // The same hypotheses as the jobs read them (the copy slurm wrote: the charts' titles and
        // summary.json name that file), in one local process: every file the same bytes.
        Path local = work.resolve("local");
        CompeteUseCase.execute(CompeteRequest.of(cluster.resolve("hypotheses.yaml")).withThreads(2)
                .withOutput(Output.to(local)));
        List<String> files = CompeteUseCaseTest.files(local);
        assertEquals(files, CompeteUseCaseTest.files(merged));
        for (String f : files) {
            assertArrayEquals(CompeteUseCaseTest.comparable(local, f), CompeteUseCaseTest.comparable(merged, f),
                    f + ": Slurm array + merge vs one local process");
        }
        // And from the file as written (a relative base): the same ranking and variants' tables.
        Path original = work.resolve("original");
        CompeteUseCase.execute(CompeteRequest.of(hypotheses).withThreads(1).withOutput(Output.to(original)));
        for (String f : files) {
            if (f.endsWith(".csv") && !f.startsWith("charts/")) {
                assertArrayEquals(Files.readAllBytes(original.resolve(f)), Files.readAllBytes(merged.resolve(f)),
                        f + ": Slurm array + merge vs the file as written");
            }
        }
        for (int k = 1; k <= 2; k++) {
            assertTrue(Files.readString(cluster.resolve("shard-" + k).resolve("shard.json"), StandardCharsets.UTF_8)
                    .contains("\"shard\" : \"" + k + "/2\""), "shard " + k);
        }
        try (Stream<Path> s = Files.list(cluster)) {
            assertEquals(3, s.filter(p -> p.getFileName().toString().matches("slurm-alliancesim-(compete|merge)-.*\\.out"))
                    .count(), "the job logs are in the folder");
        }
        try (Stream<Path> s = Files.walk(work)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().equals("PWNED")).toList());
        }
        System.out.println("slurm compete array of 2 merged equals the local run; folder " + cluster);
    }
}
