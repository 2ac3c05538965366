package org.alliancesim.analysis.experiment;

import static org.alliancesim.analysis.experiment.Courses.course;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class TallyTest {

    /**
     * Retention by a grouping, counted per replication and merged, is the Kaplan-Meier estimator fed
     * each course of its group one by one: a dropout is an event at its sessions, any other course that
     * started is censored there, a course that never started and a course grouped to null are left out,
     * and a course longer than the session limit still counts (a classification that swapped events and
     * censored courses, lost a group, or dropped the counts beyond the first array would fail this).
     */
    @Test
    void retentionByAnyGroupingIsTheEstimatorOfEachGroup() {
        Tally.Kind<RetentionTally> byTherapist = RetentionTally.by("therapist",
                c -> c.therapistId() < 0 ? null : c.therapistId() % 2 == 0 ? "even" : "odd");
        RetentionTally run = byTherapist.create(10);
        KaplanMeier even = new KaplanMeier();
        KaplanMeier odd = new KaplanMeier();
        EndReason[] ends = {EndReason.DROPOUT, EndReason.GOALS_MET, EndReason.CENSORED, EndReason.SESSION_LIMIT};
        int f = 0;
        for (int r = 0; r < 3; r++) {
            RetentionTally replication = byTherapist.create(10);
            for (int i = 0; i < 40; i++) {
                int therapist = i % 5 == 4 ? -1 : i % 3;
                int sessions = i % 7 == 0 ? 0 : 1 + (i * 5 + r) % 14; // some beyond the limit of 10
                CourseRecord c = course(f++, therapist, ends[(i + r) % ends.length], sessions, 0.5, 0, 0);
                replication.courseEnded(c);
                if (therapist >= 0 && sessions > 0) {
                    (therapist % 2 == 0 ? even : odd).add(sessions, c.endReason() == EndReason.DROPOUT);
                }
            }
            run.merge(replication);
        }
        RetentionTally.Curves curves = run.snapshot();
        assertEquals(List.of("even", "odd"), new ArrayList<>(curves.byGroup().keySet()));
        assertEquals(even.rows(), curves.curve("even").rows());
        assertEquals(odd.rows(), curves.curve("odd").rows());
        assertTrue(curves.curve("even").rows().stream().anyMatch(row -> row.time() > 10));
        assertEquals(0, curves.curve("nobody").subjects());
        RetentionTally later = byTherapist.create(10);
        later.courseEnded(course(f, 0, EndReason.DROPOUT, 3, 0, 0, 0));
        run.merge(later);
        assertEquals(even.rows(), curves.curve("even").rows(), "a snapshot does not move with later merges");
        assertEquals(even.subjects() + 1, run.snapshot().curve("even").subjects());
    }

    /**
     * A result counts only the kinds it reads, and says so when asked for another: a metrics-only run's
     * replications count no retention or patterns (their tallies are absent, not empty), its metrics
     * equal a full run's to the bit, and a kind a result was not made with is refused by name.
     */
    @Test
    void aResultCountsOnlyItsKinds() throws Exception {
        ModelParameters model = ScenarioLoader.load("default").with("run.families", 200).model();
        ExperimentResult lean = ExperimentResult.metricsOnly(model.run().sessionLimit());
        List<Boolean> patternsCounted = new ArrayList<>();
        Experiment.ReplicationSink sink = lean.sink();
        Experiment.run(ExperimentPlan.builder(model, 5).replications(0, 3).threads(2).sessionDetail(false).build(),
                new Experiment.ReplicationSink() {
            @Override
            public void accept(ReplicationData d) throws Exception {
                patternsCounted.add(d.counts(PatternTally.KIND) || d.counts(Tallies.RETENTION));
                sink.accept(d);
            }

            @Override
            public List<Tally.Kind<?>> tallies() {
                return sink.tallies();
            }
        });
        assertEquals(List.of(false, false, false), patternsCounted);
        ExperimentResult full = Experiment.run(ExperimentPlan.builder(model, 5).replications(3).sessionDetail(false).build());
        for (Metric m : Metric.values()) {
            assertArrayEquals(full.values(m), lean.values(m), m.key());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lean.snapshot(SplitTally.KIND));
        assertTrue(e.getMessage().contains("split"), e.getMessage());
        assertEquals(0, lean.retention().subjects());
        assertTrue(full.retention().subjects() > 0);
    }

    /**
     * The run's dropout timing is the mean per replication of the dropouts by end session, whatever
     * the order of merged replications' sizes (a sum not divided, or divided by the families, would
     * fail this).
     */
    @Test
    void dropoutTimingIsTheMeanPerReplication() {
        DropoutTimingTally run = DropoutTimingTally.KIND.create(6);
        for (int r = 0; r < 4; r++) {
            DropoutTimingTally one = DropoutTimingTally.KIND.create(6);
            for (int i = 0; i <= r; i++) {
                one.courseEnded(course(i, 0, EndReason.DROPOUT, 2, 0, 0, 0));
            }
            one.courseEnded(course(9, 0, EndReason.GOALS_MET, 3, 1, 0, 0));
            run.merge(one);
        }
        double[] timing = run.snapshot();
        assertEquals(8, timing.length);
        assertEquals((1 + 2 + 3 + 4) / 4.0, timing[2]);
        assertEquals(0.0, timing[3]);
    }
}
