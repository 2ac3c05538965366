package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
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
        assertTrue(o.out().contains(" of 6 targets in range"), o.out());
        List<String> csv = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals("statistic,min,max,target,estimate,ci95_low,ci95_high,n,in_range,source", csv.get(0));
        assertEquals(7, csv.size());
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
    void calibrateWritesAFittedScenarioThatLoads() throws Exception {
        Path targets = dir.resolve("t.yaml");
        Files.writeString(targets, """
                base: default
                targets:
                  - {statistic: dropout_share, min: 0.33, max: 0.45}
                  - {statistic: median_sessions, min: 4, max: 6}
                parameters:
                  - {path: dynamics.attendance.intercept, min: -4, max: -1}
                  - {path: dynamics.outcome.goal_mean, min: 0.8, max: 2.5}
                replications: 2
                families: 300
                max_evaluations: 15
                """);
        Path out = dir.resolve("cal");
        Outcome o = AllianceSimTest.run("calibrate", targets.toString(), "--set", "dynamics.attendance.intercept=-1.5",
                "--check-reps", "4", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        for (String f : List.of("fitted.yaml", "fit.csv", "trace.csv", "summary.json", "report.html",
                "charts/trace.png", "charts/trace.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 50, f);
        }
        assertTrue(Files.readAllLines(out.resolve("trace.csv")).size() <= 16, "at most 15 evaluations");
        String fitted = Files.readString(out.resolve("fitted.yaml"));
        assertTrue(fitted.contains("extends: default") && fitted.contains("intercept:"), fitted);
        assertTrue(fitted.contains("--set dynamics.attendance.intercept=-1.5"), "the start is recorded");
        Scenario s = ScenarioLoader.load(out.resolve("fitted.yaml").toString());
        assertEquals("default-calibrated", s.name());
        assertFalse(s.model().dynamics().attendance().intercept() == -1.5, "the fitted value replaced the start");
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
}
