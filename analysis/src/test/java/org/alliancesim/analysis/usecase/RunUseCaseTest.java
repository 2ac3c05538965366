package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.cli.AllianceSimAccess;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunUseCaseTest {

    @TempDir
    Path dir;

    private static Scenario small(int families) throws Exception {
        return ScenarioLoader.load("default").with("run.families", families);
    }

    @Test
    void refusesRequestsItCannotRunSayingWhatIsAllowed() throws Exception {
        RunRequest ok = RunRequest.of(small(50));
        assertEquals("ciWidth must be in (0, 1) (a width of the dropout share's 95% CI), was 1.5",
                assertThrows(ParameterException.class, () -> ok.withCiWidth(1.5)).getMessage());
        assertEquals("ciWidth must be in (0, 1) (a width of the dropout share's 95% CI), was 0.0",
                assertThrows(ParameterException.class, () -> ok.withCiWidth(0)).getMessage());
        assertThrows(ParameterException.class, () -> ok.withCiWidth(Double.NaN));
        assertEquals("replications must be in [1, 100000], was 0",
                assertThrows(ParameterException.class, () -> ok.withReplications(0)).getMessage());
        assertEquals("threads must be at least 1, was 0",
                assertThrows(ParameterException.class, () -> ok.withThreads(0)).getMessage());
        assertTrue(assertThrows(BadRequestException.class, () -> ok.withTrajectories(true)).getMessage()
                .startsWith("trajectories are written to sessions.csv in the results folder"));
        assertEquals("scenario must be given",
                assertThrows(ParameterException.class, () -> RunRequest.of(null)).getMessage());
    }

    @Test
    void anOutputFolderThatCannotTakeResultsIsRefusedBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("FILE"), "mine");
        List<Long> progress = new ArrayList<>();
        RunRequest r = RunRequest.of(small(50)).withReplications(2).withOutput(Output.to(file))
                .withProgress((done, total, note) -> progress.add(done));
        assertEquals("--out " + file + " is a file; give a folder",
                assertThrows(BadRequestException.class, () -> RunUseCase.execute(r)).getMessage());
        assertEquals(List.of(), progress, "no replication ran");
    }

    /** The library's numbers are the ones the command line prints and writes, for the same seed. */
    @Test
    void resultsAreWhatTheCommandLinePrints() throws Exception {
        Path out = dir.resolve("cli");
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("run", "default", "--reps", "3", "--seed", "77",
                "--set", "run.families=120", "--out", out.toString(), "--quiet");
        assertEquals(0, cli.code(), cli.err());
        List<String> progress = new ArrayList<>();
        RunUseCase.Result r = RunUseCase.execute(RunRequest.of(small(120)).withSeed(77).withReplications(3).withThreads(2)
                .withProgress((done, total, note) -> progress.add(done + "/" + total)));
        assertNull(r.folder(), "no output asked for, none written");
        assertEquals(List.of("1/3", "2/3", "3/3"), progress);
        assertEquals("default: 3 replications x 120 families, seed 77", cli.out().lines().findFirst().orElseThrow());
        JsonNode written = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("metrics");
        for (Metric m : Metric.TABLE) {
            MetricSummary v = r.summary(m);
            String printed = String.format(Locale.ROOT, "%-22s %9.3f  [%.3f, %.3f]", m.label(), v.mean(), v.lower(),
                    v.upper());
            assertTrue(cli.out().lines().anyMatch(printed::equals), printed + " in\n" + cli.out());
            assertEquals(v.mean(), written.get(m.key()).get("mean").asDouble(), 0.0, m.key());
            assertEquals(v.upper(), written.get(m.key()).get("ci95_high").asDouble(), 0.0, m.key());
        }
    }

    /**
     * Sequential stopping (w = 0.05, 150 families per replication, seed 20261125): the run stops at
     * the first batch of 10 whose dropout CI is narrower than w, checked against the CI of every
     * shorter multiple of 10; the same number of replications and the same summaries with 1 and 2 threads.
     */
    @Test
    void sequentialStoppingStopsAtTheFirstBatchNarrowEnoughWhateverTheThreads() throws Exception {
        double w = 0.05;
        Scenario s = small(150);
        List<String> notes = new ArrayList<>();
        RunUseCase.Result one = RunUseCase.execute(RunRequest.of(s).withCiWidth(w).withThreads(1)
                .withProgress((done, total, note) -> {
                    assertEquals(-1, total, "open-ended");
                    if (!note.isEmpty()) {
                        notes.add(done + ": " + note);
                    }
                }));
        RunUseCase.Result two = RunUseCase.execute(RunRequest.of(s).withCiWidth(w).withThreads(2));
        int n = one.replications();
        System.out.println("stopped after " + n + " replications; " + notes);
        assertTrue(one.sequential());
        assertEquals(n, one.scenario().replications(), "the scenario as run records the number");
        assertEquals(0, n % RunUseCase.BATCH);
        assertTrue(n > RunUseCase.BATCH, "a test of stopping needs more than one batch: " + n);
        assertEquals(n / RunUseCase.BATCH, notes.size(), "one note per batch: " + notes);
        assertEquals(n, two.replications());
        assertEquals(one.summaries(), two.summaries());
        assertArrayEquals(one.experiment().values(Metric.DROPOUT_SHARE), two.experiment().values(Metric.DROPOUT_SHARE));
        for (int k = RunUseCase.BATCH; k <= n; k += RunUseCase.BATCH) {
            MetricSummary d = Experiment.run(ExperimentPlan.builder(s.model(), s.seed()).replications(k).threads(2).build()).summaries().get(Metric.DROPOUT_SHARE);
            assertEquals(k == n, d.upper() - d.lower() < w, k + " replications: width " + (d.upper() - d.lower()));
        }
    }

    @Test
    void writesTheResultsFolderItIsGiven() throws Exception {
        Path out = dir.resolve("r");
        RunUseCase.Result r = RunUseCase.execute(RunRequest.of(small(40)).withReplications(2).withThreads(2)
                .withOutput(Output.to(out)).withTrajectories(true).withArguments(List.of("run", "default", "--threads", "2")));
        assertEquals(out, r.folder());
        assertEquals(1 + 2 * 40, Files.readAllLines(out.resolve("families.csv")).size());
        assertTrue(Files.size(out.resolve("sessions.csv")) > 100);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("provenance");
        assertEquals("[\"alliancesim\",\"run\",\"default\"]", prov.get("command_line").toString(),
                "the invocation, without options that cannot change results");
        assertFalse(prov.get("version").asText().equals("unknown"), "the library knows the program version");
    }

    /** The sizes docs/outputs.md and docs/cli.md state: 3 members x half the session limit per family. */
    @Test
    void sessionsAreCompressedByDefaultAboveTheDocumentedSize() throws Exception {
        RunRequest big = RunRequest.of(ScenarioLoader.load("default"));
        assertEquals(600_000, big.expectedSessionRows(), "20 x 1000 families x 3 x 20 / 2");
        assertTrue(big.compressSessions());
        assertFalse(big.compressFamilies());
        assertFalse(big.withCompress(false).compressSessions());
        RunRequest small = RunRequest.of(ScenarioLoader.load("default").with("run.families", 100));
        assertFalse(small.compressSessions());
        assertTrue(small.withCompress(true).compressSessions() && small.withCompress(true).compressFamilies());
    }

    @Test
    void compressedResultsHoldExactlyThePlainTextAndReplaceIt() throws Exception {
        Path out = dir.resolve("z");
        Scenario s = ScenarioLoader.load("default").with("run.families", 120);
        RunUseCase.execute(RunRequest.of(s).withReplications(2).withThreads(2).withOutput(Output.to(out))
                .withTrajectories(true));
        byte[] families = Files.readAllBytes(out.resolve("families.csv"));
        byte[] sessions = Files.readAllBytes(out.resolve("sessions.csv"));
        RunUseCase.execute(RunRequest.of(s).withReplications(2).withThreads(2).withOutput(new Output(out, true))
                .withTrajectories(true).withCompress(true));
        assertFalse(Files.exists(out.resolve("families.csv")), "--force replaces the plain file by the compressed one");
        assertFalse(Files.exists(out.resolve("sessions.csv")));
        for (String name : List.of("families.csv", "sessions.csv")) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out.resolve(name + ".gz")))) {
                assertArrayEquals(name.startsWith("f") ? families : sessions, in.readAllBytes(), name);
            }
        }
    }

    @Test
    void theCommandLineSaysWhenItCompressesSessions() throws Exception {
        Path out = dir.resolve("cli");
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("run", "default", "--reps", "2", "--set",
                "run.families=5000", "--trajectories", "--out", out.toString(), "--quiet");
        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.err().contains("sessions.csv is written compressed as sessions.csv.gz (about 300000 rows"
                + " expected, more than 250000); --no-compress writes it plain"), cli.err());
        assertTrue(Files.exists(out.resolve("sessions.csv.gz")) && !Files.exists(out.resolve("sessions.csv")));
        assertTrue(Files.exists(out.resolve("families.csv")), "families.csv stays plain unless --compress");
    }
    /**
     * therapists.csv agrees with families.csv: per replication and therapist, the same families and
     * dropouts, the dropout share and mean improvement of those rows (to CSV precision).
     */
    @Test
    void therapistsCsvSummarisesFamiliesCsv() throws Exception {
        Path out = dir.resolve("t");
        RunUseCase.execute(RunRequest.of(small(120)).withReplications(2).withThreads(2).withOutput(Output.to(out)));
        List<String> families = Files.readAllLines(out.resolve("families.csv"));
        List<String> header = List.of(families.get(0).split(","));
        int therapist = header.indexOf("therapist_id");
        int end = header.indexOf("end_reason");
        int improvement = header.indexOf("improvement");
        java.util.Map<String, double[]> expected = new java.util.TreeMap<>();
        for (String line : families.subList(1, families.size())) {
            String[] f = line.split(",", -1);
            if (f[therapist].equals("-1")) {
                continue;
            }
            double[] e = expected.computeIfAbsent(f[0] + "," + f[therapist], k -> new double[3]);
            e[0]++;
            e[1] += f[end].equals("dropout") ? 1 : 0;
            e[2] += Double.parseDouble(f[improvement]);
        }
        List<String> therapists = Files.readAllLines(out.resolve("therapists.csv"));
        assertEquals("replication,therapist_id,therapist_type,families,dropouts,dropout_share,mean_improvement,"
                + "warmth,empathy,genuineness,consistency,repair_skill,balance,engagement,focus", therapists.get(0));
        assertEquals(expected.size(), therapists.size() - 1);
        for (String line : therapists.subList(1, therapists.size())) {
            String[] t = line.split(",");
            double[] e = expected.get(t[0] + "," + t[1]);
            assertEquals(e[0], Double.parseDouble(t[3]), line);
            assertEquals(e[1], Double.parseDouble(t[4]), line);
            assertEquals(e[1] / e[0], Double.parseDouble(t[5]), 1e-6, line);
            assertEquals(e[2] / e[0], Double.parseDouble(t[6]), 1e-5, line);
        }
    }

    /**
     * therapists.csv records the qualities drawn for each therapist. With no spread and no skills
     * every therapist is their type (the values worked out by hand from default.yaml: novice warmth
     * 0.7, repair skill 0.5; experienced consistency 0.8, balance 0.85; no engagement work, focus 1);
     * with default.yaml's spread and skills, therapists of one type differ, each quality in (0, 1).
     * The wrong code (a row's qualities from its type, or from another therapist) fails one of these.
     */
    @Test
    void therapistsCsvRecordsTheQualitiesDrawnForEachTherapist() throws Exception {
        Scenario alike = small(200).with(java.util.Map.of(
                org.alliancesim.scenario.ParameterPath.parse("therapists[*].spread"), 0.0,
                org.alliancesim.scenario.ParameterPath.parse("dynamics.skills.retention_sd"), 0.0,
                org.alliancesim.scenario.ParameterPath.parse("dynamics.skills.engagement_sd"), 0.0,
                org.alliancesim.scenario.ParameterPath.parse("dynamics.skills.outcome_sd"), 0.0), "test");
        Path out = dir.resolve("alike");
        RunUseCase.execute(RunRequest.of(alike).withReplications(2).withThreads(2).withOutput(Output.to(out)));
        List<String> rows = Files.readAllLines(out.resolve("therapists.csv"));
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String line : rows.subList(1, rows.size())) {
            String[] t = line.split(",", -1);
            seen.add(t[2]);
            String qualities = String.join(",", List.of(t).subList(7, 15));
            assertEquals(t[2].equals("novice") ? "0.7,0.65,0.7,0.6,0.5,0.7,0,1" : "0.7,0.7,0.7,0.8,0.6,0.85,0,1",
                    qualities, line);
        }
        assertEquals(java.util.Set.of("novice", "experienced"), seen, "both types met");
        Path drawn = dir.resolve("drawn");
        RunUseCase.execute(RunRequest.of(small(200)).withReplications(2).withThreads(1).withOutput(Output.to(drawn)));
        List<String> d = Files.readAllLines(drawn.resolve("therapists.csv"));
        java.util.Set<String> warmths = new java.util.HashSet<>();
        for (String line : d.subList(1, d.size())) {
            String[] t = line.split(",", -1);
            for (int c = 7; c <= 12; c++) {
                double q = Double.parseDouble(t[c]);
                assertTrue(q > 0 && q < 1, line);
            }
            assertTrue(Double.parseDouble(t[14]) > 0, "focus is a positive multiplier: " + line);
            if (t[2].equals("experienced")) {
                warmths.add(t[7]);
            }
        }
        assertTrue(warmths.size() > 3, "experienced therapists differ in warmth: " + warmths);
    }
}
