// How informative the summaries of a study's data are about each parameter (docs/fitting-your-data.md,
// "Which summaries, and why"): for each parameter, the summaries' mean over R virtual studies of the
// study's design at the parameter's value +- STEP (other parameters at the scenario's values, common seeds),
// divided by the summary's sd over those studies: the shift in sampling sds that a move of 2 x STEP makes.
//
// Run (from the repository root, after mvn -B -q -pl analysis -am package -DskipTests):
//   java -cp analysis/target/alliancesim.jar benchmarks/scripts/study-data-sensitivity.java \
//       STUDY_DIR SCENARIO R PATH=VALUE:STEP ...
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;

public class StudyDataSensitivity {
    public static void main(String[] args) throws Exception {
        DataEvidence data = DataEvidence.read(Path.of(args[0]));
        int reps = Integer.parseInt(args[2]);
        List<String> names = data.names();
        System.out.printf(Locale.ROOT, "%-36s", "parameter (value +- step)");
        for (String n : names) {
            System.out.printf(Locale.ROOT, " %22s", n);
        }
        System.out.println();
        List<String> base = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] pv = args[i].split(":")[0].split("=");
            base.add(pv[0] + "=" + pv[1]);
        }
        for (int i = 3; i < args.length; i++) {
            String[] ps = args[i].split(":");
            String path = ps[0].split("=")[0];
            double value = Double.parseDouble(ps[0].split("=")[1]);
            double step = Double.parseDouble(ps[1]);
            double[][] lo = run(args[1], base, path, value - step, data, reps);
            double[][] hi = run(args[1], base, path, value + step, data, reps);
            System.out.printf(Locale.ROOT, "%-36s", path + " " + value + " +- " + step);
            for (int k = 0; k < names.size(); k++) {
                double[] a = column(lo, k);
                double[] b = column(hi, k);
                double sd = Math.sqrt((var(a) + var(b)) / 2);
                System.out.printf(Locale.ROOT, " %9.3f -> %6.3f %4.1f", mean(a), mean(b), (mean(b) - mean(a)) / sd);
            }
            System.out.println();
        }
    }

    static double[][] run(String scenario, List<String> base, String path, double v, DataEvidence data, int reps)
            throws Exception {
        List<String> sets = new ArrayList<>();
        for (String s : base) {
            if (!s.startsWith(path + "=")) {
                sets.add(s);
            }
        }
        sets.add(path + "=" + v);
        Scenario s = ScenarioLoader.load(scenario, sets);
        double[][] out = new double[reps][];
        for (int r = 0; r < reps; r++) {
            out[r] = data.summaries(s, 99, r);
        }
        return out;
    }

    static double[] column(double[][] x, int k) {
        return java.util.Arrays.stream(x).mapToDouble(r -> r[k]).filter(Double::isFinite).toArray();
    }

    static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElse(Double.NaN);
    }

    static double var(double[] x) {
        double m = mean(x);
        return java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }
}
