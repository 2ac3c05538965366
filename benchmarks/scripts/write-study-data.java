// Writes a synthetic study folder (study-data.yaml, families.csv, measures.csv) drawn from a scenario whose
// parameters are then hidden: the data of docs/fitting-your-data.md's recovery example. Never reads real data.
//
// Run (from the repository root, after mvn -B -q -pl analysis -am package -DskipTests):
//   java -cp analysis/target/alliancesim.jar benchmarks/scripts/write-study-data.java \
//       SCENARIO STUDY_DATA_YAML OUT_DIR FAMILIES THERAPISTS SEED PREFIX [--set PATH=VALUE ...]
// for example
//   java -cp analysis/target/alliancesim.jar benchmarks/scripts/write-study-data.java default \
//       scenarios/data/example/study-data.yaml /tmp/example 300 30 4242 QX7 \
//       --set dynamics.attendance.intercept=-3.2 --set rules.attendance.alliance=0.9
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.study.StudyDataWriter;
import org.alliancesim.scenario.ScenarioLoader;

public class WriteStudyData {
    public static void main(String[] args) throws Exception {
        if (args.length < 7 || (args.length - 7) % 2 != 0) {
            System.err.println("usage: SCENARIO STUDY_DATA_YAML OUT_DIR FAMILIES THERAPISTS SEED PREFIX [--set PATH=VALUE ...]");
            System.exit(2);
        }
        List<String> sets = new ArrayList<>();
        for (int i = 7; i < args.length; i += 2) {
            if (!args[i].equals("--set")) {
                System.err.println("expected --set, found " + args[i]);
                System.exit(2);
            }
            sets.add(args[i + 1]);
        }
        StudyDataWriter.write(ScenarioLoader.load(args[0], sets), Files.readString(Path.of(args[1])),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]), args[6], Path.of(args[2]));
        System.out.println("wrote " + args[2] + " (study-data.yaml, families.csv, measures.csv)");
    }
}
