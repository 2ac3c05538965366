package org.alliancesim.analysis.compete;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.HypothesesSpec;
import org.alliancesim.scenario.HypothesesSpecs;
import org.alliancesim.scenario.ParameterPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Competition#of} and {@link Competition#run} on a tiny competition (30 families, one replication per
 * evaluation, a budget of 2, two validation replications): what the score holds is checked against the parts it
 * is made from (the fit's trace and best point, the validation rows), the validation run against the file's
 * validation seed and replications, and a variant without parameters against its one evaluation. The use case
 * (CompeteUseCaseTest) checks what the files show; this checks the scoring itself.
 */
class CompetitionRunTest {

    @TempDir
    static Path dir;

    static HypothesesSpec spec;
    static Competition competition;

    @BeforeAll
    static void load() throws Exception {
        Path file = dir.resolve("h.yaml");
        Files.writeString(file, "base: default\ntargets: literature\nvalidation: validation\n"
                + "max_evaluations: 2\nreplications: 1\nfamilies: 30\nseed: 11\n"
                + "validation_replications: 2\nvalidation_seed: 12\n"
                + "variants:\n"
                + "  - name: fitted\n    fit: [{path: dynamics.attendance.intercept, min: -5.0, max: -2.0}]\n"
                + "  - name: fixed\n    edits: {therapists.0.spread: 0.3}\n");
        spec = HypothesesSpecs.load(file);
        competition = Competition.of(spec, Calibration.targets(spec.targets()), ValidationSet.spec(spec.validation()));
    }

    @Test
    void theFitSpecIsTheSetsTargetsWithTheFilesBudgetAndSeed() throws Exception {
        CalibrationSpec targets = Calibration.targets("literature");
        CalibrationSpec f = Competition.fitSpec(spec, targets, spec.variants().get(0));
        assertEquals("default", f.base());
        assertEquals(targets.targets(), f.targets());
        assertEquals(spec.variants().get(0).fit(), f.parameters());
        assertEquals(targets.anchors(), f.anchors());
        assertEquals(1, f.replications());
        assertEquals(30, f.families());
        assertEquals(11L, f.seed());
        assertEquals(2, f.maxEvaluations());
        assertEquals(2, competition.size());
        assertSame(spec, competition.spec());
    }

    @Test
    void aVariantWithoutParametersIsScoredAtItsEditedBaseInOneEvaluation() throws Exception {
        List<Calibration.Evaluation> told = new ArrayList<>();
        Competition.VariantRun r = competition.run(1, 1, told::add);
        assertEquals(1, told.size(), "one evaluation, told once");
        Calibration.Evaluation e = told.get(0);
        assertEquals(1, e.index());
        assertEquals(0, e.x().length);
        assertEquals(e.distance(), e.best());
        VariantScore s = r.score();
        assertEquals("fixed", s.name());
        assertEquals(List.of(), s.parameters());
        assertEquals(List.of(), s.fitted());
        assertEquals(e.distance(), s.calibrationDistance());
        assertEquals(e.distance(), r.fit().distance());
        assertEquals(1, s.evaluations());
        // The edit reached the scored scenario, which runs on the validation seed and replications.
        assertEquals(0.3, ((Number) r.fitted().valueAt(ParameterPath.parse("therapists[0].spread"))).doubleValue());
        assertEquals(30, r.fitted().model().run().families());
        assertEquals(12L, r.fitted().seed());
        assertEquals(2, r.fitted().replications());
        assertEquals(2, r.validationRun().replications());
        assertEquals(60, r.validationRun().families());
        checkScoreAgainstRows(r);
        // Without a listener the same.
        assertEquals(s, competition.run(1, 1, null).score());
    }

    @Test
    void aFittedVariantIsScoredAtItsBestPointOnTheValidationSeed() throws Exception {
        List<Calibration.Evaluation> told = new ArrayList<>();
        Competition.VariantRun r = competition.run(0, 1, told::add);
        VariantScore s = r.score();
        assertEquals("fitted", s.name());
        assertEquals(List.of("dynamics.attendance.intercept"), s.parameters());
        assertEquals(1, s.fitted().size());
        assertArrayEquals(r.fit().best(), new double[] {s.fitted().get(0)});
        assertEquals(r.fit().trace().size(), s.evaluations());
        assertEquals(told.size(), s.evaluations());
        assertEquals(r.fit().distance(), s.calibrationDistance());
        double best = s.fitted().get(0);
        assertEquals(best, ((Number) r.fitted().valueAt(ParameterPath.parse("dynamics.attendance.intercept")))
                .doubleValue(), 1e-12);
        assertEquals(12L, r.fitted().seed());
        assertEquals(2, r.validationRun().replications());
        checkScoreAgainstRows(r);
    }

    /** The score's pattern counts and validation distance are those of the rows, which come from the validation run. */
    private static void checkScoreAgainstRows(Competition.VariantRun r) throws Exception {
        VariantScore s = r.score();
        List<ValidationSet.Row> rows = r.validation();
        assertEquals(ValidationSet.spec("validation").patterns().size(), rows.size());
        assertEquals(rows.size(), s.patterns());
        int met = 0;
        for (ValidationSet.Row row : rows) {
            double m = row.estimate().mean();
            if (m >= row.pattern().min() && m <= row.pattern().max()) {
                met++;
            }
        }
        assertEquals(met, s.patternsMet());
        assertEquals(Competition.validationDistance(rows), s.validationDistance());
        // One estimate per calibration target, each from the validation run's replications.
        assertEquals(r.fitSpec().targets().size(), r.targetEstimates().size());
    }
}
