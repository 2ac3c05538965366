package org.alliancesim.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.StudySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link StudyPower#run}: the samples it draws and how it counts them. The oracle draws the same
 * samples one by one with the public parts ({@link VirtualStudy#model}, {@link VirtualStudy#powerSeed},
 * {@link VirtualStudy#draw}, {@link StudyAnalysis#of}) and counts detections by the rule of
 * {@link StudyStatistic#detected}; the run must give the same points whatever its thread count, and
 * tell its progress once per sample. A run that keyed its seed by the wrong size, reused one
 * replication number, analysed with reliabilities, dropped a size or counted with another alpha
 * gives other counts. Small samples (40 and 60 families, 3 replications each; about 2 s).
 */
class StudyPowerRunTest {

    @Test
    void pointsAreTheSamplesDrawnOneByOneAndDoNotDependOnThreads() throws Exception {
        VirtualStudy study = VirtualStudy.of(ScenarioLoader.load("default"), new StudySpec(60, 6, 1, 0.2, 20261207));
        List<Integer> sizes = List.of(40, 60);
        int reps = 3;

        // The oracle: every sample drawn here, in (size, replication) order.
        List<List<StudyStatistic>> samples = new ArrayList<>();
        for (int n : sizes) {
            ModelParameters model = study.model(n);
            for (int r = 0; r < reps; r++) {
                samples.add(StudyAnalysis.of(study.draw(model, study.powerSeed(n), r), study.measurement(), 1, false));
            }
        }
        List<String> effects = samples.get(0).stream().map(StudyStatistic::name).toList();
        assertEquals(7, effects.size());

        List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        List<StudyPower.Point> one = StudyPower.run(study, sizes, reps, 1, (done, total) -> progress.add(new int[] {done, total}));
        assertEquals(7 * 2, one.size(), "seven effects (no reliability rows) times two sizes");
        int i = 0;
        int detections = 0;
        for (int e = 0; e < effects.size(); e++) {
            for (int s = 0; s < sizes.size(); s++) {
                StudyPower.Point pt = one.get(i++);
                assertEquals(effects.get(e), pt.effect());
                assertEquals(samples.get(0).get(e).label(), pt.label());
                assertEquals(sizes.get(s), pt.families());
                assertEquals(reps, pt.replications());
                int detected = 0;
                for (int r = 0; r < reps; r++) {
                    StudyStatistic st = samples.get(s * reps + r).get(e);
                    boolean hit = st.test() == StudyStatistic.Test.P_VALUE ? st.pValue() < 0.2 : st.observed().lower() > 0;
                    detected += hit ? 1 : 0;
                }
                detections += detected;
                assertEquals(detected, pt.detected(), pt.effect() + " at " + pt.families());
                assertEquals(detected / (double) reps, pt.power().value(), 1e-15);
            }
        }
        assertTrue(detections > 0 && detections < 7 * 2 * reps, "the counts tell samples apart: " + detections);

        assertEquals(6, progress.size(), "one progress call per sample");
        for (int k = 0; k < 6; k++) {
            assertEquals(k + 1, progress.get(k)[0]);
            assertEquals(6, progress.get(k)[1]);
        }
        assertEquals(one, StudyPower.run(study, sizes, reps, 3, (done, total) -> { }), "three threads, same points");
    }

    /** A failure inside a sample reaches the caller as itself, not wrapped. */
    @Test
    void aSamplesFailureIsRethrownAsItIs() throws Exception {
        VirtualStudy study = VirtualStudy.of(ScenarioLoader.load("default"), new StudySpec(40, 4, 1, 0.05, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StudyPower.run(study, List.of(40), 2, 2,
                (done, total) -> {
                    throw new IllegalStateException("listener failed at " + done);
                }));
        assertTrue(e.getMessage().startsWith("listener failed at "), e.getMessage());
    }
}
