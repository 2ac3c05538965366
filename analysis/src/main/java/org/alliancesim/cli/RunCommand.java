package org.alliancesim.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.report.RunReport;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim run}: replications of a scenario into a results folder. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Run a scenario's replications and write a results folder (CSV, JSON, charts, report).",
        description = {"Replications run in parallel; results are identical for any --threads. "
                + "See docs/outputs.md for every file, column and metric.", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input (nothing written), 1 internal or I/O error."})
final class RunCommand implements Callable<Integer> {

    /** Batch size of sequential stopping (--reps auto): fixed, so the stopping point does not depend on threads. */
    static final int AUTO_BATCH = 10;
    /** Most replications --reps auto will run. */
    static final int AUTO_MAX = 5000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "A built-in scenario's name (see 'scenarios list') or a file.")
    String scenario;

    @Option(names = "--reps", paramLabel = "N|auto",
            description = "Replications (default: the scenario's), or 'auto' with --ci-width.")
    String reps;

    @Option(names = "--ci-width", paramLabel = "W",
            description = "With --reps auto: add replications (in batches of 10) until the 95%% CI of the dropout"
                    + " share is narrower than W (a share, e.g. 0.02).")
    Double ciWidth;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario field (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--trajectories", description = "Also write sessions.csv: one row per member per attended session.")
    boolean trajectories;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/NAME-TIMESTAMP).")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar (there is one only when standard error is a terminal).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.get();
        Instant started = Instant.now();
        boolean auto = "auto".equals(reps);
        if (auto && (ciWidth == null || !(ciWidth > 0 && ciWidth < 1))) {
            throw new BadInputException("--reps auto needs --ci-width W with 0 < W < 1 (a width of the dropout"
                    + " share's 95% CI), was " + ciWidth);
        }
        if (!auto && ciWidth != null) {
            throw new BadInputException("--ci-width only applies with --reps auto");
        }
        Integer fixedReps = null;
        if (reps != null && !auto) {
            try {
                fixedReps = Integer.parseInt(reps);
            } catch (NumberFormatException e) {
                throw new BadInputException("--reps must be a whole number from 1 to 100000 or 'auto', was '" + reps + "'");
            }
            if (fixedReps < 1 || fixedReps > 100_000) {
                throw new BadInputException("--reps must be from 1 to 100000, was " + fixedReps);
            }
        }
        Scenario s = ScenarioLoader.load(scenario, sets);
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (fixedReps != null) {
            s = s.withReplications(fixedReps);
        }
        Path dir = OutputFolders.resolve(out, s.name(), started, force);

        PrintWriter stdout = spec.commandLine().getOut();
        ExperimentResult result = new ExperimentResult(s.model().run().sessionLimit());
        int total = auto ? AUTO_MAX : s.replications();
        try (ResultsFolder folder = ResultsFolder.open(dir, force, RunReport.FILES);
                Writer families = folder.writer("families.csv");
                Writer sessions = trajectories ? folder.writer("sessions.csv") : null;
                ProgressBar bar = ProgressBars.open("replications", auto ? -1 : total, quiet)) {
            families.write(ReplicationData.FAMILIES_HEADER);
            if (sessions != null) {
                sessions.write(ReplicationData.SESSIONS_HEADER);
            }
            Experiment.Sink sink = d -> {
                result.add(d);
                d.writeFamilies(families);
                if (sessions != null) {
                    d.writeSessions(sessions);
                }
            };
            Experiment.Progress progress = r -> {
                if (bar != null) {
                    bar.step();
                }
            };
            if (auto) {
                int done = 0;
                while (done < AUTO_MAX) {
                    Experiment.run(s.model(), s.seed(), done, AUTO_BATCH, threads, trajectories, sink, progress);
                    done += AUTO_BATCH;
                    MetricSummary d = result.summaries().get(Metric.DROPOUT_SHARE);
                    if (bar != null) {
                        bar.setExtraMessage(String.format(Locale.ROOT, " dropout CI width %.4f", d.upper() - d.lower()));
                    }
                    if (d.upper() - d.lower() < ciWidth) {
                        break;
                    }
                }
                s = s.withReplications(result.replications());
            } else {
                Experiment.run(s.model(), s.seed(), 0, s.replications(), threads, trajectories, sink, progress);
            }
            families.flush();
            if (sessions != null) {
                sessions.flush();
            }
            List<String> original = spec.root().commandLine().getParseResult().originalArgs();
            Provenance prov = new Provenance(AllianceSim.version(), Provenance.resultArguments(original), started,
                    Instant.now());
            families.close();
            if (sessions != null) {
                sessions.close();
            }
            RunReport.write(folder, s, result, prov);
            folder.commit();
        }
        printSummary(stdout, s, result, dir, auto);
        return AllianceSim.OK;
    }

    static final Metric[] TABLE = {Metric.DROPOUT_SHARE, Metric.EARLY_DROPOUT_SHARE, Metric.MEDIAN_SESSIONS,
        Metric.COMPLETION_SHARE, Metric.MEAN_IMPROVEMENT, Metric.ALLIANCE_SESSION_1, Metric.ALLIANCE_SESSION_3,
        Metric.ALLIANCE_FINAL};

    /**
     * "[lower, upper]", or "n/a" where there is none: the metric was defined in fewer than 2
     * replications (one value has no spread), or nowhere (the mean is n/a too).
     */
    static String interval(MetricSummary v) {
        if (v.n() < 2 || Double.isNaN(v.lower())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "[%.3f, %.3f]", v.lower(), v.upper());
    }

    static void printSummary(PrintWriter out, Scenario s, ExperimentResult r, Path dir, boolean auto) {
        out.printf(Locale.ROOT, "%s: %d replications x %d families, seed %d%s%n", s.name(), r.replications(),
                s.model().run().families(), s.seed(), auto ? " (replications chosen by --reps auto)" : "");
        Map<Metric, MetricSummary> m = r.summaries();
        out.printf(Locale.ROOT, "%-22s %9s  %s%n", "metric", "mean", "95% CI");
        for (Metric k : TABLE) {
            MetricSummary v = m.get(k);
            out.printf(Locale.ROOT, "%-22s %9s  %s%n", k.label(), Double.isNaN(v.mean()) ? "n/a"
                    : String.format(Locale.ROOT, "%.3f", v.mean()), interval(v));
        }
        if (r.replications() < 2) {
            out.println("n/a: an interval needs 2 or more replications; summary.json has null there");
        }
        out.println("results: " + dir);
        out.flush();
    }

}
