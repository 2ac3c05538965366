package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim calibrate}: fit parameters to literature targets. */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Fit parameters to calibration targets (method of simulated moments).",
        description = {"Minimises the weighted distance between simulated and target statistics with BOBYQA,"
                + " every evaluation on the same simulated families. Writes the fitted scenario (extends the base),"
                + " the fit table from a check run on a fresh seed, the optimiser's trace and a report."
                + " See docs/calibration.md.", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input (nothing written), 1 internal or I/O error."})
final class CalibrateCommand implements Callable<Integer> {

    static final Set<String> STATISTICS = Arrays.stream(Metric.values()).map(Metric::key)
            .collect(Collectors.toCollection(java.util.TreeSet::new));

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGETS", description = "A targets file, or 'literature' (the built-in targets).")
    String targets;

    @Option(names = "--base", paramLabel = "SCENARIO", description = "Start from this scenario (default: the targets file's base).")
    String base;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field of the base, e.g. to perturb the start (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--max-evaluations", paramLabel = "N", description = "Evaluation budget (default: the targets file's).")
    Integer maxEvaluations;

    @Option(names = "--check-reps", paramLabel = "N", description = "Replications of the check run behind the fit table (default: ${DEFAULT-VALUE}).")
    int checkReps = 20;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Results folder.")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Option(names = "--quiet", description = "No progress display.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.get();
        Instant started = Instant.now();
        if (checkReps < 2) {
            throw new BadInputException("--check-reps must be at least 2, was " + checkReps);
        }
        CalibrationSpec s = CalibrationSpecs.load(targets, STATISTICS);
        if (base != null || maxEvaluations != null) {
            if (maxEvaluations != null && maxEvaluations < 1) {
                throw new BadInputException("--max-evaluations must be at least 1, was " + maxEvaluations);
            }
            s = new CalibrationSpec(base != null ? base : s.base(), s.targets(), s.parameters(), s.anchors(),
                    s.replications(), s.families(), s.seed(), maxEvaluations != null ? maxEvaluations : s.maxEvaluations());
        }
        if (s.parameters().isEmpty()) {
            throw new BadInputException(targets + ": parameters lists nothing to fit; add entries like"
                    + " {path: dynamics.attendance.intercept, min: -4, max: -1}");
        }
        // Every parameter path must be a number in the base: checked before anything runs.
        Scenario start = Calibration.scenario(s, sets, null);
        Calibration.scenario(s, sets, s.parameters().stream().mapToDouble(q -> (q.min() + q.max()) / 2).toArray());
        Path dir = OutputFolders.resolve(out, "calibrate", started, force);

        ProgressBar bar = ProgressBars.open("evaluations", s.maxEvaluations(), quiet);
        Calibration.Fit fit;
        try {
            fit = Calibration.fit(s, sets, threads, e -> {
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " best distance %.4f", e.best()));
                }
            });
        } catch (IllegalArgumentException e) {
            throw new BadInputException(targets + ": " + e.getMessage());
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        Scenario fitted = Calibration.scenario(s, sets, fit.best()).withSeed(s.seed() + 1).withReplications(checkReps);
        ExperimentResult check = Experiment.run(fitted.model(), fitted.seed(), checkReps, threads);
        List<String> original = spec.root().commandLine().getParseResult().originalArgs();
        try (ResultsFolder folder = ResultsFolder.open(dir, force, CalibrationReport.CALIBRATE_FILES)) {
            CalibrationReport.writeCalibration(folder, s, targets, sets, fit, fitted, check,
                    new Provenance(org.alliancesim.cli.AllianceSim.version(), Provenance.resultArguments(original),
                            started, Instant.now()));
            folder.commit();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "calibrated %s to %s: distance %.4f after %d evaluations (start %s)%n", s.base(),
                targets, fit.distance(), fit.trace().size(), start.name());
        for (int i = 0; i < fit.best().length; i++) {
            o.printf(Locale.ROOT, "  %-40s %10.4f -> %10.4f%n", s.parameters().get(i).path(), fit.start()[i], fit.best()[i]);
        }
        ValidateCommand.printTable(o, CalibrationReport.rows(s, check));
        o.println("results: " + dir + " (fitted.yaml, fit.csv, trace.csv, report.html)");
        o.flush();
        return AllianceSim.OK;
    }
}
