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
import org.alliancesim.analysis.experiment.ExperimentPlan;
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
                () -> new CompareRequest(a, b.withSeed(1).withReplications(4), Execution.DEFAULT.threads(1))).getMessage();
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
        CompareUseCase.Result r = CompareUseCase.execute(CompareRequest.of(a, b).withThreads(2));
        ExperimentResult ra = Experiment.run(ExperimentPlan.builder(a.model(), 11).replications(5).threads(1).build());
        ExperimentResult rb = Experiment.run(ExperimentPlan.builder(b.model(), 11).replications(5).threads(1).build());
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
        CompareUseCase.Result r = CompareUseCase.execute(CompareRequest.of(load("default", 60), load("involuntary-referral", 60))
                .withSeed(4).withReplications(3).withThreads(1).withOutput(Output.to(dir.resolve("lib"))));
        for (Comparison.Difference d : r.headline()) {
            String p = d.p() < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", d.p());
            String line = String.format(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f  %-18s %s", d.metric().label(),
                    d.meanA(), d.meanB(), d.difference(), String.format(Locale.ROOT, "[%.3f, %.3f]", d.lower(),
                            d.upper()), p);
            assertTrue(cli.out().lines().anyMatch(line::equals), line + " in\n" + cli.out());
        }
        assertEquals(Files.readString(out.resolve("families.csv")), Files.readString(r.folder().resolve("families.csv")));
        assertEquals(List.of("scenario", "replication"),
                List.of(Files.readAllLines(r.folder().resolve("families.csv")).get(0).split(",")).subList(0, 2));
    }

    /**
     * The arms are named by their edits (the wildcard as typed) on the console, in arms.csv, the
     * chart tables (legends), summary.json and report.html's title; the console has the p-values,
     * the dropout risk difference and the subgroup rows docs/cli.md lists. The wrong code (labels
     * "A"/"B", or the scenarios' names only) fails each check.
     */
    @Test
    void armsAreNamedByTheirEditsEverywhere() throws Exception {
        Path out = dir.resolve("named");
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("compare", "involuntary-referral",
                "involuntary-referral", "--reps", "3", "--set", "run.families=60", "--set-b", "therapists.*.warmth=0.9",
                "--threads", "1", "--out", out.toString(), "--quiet");
        assertEquals(0, cli.code(), cli.err());
        String b = "involuntary-referral + therapists.*.warmth=0.9";
        List<String> lines = cli.out().lines().toList();
        assertEquals("A = involuntary-referral", lines.get(0));
        assertEquals("B = " + b, lines.get(1));
        assertEquals("arm,label,scenario\nA,involuntary-referral,involuntary-referral\nB," + b
                + ",involuntary-referral\n", Files.readString(out.resolve("arms.csv")));
        List<String> retention = Files.readAllLines(out.resolve("charts/retention.csv"));
        assertTrue(retention.stream().anyMatch(l -> l.startsWith(b + ",1,")), "the legend's curve: " + retention);
        assertTrue(Files.readAllLines(out.resolve("charts/alliance.csv")).stream().anyMatch(l -> l.startsWith(b + ",")));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<title>alliancesim: involuntary-referral vs "
                + b + "</title>"));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"label_b\" : \"" + b + "\""));
        Scenario a = load("involuntary-referral", 60).withReplications(3);
        CompareUseCase.Result r = CompareUseCase.execute(CompareRequest.of(a, a.with("therapists[*].warmth", 0.9))
                .withThreads(1));
        for (Metric m : List.of(Metric.DROPOUT_SHARE_INVOLUNTARY, Metric.DROPOUT_SHARE_VOLUNTARY)) {
            Comparison.Difference d = r.difference(m);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(String.format(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f",
                    m.label(), d.meanA(), d.meanB(), d.difference()))), m.key() + " in\n" + cli.out());
        }
        Comparison.Risk k = r.dropout();
        assertTrue(lines.contains(String.format(Locale.ROOT, "dropout risk difference B - A %.3f [%.3f, %.3f]",
                k.difference(), k.differenceLower(), k.differenceUpper())), cli.out());
        AllianceSimAccess.Printed given = AllianceSimAccess.printed("compare", "default", "default", "--reps", "2",
                "--set", "run.families=20", "--label-a", "cool", "--label-b", "warm, kind", "--out",
                dir.resolve("given").toString(), "--quiet");
        assertTrue(given.out().startsWith("A = cool\nB = warm, kind\n"), given.out());
        AllianceSimAccess.Printed same = AllianceSimAccess.printed("compare", "default", "default", "--reps", "2",
                "--set", "run.families=20", "--out", dir.resolve("same").toString(), "--quiet");
        assertTrue(same.out().startsWith("A = default (A)\nB = default (B)\n"), same.out());
        AllianceSimAccess.Printed clash = AllianceSimAccess.printed("compare", "default", "default", "--reps", "2",
                "--label-a", "x", "--label-b", "x", "--out", dir.resolve("clash").toString(), "--quiet");
        assertEquals(2, clash.code(), clash.err());
        assertTrue(clash.err().contains("--label-b must be a label other than A's"), clash.err());
    }

    /**
     * --reps auto stops at the first block where the 95% half-width on the metric is at most the
     * precision (oracle: fixed runs of n - 10 and n replications, each computed on its own), gives
     * the same result and families.csv as the fixed run of n, the same bytes on 1 and 2 threads,
     * and stops at the cap when the precision is not reached.
     */
    @Test
    void repsAutoStopsAtThePrecisionAndEqualsTheFixedRun() throws Exception {
        Scenario a = load("involuntary-referral", 60);
        Scenario b = a.with("therapists[*].warmth", 0.9);
        double precision = 0.006;
        CompareRequest.Auto rule = new CompareRequest.Auto(Metric.DROPOUT_SHARE, precision, 10, 200);
        CompareUseCase.Result one = CompareUseCase.execute(CompareRequest.of(a, b).withAuto(rule).withThreads(1)
                .withOutput(Output.to(dir.resolve("auto1"))));
        CompareUseCase.Result two = CompareUseCase.execute(CompareRequest.of(a, b).withAuto(rule).withThreads(2)
                .withOutput(Output.to(dir.resolve("auto2"))));
        int n = one.resultA().replications();
        assertTrue(n >= 20 && n < 200 && n % 10 == 0, "stopped after more than one block, below the cap: " + n);
        CompareUseCase.Result fixed = CompareUseCase.execute(CompareRequest.of(a.withReplications(n), b).withThreads(2)
                .withOutput(Output.to(dir.resolve("fixed"))));
        CompareUseCase.Result before = CompareUseCase.execute(CompareRequest.of(a.withReplications(n - 10), b).withThreads(2));
        Comparison.Difference at = fixed.difference(Metric.DROPOUT_SHARE);
        Comparison.Difference earlier = before.difference(Metric.DROPOUT_SHARE);
        assertTrue((at.upper() - at.lower()) / 2 <= precision, "reached at n");
        assertTrue((earlier.upper() - earlier.lower()) / 2 > precision, "not reached one block earlier");
        assertEquals(fixed.differences(), one.differences());
        for (String f : List.of("families.csv", "charts/retention.csv", "charts/alliance.csv", "arms.csv")) {
            assertEquals(Files.readString(dir.resolve("fixed").resolve(f)), Files.readString(dir.resolve("auto1")
                    .resolve(f)), f);
            assertEquals(Files.readString(dir.resolve("auto1").resolve(f)), Files.readString(dir.resolve("auto2")
                    .resolve(f)), f);
        }
        assertEquals(one.comparison().stopping(), two.comparison().stopping());
        assertTrue(one.comparison().stopping().reached());
        CompareUseCase.Result capped = CompareUseCase.execute(CompareRequest.of(a, b).withThreads(2)
                .withAuto(new CompareRequest.Auto(Metric.DROPOUT_SHARE, 1e-6, 10, 20)));
        assertEquals(20, capped.resultA().replications());
        assertTrue(!capped.comparison().stopping().reached());
        Scenario voluntary = a.with("families[*].referral", "voluntary");
        BadRequestException undefined = assertThrows(BadRequestException.class, () -> CompareUseCase.execute(
                CompareRequest.of(voluntary, voluntary.with("therapists[*].warmth", 0.9)).withThreads(1)
                        .withAuto(CompareRequest.Auto.of(Metric.DROPOUT_SHARE_INVOLUNTARY, 0.01))));
        assertTrue(undefined.getMessage().startsWith("--reps auto: dropout_share_involuntary is not defined"),
                undefined.getMessage());
    }
}
