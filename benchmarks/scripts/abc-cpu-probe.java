// Thread CPU time per family: the model alone (as CohortBenchmark runs it, 1000-family replications) and the
// ABC-SMC simulation path (ModelSimulator, literature's eight targets: a 1000-family replication plus Sharf et
// al.'s virtual study of 1301 families, 2301 families per simulation), in one process, so that a loaded machine
// does not distort the ratio; then where a simulation's CPU goes, part by part, at the same point.
// Run: mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/abc-cpu-probe.java [REPS]
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.TargetEstimates;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.analysis.stats.RandomInterceptLogistic;
import org.alliancesim.analysis.study.StudyAnalysis;
import org.alliancesim.analysis.study.VirtualStudy;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.StudySpec;

/** Thread CPU time per 1000-family replication: the model alone (as CohortBenchmark) and the ABC simulation path. */
public class CpuProbe {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    static long sink;

    interface Part {
        long run(int i) throws Exception;
    }

    /** Mean thread CPU ms of {@code reps} calls. */
    static double ms(int reps, int first, Part p) throws Exception {
        long t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < reps; i++) {
            sink += p.run(first + i);
        }
        return (MX.getCurrentThreadCpuTime() - t0) / 1e6 / reps;
    }

    public static void main(String[] a) throws Exception {
        CalibrationSpec lit = Calibration.targets("literature");
        CalibrationSpec one = new CalibrationSpec(lit.base(), lit.targets(), lit.parameters(), lit.anchors(), 1, 1000, lit.seed(), lit.maxEvaluations());
        Calibration c = Calibration.of(one, ScenarioLoader.load(one.base()));
        ModelSimulator sim = ModelSimulator.of(c);
        double[] x = c.start();
        ModelParameters params = ModelParameters.defaults();
        RandomStreams streams = RandomStreams.of(2026);
        int reps = a.length > 0 ? Integer.parseInt(a[0]) : 200;
        long perSimulation = 1000;
        for (CalibrationSpec.Target t : one.targets()) {
            perSimulation += t.sized() ? t.n() : 0; // literature: one sized target (d, n 1301)
        }
        CourseListener none = new CourseListener() {
            @Override public void courseEnded(CourseRecord r) {}
        };
        // The parts, at the same point: the scenario, its model, the virtual study's model and design as
        // TargetEstimates makes them.
        Scenario sc = c.scenario(x);
        ModelParameters lm = sc.model();
        List<CalibrationSpec.Target> study = one.targets().stream().filter(CalibrationSpec.Target::sized).toList();
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        edits.put(ParameterPath.parse("run.mode"), "cohort");
        edits.put(ParameterPath.parse("run.families"), 1301);
        ModelParameters vm = sc.with(edits, "virtual study").model();
        int therapists = (1301 + StudySpec.MAX_CASELOAD - 1) / StudySpec.MAX_CASELOAD;
        VirtualStudy vs = VirtualStudy.of(sc, new StudySpec(1301, therapists, TargetEstimates.EARLY_SESSION, 0.05, 1))
                .earlyRatingsOnly();
        CourseListener early = new CourseListener() {
            @Override public void courseEnded(CourseRecord r) {}
            @Override public int sessionsWanted() { return TargetEstimates.EARLY_SESSION; }
        };
        // The therapist counts of a replication, for the ICC fit alone (as MetricsTally counts them).
        int[][][] counts = new int[reps][][];
        for (int i = 0; i < reps; i++) {
            int[][] ft = new int[2][256];
            int[] top = {0};
            Replication.run(lm, RandomStreams.of(i), 0, new CourseListener() {
                @Override public void courseEnded(CourseRecord r) {
                    if (r.therapistId() >= 0) {
                        ft[0][r.therapistId()]++;
                        ft[1][r.therapistId()] += r.endReason() == EndReason.DROPOUT ? 1 : 0;
                        top[0] = Math.max(top[0], r.therapistId() + 1);
                    }
                }
            }, false);
            counts[i] = new int[][] {java.util.Arrays.copyOf(ft[0], top[0]), java.util.Arrays.copyOf(ft[1], top[0])};
        }
        for (int round = 0; round < 4; round++) {
            int b = round * reps;
            double model = ms(reps, b, i -> Replication.run(params, streams, i, none, false).memberSessions());
            double abc = ms(reps, b, i -> (long) sim.simulate(x, i)[0]);
            System.out.printf("round %d: model %.0f families/CPU-s, abc path %.0f families/CPU-s, ratio %.2f%n", round,
                    1000 / model * 1000, perSimulation / abc * 1000, perSimulation / abc / (1000 / model));
            double metrics = ms(reps, b, i -> Experiment.metrics(ExperimentPlan.builder(lm, i).replications(1)
                    .sessionDetail(false).build()).summaries().size());
            double lmodel = ms(reps, b, i -> Replication.run(lm, streams, i, none, false).memberSessions());
            double icc = ms(reps, 0, i -> (long) (1e6 * RandomInterceptLogistic.iccEstimate(counts[i % reps][0], counts[i % reps][1], 1)));
            double targets = ms(reps, b, i -> (long) TargetEstimates.of(study, sc, i, 1, 1, null).get(0).mean());
            double vmodel = ms(reps, b, i -> Replication.run(vm, streams, i, early, true).memberSessions());
            double draw = ms(reps, b, i -> vs.draw(vm, i, 0, false).families().size());
            VirtualStudy.Sample sample = vs.draw(vm, b, 0, false);
            double analysis = ms(reps, b, i -> StudyAnalysis.of(sample, "d_dropout"::equals).size());
            System.out.printf("  per simulation (ms CPU): %.2f = metrics replication of 1000 families %.2f (the model"
                    + " alone %.2f, the ICC fit %.2f, the rest %.2f) + virtual study of %d families %.2f (the model with"
                    + " session detail %.2f, measurement and rows %.2f, d %.2f, set-up %.2f) + the rest %.2f%n",
                    abc, metrics, lmodel, icc, metrics - lmodel - icc, perSimulation - 1000, targets, vmodel,
                    draw - vmodel, analysis, targets - draw - analysis, abc - metrics - targets);
        }
        System.out.println(sink);
    }
}
