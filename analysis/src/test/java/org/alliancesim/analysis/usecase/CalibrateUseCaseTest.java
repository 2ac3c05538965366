package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.cli.AllianceSimAccess;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateUseCaseTest {

    @TempDir
    Path dir;

    /** Two parameters, 2 replications of 200 families per evaluation, 6 evaluations: small and fast. */
    private static final String TARGETS = """
            base: default
            targets:
              - {statistic: dropout_share, min: 0.33, max: 0.45}
              - {statistic: median_sessions, min: 4, max: 6}
            parameters:
              - {path: dynamics.attendance.intercept, min: -4, max: -1}
              - {path: dynamics.outcome.goal_mean, min: 0.8, max: 2.5}
            replications: 2
            families: 200
            max_evaluations: 6
            """;

    private static CalibrationSpec targets(String text) throws ScenarioException {
        return CalibrationSpecs.parse("t.yaml", text, Calibration.STATISTICS);
    }

    private static CalibrateRequest request(String text) throws ScenarioException {
        return CalibrateRequest.of(targets(text), "t.yaml", ScenarioLoader.load("default")).withThreads(2)
                .withCheckReplications(2);
    }

    @Test
    void refusesWhatCannotBeFitted() throws Exception {
        assertEquals("checkReplications must be at least 2, was 1",
                assertThrows(ParameterException.class, () -> request(TARGETS).withCheckReplications(1)).getMessage());
        assertEquals("maxEvaluations must be in [1, 100000], was 0",
                assertThrows(ParameterException.class, () -> request(TARGETS).withMaxEvaluations(0)).getMessage());
        String none = TARGETS.substring(0, TARGETS.indexOf("parameters:")) + "replications: 2\n";
        assertTrue(assertThrows(BadRequestException.class, () -> CalibrateUseCase.execute(request(none))).getMessage()
                .startsWith("t.yaml: parameters lists nothing to fit; add entries like"));
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> CalibrateUseCase.execute(request(TARGETS.replace("intercept,", "intercep,"))));
        assertTrue(unknown.problems().get(0).toString().contains("unknown field 'intercep' (did you mean 'intercept'?)"),
                unknown.problems().toString());
        assertEquals("t.yaml: parameters[0].path: 'run.mode' is not a number in the scenario",
                assertThrows(BadRequestException.class, () -> CalibrateUseCase.execute(request(TARGETS
                        .replace("dynamics.attendance.intercept, min: -4, max: -1", "run.mode, min: 0, max: 1"))))
                        .getMessage());
        // The middle of the bounds, 1.5, is beyond what the field allows: refused before the fit.
        ScenarioException beyond = assertThrows(ScenarioException.class, () -> CalibrateUseCase.execute(request(TARGETS
                .replace("dynamics.outcome.goal_mean, min: 0.8, max: 2.5", "rules.trust_update.gain_up, min: 1, max: 2"))));
        assertTrue(beyond.problems().get(0).toString().contains("gain_up"), beyond.problems().toString());
    }

    /**
     * Typed edits: every evaluation simulates exactly the point the optimiser asked for (the value in
     * the scenario is the same double), and fitted.yaml holds the best point exactly; formatting
     * with %.6g and reparsing, as before, rounded both.
     */
    @Test
    void theOptimiserEvaluatesExactlyThePointItAskedFor() throws Exception {
        Path out = dir.resolve("cal");
        // From a perturbed start: the defaults (4 significant digits) may already be the best point,
        // and the check below needs a best point the optimiser computed.
        Scenario perturbed = ScenarioLoader.load("default").with("dynamics.attendance.intercept", -1.5);
        CalibrateUseCase.Result r = CalibrateUseCase.execute(CalibrateRequest.of(targets(TARGETS), "t.yaml", perturbed)
                .withStartEdits(List.of("dynamics.attendance.intercept=-1.5")).withThreads(2).withCheckReplications(2)
                .withOutput(Output.to(out)));
        Calibration c = Calibration.of(r.targets(), r.base());
        List<ParameterPath> paths = c.paths();
        for (Calibration.Evaluation e : r.fit().trace()) {
            Scenario s = c.scenario(e.x());
            for (int i = 0; i < paths.size(); i++) {
                assertEquals(e.x()[i], ((Number) s.valueAt(paths.get(i))).doubleValue(), 0.0, "evaluation " + e.index());
            }
        }
        Scenario fitted = ScenarioLoader.load(out.resolve("fitted.yaml").toString());
        double[] inFile = new double[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            inFile[i] = ((Number) fitted.valueAt(paths.get(i))).doubleValue();
        }
        assertArrayEquals(r.fit().best(), inFile, 0.0);
        assertTrue(r.fit().best()[0] != Double.parseDouble(String.format("%.6g", r.fit().best()[0]))
                || r.fit().best()[1] != Double.parseDouble(String.format("%.6g", r.fit().best()[1])),
                "a best point with more than 6 significant digits, so the check above can tell");
    }

    @Test
    void resultsAreWhatTheCommandLinePrintsAndWrites() throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), TARGETS);
        Path out = dir.resolve("cli");
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("calibrate", file.toString(), "--set",
                "dynamics.attendance.intercept=-1.5", "--check-reps", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, cli.code(), cli.err());
        Scenario perturbed = ScenarioLoader.load("default").with("dynamics.attendance.intercept", -1.5);
        CalibrateUseCase.Result r = CalibrateUseCase.execute(CalibrateRequest.of(targets(TARGETS), file.toString(), perturbed)
                .withStartEdits(List.of("dynamics.attendance.intercept=-1.5")).withCheckReplications(2).withThreads(1)
                .withOutput(Output.to(dir.resolve("lib"))));
        assertEquals(String.format(Locale.ROOT, "calibrated default to %s: distance %.4f after %d evaluations (start"
                + " default)", file, r.fit().distance(), r.fit().trace().size()), cli.out().lines().findFirst().orElseThrow());
        assertEquals(-1.5, r.fit().start()[0], "the start is the perturbed value");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(r.fit().distance(), summary.get("distance").asDouble(), 0.0);
        for (int i = 0; i < r.fit().best().length; i++) {
            String path = r.targets().parameters().get(i).path();
            assertEquals(r.fit().best()[i], summary.get("parameters").get(path).get("fitted").asDouble(), 0.0, path);
        }
        for (String f : List.of("fitted.yaml", "fit.csv", "trace.csv")) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(r.folder().resolve(f)), f);
        }
        for (String f : List.of("summary.json", "report.html", "charts/trace.png", "charts/trace.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 50, f);
        }
        String fittedYaml = Files.readString(out.resolve("fitted.yaml"));
        assertTrue(fittedYaml.contains("extends: default") && fittedYaml.contains("intercept:"), fittedYaml);
        assertTrue(fittedYaml.contains("--set dynamics.attendance.intercept=-1.5"), "the start is recorded");
        Scenario fitted = ScenarioLoader.load(out.resolve("fitted.yaml").toString());
        assertEquals("default-calibrated", fitted.name());
        assertEquals(r.fit().best()[0], fitted.model().dynamics().attendance().intercept(), 0.0,
                "the fitted value replaced the start");
        assertEquals(r.inRange(), r.rows().stream().filter(row -> row.inRange()).count());
    }

    /**
     * A wildcard is fitted as one parameter (every therapist type takes the fitted value), and
     * fitted.yaml carries every --set of the run that was not fitted, so that it loads to the model
     * the fit was made on: the wrong code (the --set left as a comment only) loads default's values.
     */
    @Test
    void fittedYamlCarriesEveryUnfittedSetAndAWildcardIsFittedAsOne() throws Exception {
        String targets = """
                base: default
                targets:
                  - {statistic: dropout_share, min: 0.33, max: 0.45}
                parameters:
                  - {path: "therapists[*].warmth", min: 0.3, max: 0.9}
                replications: 2
                families: 100
                max_evaluations: 3
                """;
        List<String> sets = List.of("families.*.conflict=0.65", "run.session_limit=15", "rules.trust_update.gain_up=0.2",
                "therapists[1].warmth=0.5");
        Scenario start = ScenarioLoader.load("default", sets);
        Path out = dir.resolve("wild");
        CalibrateUseCase.Result r = CalibrateUseCase.execute(CalibrateRequest.of(targets(targets), "t.yaml", start)
                .withStartEdits(sets).withThreads(1).withCheckReplications(2).withOutput(Output.to(out)));
        // The wildcard's entries start apart (0.7 and 0.5 by the --set): the fit starts from their mean.
        assertEquals(0.6, r.fit().start()[0], 1e-12);
        double best = r.fit().best()[0];
        Scenario fitted = ScenarioLoader.load(out.resolve("fitted.yaml").toString());
        assertEquals(List.of(best, best), fitted.valuesAt(ParameterPath.parse("therapists[*].warmth")));
        assertEquals(java.util.Collections.nCopies(4, 0.65), fitted.valuesAt(ParameterPath.parse("families[*].conflict")),
                "default's four family types");
        assertEquals(15, fitted.model().run().sessionLimit());
        assertEquals(0.2, fitted.model().rules().trustUpdate().gainUp(), 0.0);
        Scenario bare = ScenarioLoader.load("default");
        assertTrue(bare.model().run().sessionLimit() != 15 && bare.model().rules().trustUpdate().gainUp() != 0.2,
                "the --set values differ from the base's, so the checks above can tell");
        assertTrue(Files.readString(out.resolve("fitted.yaml")).contains("carried into this file"));
    }
}
