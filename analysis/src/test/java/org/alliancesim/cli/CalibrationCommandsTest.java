package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationCommandsTest {

    @TempDir
    Path dir;

    /** Whether the default meets the targets is ValidateUseCaseTest's; here: the files and the printed summary. */
    @Test
    void validateWritesTheTableItPrints() throws Exception {
        Path out = dir.resolve("v");
        Outcome o = AllianceSimTest.run("validate", "--reps", "3", "--set", "run.families=200", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains(" of 8 targets in range"), o.out());
        List<String> csv = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("statistic,min,max,target,estimate,ci95_low,ci95_high,n,in_range,source", csv.get(0));
        assertEquals(9, csv.size());
        List<String> validation = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals("statistic,min,max,published,estimate,ci95_low,ci95_high,n,in_range,source", validation.get(0));
        assertEquals(9, validation.size());
        assertTrue(o.out().contains(" of 8 patterns in range"), o.out());
        assertTrue(Files.size(out.resolve("charts/retention-vs-literature.png")) > 1000);
        assertTrue(Files.readString(out.resolve("report.html")).contains("in range"));
    }

    @Test
    void validateReportsOutOfRangeWithoutFailing() {
        Outcome o = AllianceSimTest.run("validate", "fragile-alliance-same-challenge", "--reps", "5", "--set",
                "run.families=300", "--out", dir.resolve("f").toString());
        assertEquals(0, o.code(), "validate reports, it does not judge: " + o.err());
        assertTrue(o.out().contains("OUT of range"), o.out());
    }

    @Test
    void badTargetsFilesAreLocatedAndExitCode2() throws Exception {
        Path targets = dir.resolve("bad.yaml");
        Files.writeString(targets, "targets:\n  - {statistic: dropuot_share, min: 0.3, max: 0.4}\n");
        Outcome o = AllianceSimTest.run("validate", "--targets", targets.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(targets + ":2:") && o.err().contains("targets[0].statistic")
                && o.err().contains("did you mean 'dropout_share'?"), o.err());
        assertFalse(Files.exists(dir.resolve("x")));
        Path noParams = dir.resolve("np.yaml");
        Files.writeString(noParams, "targets:\n  - {statistic: dropout_share, min: 0.3, max: 0.4}\n");
        Outcome c = AllianceSimTest.run("calibrate", noParams.toString(), "--out", dir.resolve("y").toString());
        assertEquals(2, c.code());
        assertTrue(c.err().contains("parameters lists nothing to fit"), c.err());
        Path badPath = dir.resolve("bp.yaml");
        Files.writeString(badPath, "targets:\n  - {statistic: dropout_share, min: 0.3, max: 0.4}\n"
                + "parameters:\n  - {path: dynamics.attendance.intercep, min: -3, max: -1}\n"
                + "  - {path: dynamics.outcome.goal_mean, min: 1, max: 2}\n");
        Outcome p = AllianceSimTest.run("calibrate", badPath.toString(), "--out", dir.resolve("z").toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("did you mean 'intercept'?"), p.err());
    }

    /** literature's ten parameters at the default (the fitted point): a table, and the files it came from. */
    @Test
    void identifiabilityWritesOneRowPerParameter() throws Exception {
        Path out = dir.resolve("i");
        Outcome o = AllianceSimTest.run("calibrate", "literature", "--identifiability", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("20 evaluations x 4 replications x 1000 families, seed 20261125"), o.out());
        List<String> csv = Files.readAllLines(out.resolve("identifiability.csv"));
        assertEquals("parameter,value,min,max,sensitivity,conditional_se,loose_share,loose", csv.get(0));
        assertEquals(11, csv.size());
        assertEquals(11, Files.readAllLines(out.resolve("identifiability-directions.csv")).size());
        assertTrue(o.out().contains("LOOSE"), "ten parameters against six targets leave some loose: " + o.out());
    }

    /** A copy of the loose fixture posterior (PosteriorTest) in the temporary folder. */
    private Path posterior(String name) throws Exception {
        Path from = Path.of(getClass().getResource("/org/alliancesim/analysis/calibration/posterior-loose/posterior.csv")
                .toURI()).getParent();
        Path to = Files.createDirectories(dir.resolve(name));
        for (String f : List.of("posterior.csv", "fitted.yaml")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }

    @Test
    void validateAndCompareWithAPosteriorPrintAndWriteTheIntervals() throws Exception {
        Path post = posterior("post");
        Path out = dir.resolve("vp");
        Outcome o = AllianceSimTest.run("validate", "--posterior", post.toString(), "--reps", "2", "--draws", "3",
                "--set", "run.families=100", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("default-calibrated against literature"), "the scenario is fitted.yaml: " + o.out());
        assertTrue(o.out().contains("Posterior predictive (3 draws from " + post), o.out());
        List<String> csv = Files.readAllLines(out.resolve("posterior-predictive.csv"));
        assertEquals("statistic,min,max,published,estimate,ci95_low,ci95_high,posterior_median,posterior_ci95_low,"
                + "posterior_ci95_high,probability_in_range,draws,source", csv.get(0));
        assertEquals(9, csv.size());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"posterior_predictive\""));
        Path cmp = dir.resolve("cp");
        Outcome c = AllianceSimTest.run("compare", "default", "involuntary-referral", "--posterior", post.toString(),
                "--reps", "2", "--draws", "2", "--set", "run.families=100", "--out", cmp.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("posterior predictive B - A (2 draws"), c.out());
        assertTrue(Files.readAllLines(cmp.resolve("posterior-predictive.csv")).get(0).startsWith("metric,difference,"));
    }

    @Test
    void aDamagedPosteriorIsLocatedExitCode2AndNothingWritten() throws Exception {
        Path post = posterior("bad");
        Path csv = post.resolve("posterior.csv");
        List<String> lines = Files.readAllLines(csv);
        lines.set(2, lines.get(2).replace(",0.15,", ",-0.15,"));
        Files.write(csv, lines);
        Outcome o = AllianceSimTest.run("validate", "--posterior", post.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(csv + ":3:5: weight: must be 0 or more, was -0.15"), o.err());
        assertFalse(Files.exists(dir.resolve("x")));
        Outcome c = AllianceSimTest.run("compare", "default", "default", "--posterior", post.toString(), "--out",
                dir.resolve("y").toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains(csv + ":3:5:"), c.err());
        assertFalse(Files.exists(dir.resolve("y")));
        Files.delete(csv);
        Outcome m = AllianceSimTest.run("validate", "--posterior", post.toString(), "--out", dir.resolve("z").toString());
        assertEquals(2, m.code(), m.err());
        assertTrue(m.err().contains("posterior.csv") && m.err().contains("missing"), m.err());
    }
}
