package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareResult;
import org.alliancesim.analysis.usecase.CompareUseCase;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim compare A B}: flags to a {@link CompareRequest}, its result to a table of differences. */
@Command(name = "compare", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
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

    @Option(names = "--reps", paramLabel = "N", description = "Replications, from 2 (default: A's).")
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

    @Mixin
    PosteriorOption posteriorOption;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/A-vs-B-TIMESTAMP).")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar (there is one only when standard error is a terminal).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Posterior post = posteriorOption.read();
        Scenario a = ScenarioLoader.load(scenarioA, concat(sets, setsA));
        a = reps == null ? a : a.withReplications(reps);
        Scenario b = ScenarioLoader.load(scenarioB, concat(sets, setsB));
        CompareRequest request = CompareRequest.of(seed == null ? a : a.withSeed(seed), b).withPosterior(post).withDraws(posteriorOption.draws)
                .withThreads(threadsOption.get())
                .withOutput(Output.orDefault(out, a.name() + "-vs-" + b.name(), Instant.now(), force))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        CompareResult result;
        try (ProgressBar bar = ProgressBars.open("replications",
                2L * request.a().replications() * (post == null ? 1 : 1L + posteriorOption.draws), quiet)) {
            result = CompareUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        }
        print(spec.commandLine().getOut(), result);
        return AllianceSim.OK;
    }

    private static List<String> concat(List<String> both, List<String> one) {
        List<String> all = new ArrayList<>(both);
        all.addAll(one);
        return all;
    }

    static void print(PrintWriter out, CompareResult r) {
        Scenario a = r.comparison().a();
        out.printf(Locale.ROOT, "A = %s, B = %s: %d paired replications x %d families, seed %d%n", a.name(),
                r.comparison().b().name(), r.resultA().replications(), a.model().run().families(), a.seed());
        out.printf(Locale.ROOT, "%-22s %8s %8s %9s  %s%n", "metric", "A", "B", "B - A", "95% CI");
        for (Comparison.Difference d : r.headline()) {
            out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f  [%.3f, %.3f]%n", d.metric().label(), d.meanA(), d.meanB(),
                    d.difference(), d.lower(), d.upper());
        }
        Comparison.Risk k = r.dropout();
        out.printf(Locale.ROOT, "dropout risk ratio B/A %.3f [%.3f, %.3f]%n", k.ratio(), k.ratioLower(), k.ratioUpper());
        for (Comparison.EffectSize e : r.effects()) {
            out.printf(Locale.ROOT, "Cohen's d, %-12s %.3f%n", e.outcome(), e.d());
        }
        if (r.predictive() != null) {
            PosteriorPredictive.Effects pp = r.predictive();
            out.printf(Locale.ROOT, "posterior predictive B - A (%d draws from %s, %d paired replications each):%n",
                    pp.draws(), pp.posterior(), pp.replications());
            out.printf(Locale.ROOT, "%-22s %-26s %s%n", "metric", "Monte Carlo [95% CI]", "posterior median [95%]");
            for (Comparison.Difference d : r.headline()) {
                PosteriorPredictive.Interval i = pp.of(d.metric()).predictive();
                out.printf(Locale.ROOT, "%-22s %-26s %.3f [%.3f, %.3f]%n", d.metric().label(),
                        String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", d.difference(), d.lower(), d.upper()),
                        i.median(), i.lower(), i.upper());
            }
        }
        out.println("results: " + r.folder());
        out.flush();
    }
}
