// The ABC simulation path's families per CPU-second as a share of the model's, measured interleaved: BLOCKS blocks,
// each timing (thread CPU) K replications of the model alone (CohortBenchmark's workload: the default cohort of 1000
// families), then K simulations of the ABC path on the literature's eight targets (1000 + 1301 families each: the
// metrics replication and Sharf et al.'s virtual study), then K on its seven targets without n: (the metrics-only path,
// 1000 families), in one process. The machine's speed drifts over minutes (a virtual machine: the model alone moved
// from 680,000 to 512,000 families/s between two JMH runs a minute apart), so a ratio of two JMH runs taken at
// different times carries that drift; here each block's three parts are taken within a second or two of each other.
// Prints each block's ratios and, over the blocks after the first (warm-up), the median and the range.
// Run: mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/abc-ratio-probe.java [BLOCKS] [K]
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;

/** Interleaved thread-CPU ratio of the ABC path's families/s to the model's. */
public class RatioProbe {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    static double sink;

    static ModelSimulator simulator(List<CalibrationSpec.Target> targets, CalibrationSpec lit) throws Exception {
        CalibrationSpec one = new CalibrationSpec(lit.base(), targets, lit.parameters(), lit.anchors(), 1, 1000, lit.seed(),
                lit.maxEvaluations());
        return ModelSimulator.of(Calibration.of(one, ScenarioLoader.load(one.base())));
    }

    static double median(List<Double> x) {
        double[] v = x.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static void main(String[] a) throws Exception {
        int blocks = a.length > 0 ? Integer.parseInt(a[0]) : 21;
        int k = a.length > 1 ? Integer.parseInt(a[1]) : 40;
        CalibrationSpec lit = Calibration.targets("literature");
        ModelSimulator all = simulator(lit.targets(), lit);
        ModelSimulator metrics = simulator(lit.targets().stream().filter(t -> !t.sized()).toList(), lit);
        long allFamilies = 1000;
        for (CalibrationSpec.Target t : lit.targets()) {
            allFamilies += t.sized() ? t.n() : 0; // literature: one sized target (d, n 1301)
        }
        double[] x = Calibration.of(lit, ScenarioLoader.load(lit.base())).start();
        ModelParameters params = ModelParameters.defaults();
        RandomStreams streams = RandomStreams.of(2026);
        CourseListener none = new CourseListener() {
            @Override public void courseEnded(CourseRecord r) {}
        };
        List<Double> rAll = new ArrayList<>();
        List<Double> rMetrics = new ArrayList<>();
        int seed = 0;
        for (int b = 0; b < blocks; b++) {
            long t0 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < k; i++) {
                sink += Replication.run(params, streams, seed + i, none, false).memberSessions();
            }
            long t1 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < k; i++) {
                sink += all.simulate(x, seed + i)[0];
            }
            long t2 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < k; i++) {
                sink += metrics.simulate(x, seed + i)[0];
            }
            long t3 = MX.getCurrentThreadCpuTime();
            seed += k;
            double model = 1000.0 * k / ((t1 - t0) / 1e9);
            double ratioAll = allFamilies * k / ((t2 - t1) / 1e9) / model;
            double ratioMetrics = 1000.0 * k / ((t3 - t2) / 1e9) / model;
            System.out.printf("block %2d: model %,.0f families/CPU-s; ABC path, eight targets %.3f, metrics only %.3f%n", b, model,
                    ratioAll, ratioMetrics);
            if (b > 0) {
                rAll.add(ratioAll);
                rMetrics.add(ratioMetrics);
            }
        }
        System.out.printf("over blocks 1-%d: eight targets median %.3f [%.3f, %.3f]; metrics only median %.3f [%.3f, %.3f]%n",
                blocks - 1, median(rAll), rAll.stream().min(Double::compare).get(), rAll.stream().max(Double::compare).get(),
                median(rMetrics), rMetrics.stream().min(Double::compare).get(), rMetrics.stream().max(Double::compare).get());
        System.out.println(sink > 0 ? "" : "-");
    }
}
