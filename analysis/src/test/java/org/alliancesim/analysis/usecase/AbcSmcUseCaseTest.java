package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.Checkpoint;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbcSmcUseCaseTest {

    /** The literature targets with two of its parameters, 1 replication of 100 families per simulation. */
    static AbcSmcRequest small() throws Exception {
        CalibrationSpec lit = Calibration.targets("literature");
        CalibrationSpec two = new CalibrationSpec(lit.base(), lit.targets(), List.of(
                CalibrationSpec.Parameter.of("dynamics.attendance.intercept", -6, -1),
                CalibrationSpec.Parameter.of("dynamics.outcome.goal_mean", 0.8, 2.5)), lit.anchors(), 1, 100, lit.seed(),
                lit.maxEvaluations());
        return AbcSmcRequest.of(two, "literature-2", ScenarioLoader.load(two.base())).withPopulation(24)
                .withStopping(2000, 0.0, 0, 4).withThreads(2);
    }

    static final List<String> IDENTICAL = List.of("posterior.csv", "posterior-summary.csv", "fitted.yaml",
            "charts/corner.csv", "charts/corner.svg", "charts/corner.png");

    /**
     * A run stopped by a failure in generation 2 (as a kill would stop it: the checkpoint of
     * generation 1 is on disk, no result file is) and resumed on one thread ends with the same files,
     * byte for byte, as an uninterrupted run on two threads; generations.csv too, but for its wall times.
     */
    @Test
    void aResumedRunWritesTheSameFilesAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole");
        AbcSmcUseCase.Result a = AbcSmcUseCase.execute(small().withOutput(Output.to(whole)));
        assertEquals(4, a.state().generations().size(), a.state().stopReason());
        assertFalse(Files.exists(whole.resolve(Checkpoint.FILE)), "the checkpoint is removed at the end");

        Path broken = tmp.resolve("broken");
        AbcSmcRequest dying = small().withOutput(Output.to(broken)).withProgress((done, total, note) -> {
            if (note.startsWith("generation 2,") && done > 5) {
                throw new IllegalStateException("killed");
            }
        });
        assertThrows(IllegalStateException.class, () -> AbcSmcUseCase.execute(dying));
        assertTrue(Files.exists(broken.resolve(Checkpoint.FILE)));
        assertFalse(Files.exists(broken.resolve("posterior.csv")), "nothing but the checkpoint is written");

        AbcSmcUseCase.execute(small().withThreads(1).withOutput(Output.to(broken)).withResume(true));
        for (String f : IDENTICAL) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(broken.resolve(f)), f);
        }
        assertEquals(withoutWallTimes(whole.resolve("generations.csv")), withoutWallTimes(broken.resolve("generations.csv")));
        String header = Files.readAllLines(whole.resolve("posterior.csv")).get(0);
        assertEquals("generation,particle,weight,dynamics.attendance.intercept,dynamics.outcome.goal_mean", header);
        assertEquals(25, Files.readAllLines(whole.resolve("posterior.csv")).size());
    }

    static List<String> withoutWallTimes(Path generations) throws Exception {
        return Files.readAllLines(generations).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void resumingAnotherRunsCheckpointIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("r");
        AbcSmcRequest dying = small().withOutput(Output.to(dir)).withProgress((done, total, note) -> {
            if (note.startsWith("generation 1,")) {
                throw new IllegalStateException("killed");
            }
        });
        assertThrows(IllegalStateException.class, () -> AbcSmcUseCase.execute(dying));
        BadRequestException e = assertThrows(BadRequestException.class, () -> AbcSmcUseCase.execute(
                small().withPopulation(30).withOutput(Output.to(dir)).withResume(true)));
        assertTrue(e.getMessage().contains("written by another run"), e.getMessage());
        BadRequestException none = assertThrows(BadRequestException.class, () -> AbcSmcUseCase.execute(
                small().withOutput(Output.to(tmp.resolve("empty"))).withResume(true)));
        assertTrue(none.getMessage().contains("no checkpoint to resume from"), none.getMessage());
    }

    @Test
    void aPopulationBelowTwiceTheParametersIsBadInput() throws Exception {
        BadRequestException e = assertThrows(BadRequestException.class, () -> small().withPopulation(3));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
        CalibrationSpec lit = Calibration.targets("literature");
        BadRequestException ten = assertThrows(BadRequestException.class,
                () -> AbcSmcRequest.of(lit, "literature", ScenarioLoader.load("default")).withPopulation(19));
        assertTrue(ten.getMessage().contains("2 x the 10 parameters of literature (and at least 4), so at least 20"),
                ten.getMessage());
    }
}
