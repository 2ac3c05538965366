package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alliancesim.analysis.study.StudyDataWriter;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compete HYPOTHESES --method abc-smc --data DIR} (docs/fitting-your-data.md, "Which rule do the
 * data favour?"): the model probabilities conditioned on a study's own data, refused in the combinations
 * that make no sense, and, on data planted from a known rule, that rule favoured without any identifier
 * of the input in the output.
 */
class CompeteDataCommandTest {

    private static final Path DATA = Path.of("..", "scenarios", "data");
    private static final String RULES = DATA.resolve("attendance-rules.yaml").toString();
    private static final Path EXAMPLE = DATA.resolve("example");

    @TempDir
    Path dir;

    private void refused(String expected, String... args) {
        Path out = dir.resolve("out");
        String[] all = Stream.concat(Stream.of("compete", RULES), Stream.concat(Stream.of(args),
                Stream.of("--out", out.toString(), "--quiet"))).toArray(String[]::new);
        Outcome o = AllianceSimTest.run(all);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /**
     * --data needs --method abc-smc (the pattern ranking has no data path); it cannot be planted data at
     * the same time, nor take another simulation size (one virtual study of the data's design per
     * particle); a damaged study folder is refused before anything runs. Fails if any of these runs or
     * writes a folder.
     */
    @Test
    void dataIsRefusedWhereItMakesNoSense() throws Exception {
        refused("--data need --method abc-smc", "--data", EXAMPLE.toString());
        refused("--data and --planted", "--method", "abc-smc", "--data", EXAMPLE.toString(), "--planted", "level",
                "--sizes", "100");
        refused("leave out --replications and --families", "--method", "abc-smc", "--data", EXAMPLE.toString(),
                "--families", "300");
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(EXAMPLE.resolve("study-data.yaml"), broken.resolve("study-data.yaml"));
        Files.writeString(broken.resolve("families.csv"), "family_id,therapist_id\n");
        refused("families.csv", "--method", "abc-smc", "--data", broken.toString());
    }

    /**
     * Two studies of 1,000 families and 40 therapists written by StudyDataWriter as
     * docs/fitting-your-data.md's generator does: one planted from the level rule (the default scenario,
     * seed 31339), one from the trend rule with a strong trend weight (8, seed 31338), each competed
     * between the level and the trend rule (scenarios/data/attendance-rules.yaml) with 100 particles and
     * at most 2,000 simulations, one repeat: each study gives its own rule the highest probability, and
     * no output file or printed line holds an identifier of the input. Measured on these seeds: the
     * level-planted study gives the level rule 0.565, the trend-planted one the trend rule 0.713 (the
     * documented runs, 2 repeats on other seeds, 0.81 and 0.96). The comparison is weakly powered at this
     * size and budget (60 particles and 900 simulations on 600 level-planted families gave the trend
     * rule 0.66), so this is one recorded draw per direction, not a rate; asking for the planted rule on
     * top in both directions is what evidence ignored (or the calibration set in its place, the same for
     * both studies) cannot give but by chance. Fails if the data's summaries are not what the variants
     * are scored on, or if a row of the input leaks. About a minute on 2 cores: tagged sbc.
     */
    @Test
    @Tag("sbc")
    void dataPlantedFromARuleFavourItAndLeaveNoIdentifier() throws Exception {
        planted("level", List.of(), 31339L, "PLL");
        planted("trend", List.of("rules.attendance.rule=trend", "rules.attendance.trend_weight=8"), 31338L, "PLT");
    }

    private void planted(String rule, List<String> edits, long seed, String prefix) throws Exception {
        Path study = dir.resolve("study-" + rule);
        StudyDataWriter.write(ScenarioLoader.load("default", edits), Files.readString(EXAMPLE.resolve(
                "study-data.yaml")), 1000, 40, seed, prefix, study);
        Path out = dir.resolve("out-" + rule);
        Outcome o = AllianceSimTest.run("compete", RULES, "--method", "abc-smc", "--data", study.toString(),
                "--population", "100", "--max-simulations", "2000", "--repeats", "1", "--draws", "2",
                "--draw-replications", "2", "--threads", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        List<String> rows = Files.readAllLines(out.resolve("model-probabilities.csv"));
        assertTrue(rows.get(1).startsWith("level,") && rows.get(2).startsWith("trend,"), rows.toString());
        double level = Double.parseDouble(rows.get(1).split(",")[2]);
        double trend = Double.parseDouble(rows.get(2).split(",")[2]);
        System.out.println("planted " + rule + ": level " + level + ", trend " + trend);
        assertTrue(rule.equals("trend") ? trend > level : level > trend, rule + " planted: " + rows);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"evidence\" : \"the study data " + study + " (1000 families)\""), summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Model probabilities given the study data "),
                "report.html names the evidence");
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(prefix + "-"), file + " holds an identifier of the input");
        }
        assertFalse(o.out().contains(prefix + "-"), o.out());
    }
}
