// Thread CPU time per 1000-family replication: the model alone (as CohortBenchmark runs it) and the ABC-SMC
// simulation path (ModelSimulator), in one process, so that a loaded machine does not distort the ratio.
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
        int reps = 300;
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
            double abc = reps * 1000 / ((t2 - t1) / 1e9);
            System.out.printf("round %d: model %.0f families/CPU-s, abc path %.0f families/CPU-s, ratio %.2f%n", round, model, abc, abc / model);
        }
        System.out.println(sink);
    }
}
