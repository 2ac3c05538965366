package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.report.CompareReport;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareUseCase;
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

    @Parameters(index = "0", paramLabel = "A", description = "The reference scenario (name or file).", completionCandidates = ScenarioNames.class)
    String scenarioA;

    @Parameters(index = "1", paramLabel = "B", description = "The scenario compared with it.", completionCandidates = ScenarioNames.class)
    String scenarioB;

    @Option(names = "--reps", paramLabel = "N|auto", description = "Replications, from 2 (default: A's), or 'auto': add"
            + " blocks of 10 paired replications until the 95%% CI half-width of B - A on --metric is at most --precision.")
    String reps;

    @Option(names = "--precision", paramLabel = "H", description = "With --reps auto: the 95%% CI half-width wanted, in"
            + " the metric's units (default 0.01: one percentage point of a share).")
    Double precision;

    @Option(names = "--metric", paramLabel = "KEY", description = "With --reps auto: the metric whose difference decides"
            + " (default dropout_share; any key of docs/outputs.md, such as dropout_share_involuntary).")
    String metric;

    @Option(names = "--max-reps", paramLabel = "N", description = "With --reps auto: the most replications of each"
            + " scenario (default 1000).")
    Integer maxReps;

    @Option(names = "--label-a", paramLabel = "TEXT", description = "What A is called in the output (default: its name"
            + " and its --set-a edits).")
    String labelA;

    @Option(names = "--label-b", paramLabel = "TEXT", description = "What B is called in the output (default: its name"
            + " and its --set-b edits).")
    String labelB;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed for both (default: A's).")
    Long seed;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    SetOption setOption;

    @Option(names = "--set-a", paramLabel = "PATH=VALUE", description = "Override a field in A only (repeatable).")
    List<String> setsA = new ArrayList<>();

    @Option(names = "--set-b", paramLabel = "PATH=VALUE", description = "Override a field in B only (repeatable).")
    List<String> setsB = new ArrayList<>();

    @Mixin
    PosteriorOption posteriorOption;

    @Mixin
    OutputOptions.Defaulted results;

    @Mixin
    QuietOption quietOption;

    @Override
    public Integer call() throws Exception {
        boolean auto = "auto".equals(reps);
        if (!auto && (precision != null || metric != null || maxReps != null)) {
            throw new BadInputException("--precision, --metric and --max-reps only apply with --reps auto");
        }
        CompareRequest.Auto rule = auto ? autoRule() : null;
        Posterior post = posteriorOption.read();
        Scenario a = ScenarioLoader.load(scenarioA, concat(setOption.edits, setsA));
        if (reps != null && !auto) {
            try {
                a = a.withReplications((int) org.alliancesim.scenario.Numbers.wholeNumber("--reps", reps, 2,
                        CompareRequest.MAX_REPLICATIONS));
            } catch (NumberFormatException e) {
                throw new BadInputException(e.getMessage() + " (or 'auto')");
            }
        }
        Scenario b = ScenarioLoader.load(scenarioB, concat(setOption.edits, setsB));
        CompareRequest request = CompareRequest.of(seed == null ? a : a.withSeed(seed), b).withPosterior(post).withDraws(posteriorOption.draws)
                .withLabels(labels(a, b).get(0), labels(a, b).get(1))
                .withAuto(rule)
                .withThreads(threadsOption.get())
                .withOutput(results.orDefault(a.name() + "-vs-" + b.name()))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        CompareUseCase.Result result;
        try (ProgressBar bar = ProgressBars.open("replications", auto ? -1
                : 2L * request.a().replications() * (post == null ? 1 : 1L + posteriorOption.draws), quietOption.quiet)) {
            result = CompareUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        }
        print(spec.commandLine().getOut(), result);
        return AllianceSim.OK;
    }

    /** --label-a and --label-b, or the arms' names and edits (told apart by " (A)", " (B)" when the same). */
    private List<String> labels(Scenario a, Scenario b) {
        String la = labelA != null ? labelA : CompareRequest.label(a.name(), setsA);
        String lb = labelB != null ? labelB : CompareRequest.label(b.name(), setsB);
        return labelA == null && labelB == null ? CompareRequest.distinct(la, lb) : List.of(la, lb);
    }

    private CompareRequest.Auto autoRule() {
        Metric m = Metric.DROPOUT_SHARE;
        if (metric != null) {
            m = Metric.byKey(metric.strip());
            if (m == null) {
                throw new BadInputException("--metric: unknown metric '" + metric + "'; allowed: "
                        + String.join(", ", Metric.KEYS));
            }
        }
        double h = precision == null ? CompareRequest.Auto.DEFAULT_PRECISION : precision;
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new BadInputException("--precision must be a number greater than 0, was " + precision);
        }
        int max = maxReps == null ? CompareRequest.Auto.DEFAULT_MAX : maxReps;
        if (max < CompareRequest.Auto.DEFAULT_BLOCK || max > CompareRequest.MAX_REPLICATIONS) {
            throw new BadInputException("--max-reps must be from " + CompareRequest.Auto.DEFAULT_BLOCK + " to "
                    + CompareRequest.MAX_REPLICATIONS + ", was " + max);
        }
        return new CompareRequest.Auto(m, h, CompareRequest.Auto.DEFAULT_BLOCK, max);
    }

    private static List<String> concat(List<String> both, List<String> one) {
        List<String> all = new ArrayList<>(both);
        all.addAll(one);
        return all;
    }

    /** The rows printed for each metric: the headline metrics, then the subgroups defined in both runs. */
    static final List<Metric> PRINTED = List.of(Metric.DROPOUT_SHARE, Metric.EARLY_DROPOUT_SHARE, Metric.MEDIAN_SESSIONS,
            Metric.COMPLETION_SHARE, Metric.MEAN_IMPROVEMENT, Metric.ALLIANCE_SESSION_1, Metric.ALLIANCE_SESSION_3,
            Metric.ALLIANCE_FINAL, Metric.DROPOUT_SHARE_INVOLUNTARY, Metric.DROPOUT_SHARE_VOLUNTARY);

    static void print(PrintWriter out, CompareUseCase.Result r) {
        CompareReport.Result c = r.comparison();
        Scenario a = c.a();
        out.printf(Locale.ROOT, "A = %s%n", c.labelA());
        out.printf(Locale.ROOT, "B = %s%n", c.labelB());
        out.printf(Locale.ROOT, "%d paired replications x %d families, seed %d%s%n", r.resultA().replications(),
                a.model().run().families(), a.seed(), c.stopping() == null ? "" : stopped(c.stopping()));
        out.printf(Locale.ROOT, "%-22s %8s %8s %9s  %-18s %s%n", "metric", "A", "B", "B - A", "95% CI", "p");
        for (Metric m : PRINTED) {
            Comparison.Difference d = r.difference(m);
            if (d.n() < 2) {
                continue; // a subgroup these scenarios do not have
            }
            out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f  %-18s %s%n", d.metric().label(), d.meanA(), d.meanB(),
                    d.difference(), String.format(Locale.ROOT, "[%.3f, %.3f]", d.lower(), d.upper()), p(d.p()));
        }
        Comparison.Risk k = r.dropout();
        out.printf(Locale.ROOT, "dropout risk difference B - A %.3f [%.3f, %.3f]%n", k.difference(), k.differenceLower(),
                k.differenceUpper());
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

    private static String stopped(CompareReport.Stopping st) {
        return String.format(Locale.ROOT, " (--reps auto: %s half-width %.4f %s %s after %d)", st.metric().key(),
                st.halfWidth(), st.reached() ? "<=" : ">", CompareReport.fmtPrecision(st.precision()),
                st.replications()) + (st.reached() ? "" : ", the cap --max-reps " + st.max());
    }

    /** A p-value as report.html shows it: three decimals, or {@code <0.001}. */
    static String p(double p) {
        return Double.isNaN(p) ? "" : p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
