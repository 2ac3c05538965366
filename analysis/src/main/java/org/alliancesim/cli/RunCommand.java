package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim run}: flags to a {@link RunRequest}, its {@link RunUseCase.Result} to a summary table. */
@Command(name = "run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Run a scenario's replications and write a results folder (CSV, JSON, charts, report).",
        description = {"Replications run in parallel; results are identical for any --threads. "
                + "See docs/outputs.md for every file, column and metric.", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input (nothing written), 1 internal or I/O error."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "A built-in scenario's name (see 'scenarios list') or a file.", completionCandidates = ScenarioNames.class)
    String scenario;

    @Option(names = "--reps", paramLabel = "N|auto", description = "Replications (default: the scenario's), or 'auto' with --ci-width.")
    String reps;

    @Option(names = "--ci-width", paramLabel = "W", description = "With --reps auto: add replications (in batches of 10) until"
            + " the 95%% CI of the dropout share is narrower than W (a share, e.g. 0.02).")
    Double ciWidth;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    SetOption setOption;

    @Option(names = "--trajectories", description = "Also write sessions.csv: one row per member per attended session.")
    boolean trajectories;

    @Option(names = "--measure", description = "Also write measures.csv: observed scores of the SOFTA-o, SOFTA-s and"
            + " outcome instruments (docs/measurement.md). A scenario with a measurement: section measures without it.")
    boolean measure;

    @Option(names = "--compress", negatable = true, description = "Write families.csv, sessions.csv and measures.csv"
            + " gzip-compressed (.csv.gz); --no-compress writes them plain. Default: sessions.csv is compressed when more than "
            + RunRequest.COMPRESS_SESSIONS_ABOVE_ROWS + " rows are expected.")
    Boolean compress;

    @Mixin
    OutputOptions.Defaulted results;

    @Mixin
    QuietOption quietOption;

    @Override
    public Integer call() throws Exception {
        boolean auto = "auto".equals(reps);
        if (auto != (ciWidth != null)) {
            throw new BadInputException(auto ? "--reps auto needs --ci-width W (a width of the dropout share's 95% CI)"
                    : "--ci-width only applies with --reps auto");
        }
        Scenario loaded = ScenarioLoader.load(scenario, setOption.edits);
        Scenario s = measure ? loaded.withMeasurementEnabled(true) : loaded;
        RunRequest request = RunRequest.of(seed == null ? s : s.withSeed(seed)).withThreads(threadsOption.get())
                .withOutput(results.orDefault(s.name())).withTrajectories(trajectories)
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        if (auto) {
            request = request.withCiWidth(ciWidth);
        } else if (reps != null) {
            int n;
            try {
                n = (int) org.alliancesim.scenario.Numbers.wholeNumber("--reps", reps, 1, 100_000);
            } catch (NumberFormatException e) {
                throw new BadInputException(e.getMessage() + " (or 'auto' with --ci-width)");
            }
            request = request.withReplications(n);
        }
        if (compress != null) {
            request = request.withCompress(compress);
        } else if (trajectories && request.compressSessions()) {
            spec.commandLine().getErr().printf(Locale.ROOT, "sessions.csv is written compressed as sessions.csv.gz"
                    + " (about %d rows expected, more than %d); --no-compress writes it plain%n",
                    request.expectedSessionRows(), RunRequest.COMPRESS_SESSIONS_ABOVE_ROWS);
        }
        RunUseCase.Result result;
        try (ProgressBar bar = ProgressBars.open("replications", auto ? -1 : request.scenario().replications(), quietOption.quiet)) {
            result = RunUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        }
        print(spec.commandLine().getOut(), result);
        return AllianceSim.OK;
    }

    /** The headline metrics with their 95% CI; "n/a" where a metric has no value or no interval. */
    static void print(PrintWriter out, RunUseCase.Result r) {
        Scenario s = r.scenario();
        out.printf(Locale.ROOT, "%s: %d replications x %d families, seed %d%s%n", s.name(), r.replications(),
                s.model().run().families(), s.seed(), r.sequential() ? " (replications chosen by --reps auto)" : "");
        out.printf(Locale.ROOT, "%-22s %9s  %s%n", "metric", "mean", "95% CI");
        for (Metric k : Metric.TABLE) {
            MetricSummary v = r.summary(k);
            out.printf(Locale.ROOT, "%-22s %9s  %s%n", k.label(), Double.isNaN(v.mean()) ? "n/a"
                    : String.format(Locale.ROOT, "%.3f", v.mean()), v.n() < 2 || Double.isNaN(v.lower()) ? "n/a"
                    : String.format(Locale.ROOT, "[%.3f, %.3f]", v.lower(), v.upper()));
        }
        if (r.replications() < 2) {
            out.println("n/a: an interval needs 2 or more replications; summary.json has null there");
        }
        out.println("results: " + r.folder());
        out.flush();
    }
}
