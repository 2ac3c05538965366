package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.model.EndReason;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** How replications reach their consumer: rows written as they come, only what an output needs. */
class ExperimentTest {

    /**
     * A lone replication hands its rows over while it runs, in chunks of about
     * {@link Experiment#ROWS_CHUNK} characters, so a replication of a million families does not hold
     * a million rows; the chunks and the rest written at the end are exactly the rows of the same
     * replication run among others on two threads (where nothing is drained).
     */
    @Test
    void aLoneReplicationWritesItsRowsWhileItRuns() throws Exception {
        Scenario s = ScenarioLoader.load("default", List.of("run.families=12000"));
        StringWriter streamed = new StringWriter();
        List<Integer> drained = new ArrayList<>();
        Experiment.run(ExperimentPlan.builder(s.model(), 5).replications(1, 1).threads(2).familyRows(true).build(),
                new Experiment.ReplicationSink() {
            @Override
            public void accept(ReplicationData d) throws Exception {
                d.writeFamilies(streamed);
            }

            @Override
            public void rows(ReplicationData d) throws Exception {
                drained.add(d.familiesCsv.length());
                d.writeFamilies(streamed);
            }
        });
        StringWriter whole = new StringWriter();
        Experiment.run(ExperimentPlan.builder(s.model(), 5).replications(2).threads(2).familyRows(true).build(), d -> {
            if (d.replication == 1) {
                d.writeFamilies(whole);
            }
        });
        assertTrue(drained.size() >= 1, "12000 rows of about 150 characters exceed one chunk: " + drained);
        for (int chars : drained) {
            assertTrue(chars >= Experiment.ROWS_CHUNK && chars < Experiment.ROWS_CHUNK + 1000, "chunk " + chars);
        }
        assertEquals(whole.toString(), streamed.toString());
    }

    /**
     * A metrics-only run (sweeps, calibration) gives the same metrics as a full one, formats no
     * families.csv rows, and keeps no curves.
     */
    @Test
    void metricsOnlyKeepsTheMetricsAndNothingElse() throws Exception {
        Scenario s = ScenarioLoader.load("default", List.of("run.families=200"));
        ExperimentPlan plan = ExperimentPlan.builder(s.model(), 9).replications(4).threads(2).sessionDetail(false).build();
        ExperimentResult full = Experiment.run(plan);
        ExperimentResult lean = Experiment.metrics(plan);
        for (Metric m : Metric.values()) {
            assertEquals(java.util.Arrays.toString(full.values(m)), java.util.Arrays.toString(lean.values(m)), m.key());
        }
        assertEquals(full.summaries(), lean.summaries());
        assertEquals(0, lean.retention().subjects());
        assertTrue(full.retention().subjects() > 0);
        ReplicationData noRows = new ReplicationData(0, 20, false, false);
        noRows.courseEnded(Courses.course(0, 0, EndReason.DROPOUT, 3, 0.5, 1, 0));
        assertEquals(1, noRows.families());
        StringWriter w = new StringWriter();
        noRows.writeFamilies(w);
        assertEquals("", w.toString());
    }

    /**
     * A plan of a scenario runs its model, seed and replications with the defaults the old
     * four-argument run had (session detail, no rows, one thread); a metrics-only run refuses a plan
     * that asks for more than metrics, and a plan refuses what cannot run.
     */
    @Test
    void aPlanNamesEveryChoiceAndRefusesWhatCannotRun() throws Exception {
        Scenario s = ScenarioLoader.load("default", List.of("run.families=50", "replications=3", "seed=77"));
        ExperimentPlan p = ExperimentPlan.of(s).build();
        assertEquals(s.model(), p.model());
        assertEquals(77, p.seed());
        assertEquals(0, p.first());
        assertEquals(3, p.count());
        assertEquals(1, p.threads());
        assertTrue(p.sessionDetail() && !p.familyRows() && !p.trajectories() && p.alongside() == null);
        Exception more = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Experiment.metrics(p));
        assertTrue(more.getMessage().contains("sessionDetail(false)"), more.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Experiment.metrics(ExperimentPlan.of(s).sessionDetail(false).familyRows(true).build()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.of(s).threads(0).build());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ExperimentPlan.of(s).replications(-1, 2).build());
        // afterEach hears each replication once, in order, after the sink took it
        List<Integer> order = new ArrayList<>();
        Experiment.run(ExperimentPlan.of(s).replications(2, 3).threads(2).afterEach(r -> order.add(-r)).build(),
                d -> order.add(d.replication));
        assertEquals(List.of(2, -2, 3, -3, 4, -4), order);
    }
}
