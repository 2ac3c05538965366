package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.cli.AllianceSimAccess;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareUseCaseTest {

    @TempDir
    Path dir;

    private static Scenario load(String name, int families) throws Exception {
        return ScenarioLoader.load(name).with("run.families", families);
    }

    @Test
    void refusesUnpairedOrTooSmallComparisons() throws Exception {
        Scenario a = load("default", 50).withReplications(4);
        Scenario b = load("involuntary-referral", 50);
        String unpaired = assertThrows(BadRequestException.class,
                () -> new CompareRequest(a, b.withSeed(1).withReplications(4), 1, null, null, null)).getMessage();
        assertEquals("A and B must run with the same seed and replications to be paired (common random numbers); A"
                + " has seed 20261125 and 4 replications, B has seed 1 and 4", unpaired);
        assertEquals("replications must be from 2 to 100000 (a paired interval needs 2), was 1",
                assertThrows(ParameterException.class, () -> CompareRequest.of(a, b).withReplications(1)).getMessage());
        assertEquals("threads must be at least 1, was -2",
                assertThrows(ParameterException.class, () -> CompareRequest.of(a, b).withThreads(-2)).getMessage());
        CompareRequest paired = CompareRequest.of(a, b.withSeed(5).withReplications(9));
        assertEquals(a.seed(), paired.b().seed(), "of() gives B A's seed");
        assertEquals(4, paired.b().replications(), "and A's replications");
    }

    /**
     * The paired differences are Comparison.paired of the per-replication values of two independent
     * runs with the same seed (common random numbers), metric by metric, exactly.
     */
    @Test
    void differencesArePairedDifferencesOfTheSameReplications() throws Exception {
        Scenario a = load("default", 80).withSeed(11).withReplications(5);
        Scenario b = load("involuntary-referral", 80);
        CompareResult r = CompareUseCase.execute(CompareRequest.of(a, b).withThreads(2));
        ExperimentResult ra = Experiment.run(a.model(), 11, 5, 1);
        ExperimentResult rb = Experiment.run(b.model(), 11, 5, 1);
        assertEquals(Metric.values().length, r.differences().size());
        for (Metric m : Metric.values()) {
            assertEquals(Comparison.paired(m, ra.values(m), rb.values(m)), r.difference(m), m.key());
        }
        assertEquals(Metric.TABLE, r.headline().stream().map(Comparison.Difference::metric).toList());
        assertEquals(Comparison.dropout(ra, rb), r.dropout());
    }

    @Test
    void resultsAreWhatTheCommandLinePrintsAndWrites() throws Exception {
        Path out = dir.resolve("c");
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("compare", "default", "involuntary-referral", "--reps",
                "3", "--seed", "4", "--set", "run.families=60", "--out", out.toString(), "--quiet");
        assertEquals(0, cli.code(), cli.err());
        CompareResult r = CompareUseCase.execute(CompareRequest.of(load("default", 60), load("involuntary-referral", 60))
                .withSeed(4).withReplications(3).withThreads(1).withOutput(Output.to(dir.resolve("lib"))));
        for (Comparison.Difference d : r.headline()) {
            String line = String.format(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f  [%.3f, %.3f]", d.metric().label(),
                    d.meanA(), d.meanB(), d.difference(), d.lower(), d.upper());
            assertTrue(cli.out().lines().anyMatch(line::equals), line + " in\n" + cli.out());
        }
        assertEquals(Files.readString(out.resolve("families.csv")), Files.readString(r.folder().resolve("families.csv")));
        assertEquals(List.of("scenario", "replication"),
                List.of(Files.readAllLines(r.folder().resolve("families.csv")).get(0).split(",")).subList(0, 2));
    }
}
