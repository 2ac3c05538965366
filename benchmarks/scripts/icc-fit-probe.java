// Thread CPU time of the therapist share's fit (RandomInterceptLogistic.iccEstimate, Laplace) on the therapist counts of
// REPS replications of the literature targets' base scenario at its defaults (1000 families each), five rounds, and the
// estimates written to OUT (hex and decimal, one per replication) so that two builds' estimates can be compared bit by bit.
// Run: mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/icc-fit-probe.java REPS OUT
// Compare: paste OUT1 OUT2 | awk '{ if ($1 != $3) { n++; r = ($2 - $4) / $2; if (r < 0) r = -r; if (r > m) m = r } } END { print n " differ, max rel " m }'
import java.lang.management.*;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.stats.RandomInterceptLogistic;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.*;
import org.alliancesim.scenario.*;
public class FitProbe {
  public static void main(String[] a) throws Exception {
    CalibrationSpec lit = Calibration.targets("literature");
    Calibration c = Calibration.of(lit, ScenarioLoader.load(lit.base()));
    ModelParameters lm = c.scenario(c.start()).model();
    int reps = Integer.parseInt(a[0]);
    int[][][] counts = new int[reps][][];
    for (int i = 0; i < reps; i++) {
      int[][] ft = new int[2][256]; int[] top = {0};
      Replication.run(lm, RandomStreams.of(i), 0, new CourseListener() {
        @Override public void courseEnded(CourseRecord r) {
          if (r.therapistId() >= 0) { ft[0][r.therapistId()]++; ft[1][r.therapistId()] += r.endReason() == EndReason.DROPOUT ? 1 : 0; top[0] = Math.max(top[0], r.therapistId() + 1);} }
      }, false);
      counts[i] = new int[][] {java.util.Arrays.copyOf(ft[0], top[0]), java.util.Arrays.copyOf(ft[1], top[0])};
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] icc = new double[reps];
    for (int round = 0; round < 5; round++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < reps; i++) icc[i] = RandomInterceptLogistic.iccEstimate(counts[i][0], counts[i][1], 1);
      System.out.printf("round %d: %.3f ms per fit%n", round, (mx.getCurrentThreadCpuTime() - t0) / 1e6 / reps);
    }
    try (var w = new java.io.PrintWriter(a[1])) { for (double v : icc) w.println(Double.toHexString(v) + " " + v); }
  }
}
