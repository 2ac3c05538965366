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
        assertTrue(o.out().contains(" of 7 targets in range"), o.out());
        List<String> csv = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("statistic,min,max,target,estimate,ci95_low,ci95_high,n,in_range,source", csv.get(0));
        assertEquals(8, csv.size());
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
}
