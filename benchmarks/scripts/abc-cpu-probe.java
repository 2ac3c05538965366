// Thread CPU time per family: the model alone (as CohortBenchmark runs it, 1000-family replications) and the
// ABC-SMC simulation path (ModelSimulator, literature's eight targets: a 1000-family replication plus Sharf et
// al.'s virtual study of 1301 families, 2301 families per simulation), in one process, so that a loaded machine
// does not distort the ratio.
// Run: mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/abc-cpu-probe.java
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;

/** Thread CPU time per 1000-family replication: the model alone (as CohortBenchmark) and the ABC simulation path. */
public class CpuProbe {
    public static void main(String[] a) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CalibrationSpec lit = Calibration.targets("literature");
        CalibrationSpec one = new CalibrationSpec(lit.base(), lit.targets(), lit.parameters(), lit.anchors(), 1, 1000, lit.seed(), lit.maxEvaluations());
        Calibration c = Calibration.of(one, ScenarioLoader.load(one.base()));
        ModelSimulator sim = ModelSimulator.of(c);
        double[] x = c.start();
        ModelParameters params = ModelParameters.defaults();
        RandomStreams streams = RandomStreams.of(2026);
        long sink = 0;
        int reps = 200;
        long perSimulation = 1000;
        for (CalibrationSpec.Target t : one.targets()) {
            perSimulation += t.sized() ? t.n() : 0; // literature: one sized target (d, n 1301)
        }
        for (int round = 0; round < 4; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                sink += Replication.run(params, streams, round * reps + i, new CourseListener() {
                    @Override public void courseEnded(CourseRecord r) {}
                }, false).memberSessions();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                sink += (long) sim.simulate(x, round * reps + i)[0];
            }
            long t2 = mx.getCurrentThreadCpuTime();
            double model = reps * 1000 / ((t1 - t0) / 1e9);
            double abc = reps * perSimulation / ((t2 - t1) / 1e9);
            System.out.printf("round %d: model %.0f families/CPU-s, abc path %.0f families/CPU-s, ratio %.2f%n", round, model, abc, abc / model);
            // Where a simulation's CPU goes: its two parts apart, at the same point.
            org.alliancesim.scenario.Scenario sc = c.scenario(x);
            java.util.List<CalibrationSpec.Target> study = one.targets().stream().filter(CalibrationSpec.Target::sized).toList();
            long u0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                sink += (long) org.alliancesim.analysis.experiment.Experiment.metrics(org.alliancesim.analysis.experiment.ExperimentPlan
                        .builder(sc.model(), round * reps + i).replications(1).sessionDetail(false).build()).summaries().size();
            }
            long u1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                sink += (long) org.alliancesim.analysis.calibration.TargetEstimates.of(study, sc, round * reps + i, 1, 1, null)
                        .get(0).mean();
            }
            long u2 = mx.getCurrentThreadCpuTime();
            System.out.printf("  per simulation (ms CPU): model 1000 families %.2f; abc path %.2f = metrics replication"
                    + " of 1000 families %.2f + virtual studies (%d families) %.2f + rest %.2f%n",
                    (t1 - t0) / 1e6 / reps, (t2 - t1) / 1e6 / reps, (u1 - u0) / 1e6 / reps, perSimulation - 1000,
                    (u2 - u1) / 1e6 / reps, ((t2 - t1) - (u2 - u0)) / 1e6 / reps);
        }
        System.out.println(sink);
    }
}
