package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.HypothesesSpecs;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The eight simulating requests share {@link Execution} through {@link Executed}: each of
 * withThreads, withOutput, withProgress and withArguments changes that one part and nothing else of
 * the request (a {@code withExecution} that dropped or swapped a component would fail here), and the
 * request's own checks still run on the copy.
 */
class ExecutionTest {

    private static List<Executed<?>> requests() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 50).withReplications(3);
        Scenario b = s.with("therapists[0].repair_skill", 0.9);
        CalibrationSpec lit = Calibration.targets("literature");
        Path out = Path.of("results", "never-written");
        return List.of(
                RunRequest.of(s).withCiWidth(0.1),
                CompareRequest.of(s, b).withLabels("first", "second").withDraws(7),
                ValidateRequest.of(lit, "literature", s).withValidation(ValidationSet.spec("validation")).withDraws(5),
                CalibrateRequest.of(lit, "literature", s).withCheckReplications(3).withStartEdits(List.of("x=1")),
                AbcSmcRequest.of(lit, "literature", s).withPopulation(40).withStartEdits(List.of("y=2")),
                CompeteRequest.of(HypothesesSpecs.load(Path.of("..", "scenarios", "hypotheses", "trust.yaml")), "trust")
                        .withShard(new SweepRequest.Shard(2, 3)),
                StudyRequest.of(s).withPower(List.of(40, 80), 3),
                SweepRequest.of(Path.of("..", "scenarios", "sweeps", "example.yaml"), out).withResume(true)
                        .withShard(new SweepRequest.Shard(1, 2)));
    }

    /** Every component but {@code execution} is the same object (or value) in both. */
    private static void sameButExecution(Object before, Object after) throws Exception {
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            String where = before.getClass().getSimpleName() + "." + c.getName();
            if (c.getType().isPrimitive()) {
                assertEquals(c.getAccessor().invoke(before), c.getAccessor().invoke(after), where);
            } else if (!c.getName().equals("execution")) {
                assertSame(c.getAccessor().invoke(before), c.getAccessor().invoke(after), where);
            }
        }
    }

    @Test
    void eachExecutionCopyChangesOnlyItsPart() throws Exception {
        Progress told = (done, total, note) -> { };
        Output folder = Output.to(Path.of("results", "elsewhere"));
        for (Executed<?> r : requests()) {
            String name = r.getClass().getSimpleName();
            Executed<?> threads = r.withThreads(3);
            assertEquals(3, threads.threads(), name);
            assertEquals(r.output(), threads.output(), name);
            assertSame(r.progress(), threads.progress(), name);
            assertEquals(r.arguments(), threads.arguments(), name);
            sameButExecution(r, threads);

            Executed<?> written = r.withOutput(folder);
            assertEquals(folder, written.output(), name);
            assertEquals(r.threads(), written.threads(), name);
            sameButExecution(r, written);

            Executed<?> progress = r.withProgress(told);
            assertSame(told, progress.progress(), name);
            sameButExecution(r, progress);

            Executed<?> args = r.withArguments(List.of("run", "default"));
            assertEquals(List.of("run", "default"), args.arguments(), name);
            assertEquals(r.threads(), args.threads(), name);
            sameButExecution(r, args);
        }
    }

    @Test
    void theDefaultsAndTheChecksHoldThroughTheCopies() throws Exception {
        RunRequest r = RunRequest.of(ScenarioLoader.load("default"));
        assertSame(Progress.NONE, r.progress());
        assertEquals(List.of(), r.arguments());
        assertEquals(null, r.output());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.threads());
        assertThrows(ParameterException.class, () -> r.withThreads(0));
        // trajectories need a folder: refused when the folder is taken away afterwards, too
        RunRequest withRows = r.withOutput(Output.to(Path.of("results", "x"))).withTrajectories(true);
        assertThrows(BadRequestException.class, () -> withRows.withOutput(null));
        // a sweep needs its folder
        assertThrows(ParameterException.class, () -> SweepRequest.of(Path.of("..", "scenarios", "sweeps",
                "example.yaml"), Path.of("results", "s")).withOutput(null));
        SweepRequest forced = SweepRequest.of(Path.of("..", "scenarios", "sweeps", "example.yaml"),
                Path.of("results", "s")).withForce(true).withThreads(2);
        assertEquals(true, forced.force());
        assertEquals(Path.of("results", "s"), forced.out());
    }
}
