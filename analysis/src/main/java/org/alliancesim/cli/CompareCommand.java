package org.alliancesim.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.report.CompareReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim compare A B}: two scenarios on the same simulated families. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Compare two scenarios on the same simulated families (common random numbers).",
        description = {"Both scenarios run with the same seed and replication numbers, so each replication"
                + " simulates the same families under A and under B; differences (B - A) get 95%% intervals"
                + " over the paired replications, with effect sizes.", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input (nothing written), 1 internal or I/O error."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The reference scenario (name or file).")
    String scenarioA;

    @Parameters(index = "1", paramLabel = "B", description = "The scenario compared with it.")
    String scenarioB;

    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: A's).")
    Integer reps;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed for both (default: A's).")
    Long seed;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field in both scenarios (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--set-a", paramLabel = "PATH=VALUE", description = "Override a field in A only (repeatable).")
    List<String> setsA = new ArrayList<>();

    @Option(names = "--set-b", paramLabel = "PATH=VALUE", description = "Override a field in B only (repeatable).")
    List<String> setsB = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/A-vs-B-TIMESTAMP).")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.get();
        Instant started = Instant.now();
        if (reps != null && (reps < 2 || reps > 100_000)) {
            throw new BadInputException("--reps must be from 2 to 100000 (paired intervals need 2), was " + reps);
        }
        List<String> allA = new ArrayList<>(sets);
        allA.addAll(setsA);
        List<String> allB = new ArrayList<>(sets);
        allB.addAll(setsB);
        Scenario a = ScenarioLoader.load(scenarioA, allA);
        Scenario b = ScenarioLoader.load(scenarioB, allB);
        long s = seed != null ? seed : a.seed();
        int n = reps != null ? reps : a.replications();
        a = a.withSeed(s).withReplications(n);
        b = b.withSeed(s).withReplications(n);
        Path dir = OutputFolders.resolve(out, a.name() + "-vs-" + b.name(), started, force);
        ExperimentResult ra = new ExperimentResult(a.model().run().sessionLimit());
        ExperimentResult rb = new ExperimentResult(b.model().run().sessionLimit());
        PrintWriter err = spec.commandLine().getErr();
        CompareReport.Result result;
        try (ResultsFolder folder = ResultsFolder.open(dir, force, CompareReport.FILES);
                Writer families = folder.writer("families.csv")) {
            families.write("scenario," + ReplicationData.FAMILIES_HEADER);
            final String nameA = a.name();
            final String nameB = b.name();
            if (!quiet) {
                err.println("running A: " + nameA + " (" + n + " replications)");
            }
            Experiment.run(a.model(), s, 0, n, threads, false, d -> {
                ra.add(d);
                d.writeFamilies(families, "A");
            }, null);
            if (!quiet) {
                err.println("running B: " + nameB + " on the same families");
            }
            Experiment.run(b.model(), s, 0, n, threads, false, d -> {
                rb.add(d);
                d.writeFamilies(families, "B");
            }, null);
            families.close();
            result = CompareReport.Result.of(a, b, ra, rb);
            List<String> original = spec.root().commandLine().getParseResult().originalArgs();
            CompareReport.write(folder, result, new Provenance(AllianceSim.version(),
                    Provenance.resultArguments(original), started, Instant.now()));
            folder.commit();
        }
        print(spec.commandLine().getOut(), result, dir);
        return AllianceSim.OK;
    }

    static void print(PrintWriter out, CompareReport.Result r, Path dir) {
        out.printf(Locale.ROOT, "A = %s, B = %s: %d paired replications x %d families, seed %d%n", r.a().name(),
                r.b().name(), r.ra().replications(), r.a().model().run().families(), r.a().seed());
        out.printf(Locale.ROOT, "%-22s %8s %8s %9s  %s%n", "metric", "A", "B", "B - A", "95% CI");
        for (Comparison.Difference d : r.differences()) {
            for (Metric m : RunCommand.TABLE) {
                if (d.metric() == m) {
                    out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f  [%.3f, %.3f]%n", m.label(), d.meanA(), d.meanB(),
                            d.difference(), d.lower(), d.upper());
                }
            }
        }
        Comparison.Risk k = r.dropout();
        out.printf(Locale.ROOT, "dropout risk ratio B/A %.3f [%.3f, %.3f]%n", k.ratio(), k.ratioLower(), k.ratioUpper());
        for (Comparison.EffectSize e : r.effects()) {
            out.printf(Locale.ROOT, "Cohen's d, %-12s %.3f%n", e.outcome(), e.d());
        }
        out.println("results: " + dir);
        out.flush();
    }
}
