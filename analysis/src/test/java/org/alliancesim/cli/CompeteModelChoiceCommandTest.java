package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compete --method abc-smc} on the command line: the model probabilities beside the ranking,
 * the same bytes on 1 and 2 threads, the planted power on a tiny size, and bad options or fields
 * refused with exit code 2 and nothing written. Small and fast: two targets without a sample size
 * (no virtual study per simulation), 100 families, a dozen particles; fixed seeds (the file's).
 */
class CompeteModelChoiceCommandTest {

    static final String TARGETS = """
            base: default
            targets:
              - {statistic: dropout_share, min: 0.33, max: 0.45}
              - {statistic: median_sessions, min: 4.0, max: 6.0}
            parameters:
              - {path: dynamics.attendance.intercept, min: -6.0, max: -1.0}
            """;

    static final String HYPOTHESES = """
            max_evaluations: 3
            replications: 1
            families: 100
            validation_replications: 2
            variants:
              - name: low
                fit: [{path: dynamics.attendance.intercept, min: -6.0, max: -4.0}]
              - name: high
                fit: [{path: dynamics.attendance.intercept, min: -3.0, max: -1.0}]
            """;

    static final List<String> SMALL = List.of("--method", "abc-smc", "--population", "12", "--max-simulations", "60",
            "--max-generations", "3", "--repeats", "2", "--draws", "2", "--draw-replications", "2", "--quiet");

    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path t = dir.resolve("t.yaml");
        Files.writeString(t, TARGETS);
        Path h = dir.resolve("h.yaml");
        Files.writeString(h, "targets: " + t + "\n" + text);
        return h;
    }

    Outcome run(Path file, Path out, List<String> extra) {
        List<String> a = new java.util.ArrayList<>(List.of("compete", file.toString(), "--out", out.toString(),
                "--force"));
        a.addAll(extra);
        return AllianceSimTest.run(a.toArray(String[]::new));
    }

    /**
     * The probabilities are printed and written beside the ranking, and every file but the provenance
     * is the same on 1 and 2 threads (the attempts are keyed, not ordered by the threads).
     */
    @Test
    void probabilitiesBesideTheRankingTheSameWhateverTheThreads() throws Exception {
        Path h = file(HYPOTHESES);
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        List<String> a = new java.util.ArrayList<>(SMALL);
        a.addAll(List.of("--threads", "1"));
        Outcome o1 = run(h, one, a);
        assertEquals(0, o1.code(), o1.err());
        a.set(a.size() - 1, "2");
        Outcome o2 = run(h, two, a);
        assertEquals(0, o2.code(), o2.err());
        assertTrue(o1.out().contains("model probabilities (ABC-SMC model selection, 12 particles, 2 repeats"),
                o1.out());
        List<String> ranking = Files.readAllLines(one.resolve("ranking.csv"));
        assertTrue(ranking.get(0).endsWith(",criterion,prior_probability,probability,probability_sd"), ranking.get(0));
        List<String> probs = Files.readAllLines(one.resolve("model-probabilities.csv"));
        assertEquals("variant,prior_probability,probability,probability_sd,particles,repeat_1,repeat_2", probs.get(0));
        double sum = 0;
        for (String row : probs.subList(1, probs.size())) {
            String[] c = row.split(",");
            assertEquals("0.5", c[1], row);
            sum += Double.parseDouble(c[2]);
        }
        assertEquals(1, sum, 1e-5, "the probabilities sum to 1 (six decimals each)");
        for (String f : List.of("ranking.csv", "model-probabilities.csv", "model-generations.csv",
                "variants/low/posterior-summary.csv", "variants/high/posterior-predictive.csv",
                "variants/high/fitted.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
        String json = Files.readString(one.resolve("summary.json"));
        assertTrue(json.contains("\"model_probabilities\""), json);
        assertTrue(Files.readString(one.resolve("report.html")).contains("Model probabilities given the calibration set "));
    }

    /** Stated prior probabilities are used as given (normalised), and reported. */
    @Test
    void statedPriorProbabilitiesAreUsed() throws Exception {
        Path h = file(HYPOTHESES.replace("  - name: low\n", "  - name: low\n    prior_probability: 0.25\n")
                .replace("  - name: high\n", "  - name: high\n    prior_probability: 0.75\n"));
        Path out = dir.resolve("out");
        Outcome o = run(h, out, SMALL);
        assertEquals(0, o.code(), o.err());
        List<String> probs = Files.readAllLines(out.resolve("model-probabilities.csv"));
        assertTrue(probs.get(1).startsWith("low,0.25,"), probs.get(1));
        assertTrue(probs.get(2).startsWith("high,0.75,"), probs.get(2));
    }

    /**
     * A planted study on one tiny size: one row per size, its share and Clopper-Pearson interval (R's
     * binom.test(2, 2)$conf.int = [0.1581139, 1]; binom.test(1, 2) = [0.01257912, 0.98742088];
     * binom.test(0, 2) = [0, 0.8418861]), the datasets' table and the chart.
     */
    @Test
    void plantedPowerSmoke() throws Exception {
        Path h = file(HYPOTHESES);
        Path out = dir.resolve("planted");
        Outcome o = run(h, out, List.of("--method", "abc-smc", "--planted", "low", "--sizes", "30", "--datasets", "2",
                "--population", "8", "--max-simulations", "40", "--max-generations", "3", "--threads", "2",
                "--quiet"));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("--planted low: 1 sizes x 2 datasets"), o.out());
        List<String> rows = Files.readAllLines(out.resolve("planted-power.csv"));
        assertEquals("families,datasets,planted_highest,share,lower,upper,planted_mean_probability,simulations",
                rows.get(0));
        assertEquals(2, rows.size());
        String[] c = rows.get(1).split(",");
        assertEquals("30", c[0]);
        assertEquals("2", c[1]);
        String[][] expected = {{"0", "0", "0.841886"}, {"0.5", "0.012579", "0.987421"}, {"1", "0.158114", "1"}};
        String[] e = expected[Integer.parseInt(c[2])];
        assertArrayEquals(e, new String[] {c[3], c[4], c[5]}, rows.get(1));
        List<String> datasets = Files.readAllLines(out.resolve("planted-datasets.csv"));
        assertEquals(3, datasets.size());
        // The mean probability of the planted variant (p_low, column 6) over the two datasets.
        double mean = (Double.parseDouble(datasets.get(1).split(",")[5]) + Double.parseDouble(datasets.get(2)
                .split(",")[5])) / 2;
        assertEquals(mean, Double.parseDouble(c[6]), 2e-6);
        for (String f : List.of("charts/planted-power.png", "charts/planted-power.svg", "charts/planted-power.csv",
                "summary.json", "report.html")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void badOptionsAndFieldsExitWith2AndWriteNothing() throws Exception {
        Object[][] cases = {
            {HYPOTHESES, List.of("--method", "bayes"), "--method bayes: allowed: abc-smc"},
            {HYPOTHESES, List.of("--population", "10"), "--population, --max-simulations"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--population", "2"), "--population 2: allowed 4 to"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--repeats", "0"), "--repeats 0: allowed 1 to 100"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--planted", "nope", "--sizes", "30"),
                "--planted nope: not a variant of"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--sizes", "30"), "--sizes needs --planted"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--planted", "low"), "--planted low needs --sizes"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--planted", "low", "--sizes", "5"), "--sizes: 5 families"},
            {HYPOTHESES, List.of("--method", "abc-smc", "--shard", "1/2"), "--shard 1/2: --method abc-smc selects"},
            {HYPOTHESES.replace("    fit: [{path: dynamics.attendance.intercept, min: -3.0, max: -1.0}]\n", ""),
                List.of("--method", "abc-smc"), "(high) fits nothing"},
            {HYPOTHESES.replace("  - name: low\n", "  - name: low\n    prior_probability: -0.2\n"), List.of(),
                ":8:24: variants[0].prior_probability: must be a probability in (0, 1]"},
            {HYPOTHESES.replace("  - name: low\n", "  - name: low\n    prior_probability: 0.5\n"), List.of(),
                "variants: must be every variant with one, or none"},
            {HYPOTHESES.replace("  - name: low\n", "  - name: low\n    prior_probability: 0.5\n")
                    .replace("  - name: high\n", "  - name: high\n    prior_probability: 0.4\n"), List.of(),
                "variants: must be prior probabilities summing to 1"},
        };
        for (Object[] c : cases) {
            Path h = file((String) c[0]);
            Path out = dir.resolve("bad");
            @SuppressWarnings("unchecked")
            List<String> extra = new java.util.ArrayList<>((List<String>) c[1]);
            extra.add("--quiet");
            List<String> a = new java.util.ArrayList<>(List.of("compete", h.toString(), "--out", out.toString()));
            a.addAll(extra);
            Outcome o = AllianceSimTest.run(a.toArray(String[]::new));
            assertEquals(2, o.code(), c[2] + ": " + o.err());
            assertTrue(o.err().contains((String) c[2]), c[2] + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
            assertFalse(Files.exists(out), "nothing written: " + c[2]);
        }
    }
}
