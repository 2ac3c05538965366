package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.report.CalibrationReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.CalibrationSpecs;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim validate}: how far a scenario reproduces the calibration targets. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Compare a scenario with the calibration targets: estimate, 95%% CI, in range or not.",
        description = {"Reports; does not judge: the exit code is 0 whether or not every target is in range."
                + " See docs/calibration.md.", ""},
        footer = {"", "Exit codes: 0 the run completed (in range or not), 2 bad input, 1 internal or I/O error."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "Scenario (default: the targets file's base).")
    String scenario;

    @Option(names = "--targets", paramLabel = "FILE", description = "Targets file (default: ${DEFAULT-VALUE}).")
    String targets = "literature";

    @Option(names = "--reps", paramLabel = "N", description = "Replications (default: ${DEFAULT-VALUE}).")
    int reps = 50;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: the scenario's).")
    Long seed;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario field (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Results folder.")
    Path out;

    @Option(names = "--force", description = "Replace the results in a non-empty --out folder.")
    boolean force;

    @Option(names = "--quiet", description = "Accepted for symmetry with run; validate prints no progress.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.get();
        Instant started = Instant.now();
        if (reps < 2 || reps > 100_000) {
            throw new BadInputException("--reps must be from 2 to 100000, was " + reps);
        }
        CalibrationSpec s = CalibrationSpecs.load(targets, CalibrateCommand.STATISTICS);
        Scenario sc = ScenarioLoader.load(scenario != null ? scenario : s.base(), sets).withReplications(reps);
        if (seed != null) {
            sc = sc.withSeed(seed);
        }
        Path dir = OutputFolders.resolve(out, "validate", started, force);
        ExperimentResult r = Experiment.run(sc.model(), sc.seed(), reps, threads);
        List<String> original = spec.root().commandLine().getParseResult().originalArgs();
        try (ResultsFolder folder = ResultsFolder.open(dir, force, CalibrationReport.VALIDATE_FILES)) {
            CalibrationReport.writeValidation(folder, s, targets, sc, r,
                    new Provenance(AllianceSim.version(), Provenance.resultArguments(original), started, Instant.now()));
            folder.commit();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s against %s: %d replications x %d families, seed %d%n", sc.name(), targets, reps,
                sc.model().run().families(), sc.seed());
        List<CalibrationReport.Row> rows = CalibrationReport.rows(s, r);
        printTable(o, rows);
        long in = rows.stream().filter(CalibrationReport.Row::inRange).count();
        o.printf(Locale.ROOT, "%d of %d targets in range%nresults: %s%n", in, rows.size(), dir);
        o.flush();
        return AllianceSim.OK;
    }

    static void printTable(PrintWriter o, List<CalibrationReport.Row> rows) {
        o.printf(Locale.ROOT, "%-28s %-16s %9s  %-20s %s%n", "statistic", "published", "model", "95% CI", "");
        for (CalibrationReport.Row r : rows) {
            CalibrationSpec.Target t = r.target();
            o.printf(Locale.ROOT, "%-28s %-16s %9.3f  %-20s %s%n", t.statistic(),
                    String.format(Locale.ROOT, "[%.2f, %.2f]", t.min(), t.max()), r.estimate().mean(),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", r.estimate().lower(), r.estimate().upper()),
                    r.inRange() ? "in range" : "OUT of range");
        }
    }
}
