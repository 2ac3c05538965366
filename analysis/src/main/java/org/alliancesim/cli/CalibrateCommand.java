package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.Identifiability;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.analysis.inference.PosteriorSummary;
import org.alliancesim.analysis.usecase.AbcSmcArguments;
import org.alliancesim.analysis.usecase.AbcSmcRequest;
import org.alliancesim.analysis.usecase.AbcStepRequest;
import org.alliancesim.analysis.usecase.AbcStepUseCase;
import org.alliancesim.analysis.usecase.AbcSmcUseCase;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.analysis.usecase.CalibrateRequest;
import org.alliancesim.analysis.usecase.CalibrateUseCase;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim calibrate}: flags to a {@link CalibrateRequest}; prints the fit. */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Fit parameters to calibration targets (simulated moments, or a posterior by ABC-SMC).",
        description = {"--method optimise (default): minimises the weighted distance between simulated and target"
                + " statistics with BOBYQA, every evaluation on the same simulated families. Writes the fitted scenario"
                + " (extends the base), the fit table from a check run on a fresh seed, the optimiser's trace and a"
                + " report. --method abc-smc: the posterior of the parameters under their priors by approximate"
                + " Bayesian computation (sequential Monte Carlo); writes posterior.csv, posterior-summary.csv,"
                + " generations.csv, a corner plot, fitted.yaml at the posterior medians and a report."
                + " See docs/calibration.md.", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input (nothing written), 1 internal or I/O error."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGETS", description = "A targets file, or 'literature' (the built-in targets).")
    String targets;

    @Option(names = "--base", paramLabel = "SCENARIO", description = "Start from this scenario (default: the targets file's base).", completionCandidates = ScenarioNames.class)
    String base;

    @Mixin
    SetOption setOption;

    @Option(names = "--max-evaluations", paramLabel = "N", description = "Evaluation budget (default: the targets file's).")
    Integer maxEvaluations;

    @Option(names = "--check-reps", paramLabel = "N", description = "Replications of the check run behind the fit table (default: ${DEFAULT-VALUE}).")
    int checkReps = CalibrateRequest.CHECK_REPLICATIONS;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    OutputOptions.Required results;

    @Mixin
    QuietOption quietOption;

    @Option(names = "--identifiability", description = "Do not fit: analyse how well the targets pin down the"
            + " parameters at the start point (identifiability.csv; docs/calibration.md).")
    boolean identifiability;

    @Option(names = "--method", paramLabel = "METHOD", description = "optimise (default: a point fit) or abc-smc"
            + " (a posterior).")
    String method = "optimise";

    @Mixin
    AbcSmcOptions abcOptions;

    @Option(names = "--replications", paramLabel = "N", description = "Replications per evaluation or simulation"
            + " (default: the targets file's).")
    Integer replications;

    @Option(names = "--families", paramLabel = "N", description = "Families per replication (default: the targets"
            + " file's).")
    Integer families;

    @Option(names = "--resume", description = "abc-smc: continue the run whose checkpoint is in --out from its last"
            + " finished generation (same command otherwise).")
    boolean resume;

    @Option(names = "--data", paramLabel = "DIR", description = "Fit a study's own data instead of the targets:"
            + " a folder with study-data.yaml, families.csv and optionally measures.csv (docs/fitting-your-data.md);"
            + " TARGETS then gives the parameters, priors and seed. Needs --method abc-smc.")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (!List.of("optimise", "abc-smc").contains(method)) {
            throw new BadRequestException("--method " + method + ": allowed: optimise, abc-smc");
        }
        if (data != null && (replications != null || families != null)) {
            throw new BadRequestException("--data simulates one virtual study of the data's own size per particle;"
                    + " leave out --replications and --families");
        }
        if (data != null && !method.equals("abc-smc")) {
            throw new BadRequestException("--data fits by ABC-SMC only; add --method abc-smc (the optimiser's"
                    + " distance weighs published ranges, which a study's own data do not have)");
        }
        if (method.equals("abc-smc")) {
            if (identifiability) {
                throw new BadRequestException("--identifiability analyses a point; give it without --method abc-smc");
            }
            return abcSmc();
        }
        if (resume) {
            throw new BadRequestException("--resume continues an abc-smc run; give --method abc-smc");
        }
        CalibrationSpec goals = Calibration.targets(targets);
        String from = base != null ? base : goals.base();
        CalibrateRequest request = CalibrateRequest.of(goals, targets, ScenarioLoader.load(from, setOption.edits))
                .withBaseName(from).withStartEdits(setOption.edits).withCheckReplications(checkReps).withThreads(threadsOption.get())
                .withOutput(results.orDefault("calibrate"))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        if (maxEvaluations != null) {
            request = request.withMaxEvaluations(maxEvaluations);
        }
        if (replications != null || families != null) {
            CalibrationSpec t = request.targets();
            request = request.withTargets(new CalibrationSpec(t.base(), t.targets(), t.parameters(), t.anchors(),
                    replications != null ? replications : t.replications(), families != null ? families : t.families(),
                    t.seed(), t.maxEvaluations()));
        }
        if (identifiability) {
            return identifiability(request);
        }
        CalibrateUseCase.Result r;
        try (ProgressBar bar = ProgressBars.open("evaluations", request.targets().maxEvaluations(), quietOption.quiet)) {
            r = CalibrateUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "calibrated %s to %s: distance %.4f after %d evaluations (start %s)%n", r.targets().base(),
                targets, r.fit().distance(), r.fit().trace().size(), r.base().name());
        for (int i = 0; i < r.fit().best().length; i++) {
            o.printf(Locale.ROOT, "  %-40s %10.4f -> %10.4f%n", r.targets().parameters().get(i).path(), r.fit().start()[i],
                    r.fit().best()[i]);
        }
        TargetsTable.print(o, r.rows());
        o.println("results: " + r.folder() + " (fitted.yaml, fit.csv, trace.csv, report.html)");
        o.flush();
        return AllianceSim.OK;
    }

    @Option(names = "--slurm-work", hidden = true, paramLabel = "DIR", description = "abc-smc on Slurm (written by"
            + " 'slurm --abc' into its scripts): the run's working folder.")
    Path slurmWork;

    @Option(names = "--slurm-task", hidden = true, paramLabel = "K/N", description = "With --slurm-work: simulate array"
            + " task K of N of the next generation.")
    String slurmTask;

    @Option(names = "--slurm-reduce", hidden = true, paramLabel = "N", description = "With --slurm-work: finish the"
            + " generation from the shards of N array tasks.")
    Integer slurmReduce;

    @Option(names = "--slurm-started", hidden = true, paramLabel = "MILLIS", description = "With --slurm-reduce: when"
            + " the generation's array was submitted (ms since the epoch).")
    Long slurmStarted;

    private Integer abcSmc() throws Exception {
        AbcSmcArguments args = abcOptions.arguments(targets, base, setOption.edits, replications, families);
        AbcSmcRequest request = args.request().withThreads(threadsOption.get())
                .withOutput(results.orDefault("calibrate"))
                .withResume(resume).withArguments(spec.root().commandLine().getParseResult().originalArgs());
        if (slurmWork != null || slurmTask != null || slurmReduce != null) {
            if (data != null) {
                throw new BadRequestException("--data does not run as Slurm steps yet; run calibrate --data on one machine");
            }
            return slurmStep(request);
        }
        DataEvidence evidence = data == null ? null : DataEvidence.read(data);
        AbcSmcUseCase.Result r;
        try (ProgressBar bar = ProgressBars.open("particles", request.population(), quietOption.quiet)) {
            r = AbcSmcUseCase.execute(request.withProgress(ProgressBars.onto(bar)), evidence);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "posterior of %s on %s by ABC-SMC: %d particles, %d generations, %d simulations (%s)%n",
                evidence == null ? targets : "the parameters of " + targets + " given the study data " + data,
                r.targets().base(), request.population(), r.state().generations().size(),
                r.state().simulations(), r.state().stopReason());
        if (evidence != null) {
            o.printf(Locale.ROOT, "  %d families, %d therapists; summaries (observed, bootstrap se):", evidence.data()
                    .families(), evidence.data().therapists());
            double[] obs = evidence.observed();
            double[] se = evidence.standardErrors();
            for (int k = 0; k < obs.length; k++) {
                o.printf(Locale.ROOT, " %s %.4f (%.4f)%s", evidence.names().get(k), obs[k], se[k],
                        k + 1 < obs.length ? "," : "");
            }
            o.println();
        }
        o.printf(Locale.ROOT, "  %-40s %10s %10s %23s%n", "parameter", "mean", "sd", "95% credible interval");
        for (PosteriorSummary.Row row : r.summary().rows()) {
            o.printf(Locale.ROOT, "  %-40s %10.4f %10.4f   [%9.4f, %9.4f]%n", row.parameter(), row.mean(), row.sd(),
                    row.q025(), row.q975());
        }
        o.println("results: " + r.folder() + " (posterior.csv, posterior-summary.csv, generations.csv, fitted.yaml,"
                + " charts/corner.png, report.html)");
        o.flush();
        return AllianceSim.OK;
    }

    /** One step of a Slurm run (the scripts of 'slurm --abc' call it): an array task, or the reduce step. */
    private Integer slurmStep(AbcSmcRequest request) throws Exception {
        if (slurmWork == null || (slurmTask == null) == (slurmReduce == null)) {
            throw new BadRequestException("a Slurm step needs --slurm-work and exactly one of --slurm-task K/N and"
                    + " --slurm-reduce N");
        }
        AbcStepUseCase.Result r;
        if (slurmTask != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,4})/([1-9][0-9]{0,4})")
                    .matcher(slurmTask);
            if (!m.matches()) {
                throw new BadRequestException("--slurm-task " + slurmTask + ": allowed K/N with 1 <= K <= N <= 10000");
            }
            r = AbcStepUseCase.execute(AbcStepRequest.simulate(request, slurmWork, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))));
        } else {
            r = AbcStepUseCase.execute(AbcStepRequest.reduce(request, slurmWork, slurmReduce,
                    slurmStarted == null ? null : Instant.ofEpochMilli(slurmStarted)));
        }
        PrintWriter o = spec.commandLine().getOut();
        if (r.shard() != null) {
            o.println("generation " + r.generation() + ": " + r.shard());
        } else {
            o.println("generation " + r.generation() + " finished" + (r.result() != null ? "; the run ended ("
                    + r.state().stopReason() + "), results: " + r.result().folder() : ""));
        }
        o.flush();
        return AllianceSim.OK;
    }

    private Integer identifiability(CalibrateRequest request) throws Exception {
        Identifiability a = CalibrateUseCase.identifiability(request);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "identifiability of %s at %s: %d evaluations x %d replications x %d families, seed %d%n",
                targets, request.base().name(), a.evaluations(), request.targets().replications(),
                request.targets().families(), request.targets().seed());
        o.printf(Locale.ROOT, "  %-40s %10s %14s %11s%n", "parameter", "value", "conditional se", "loose share");
        for (int j = 0; j < a.paths().size(); j++) {
            o.printf(Locale.ROOT, "  %-40s %10.4f %14.4g %11.3f %s%n", a.paths().get(j), a.point()[j],
                    a.conditionalSe()[j], a.looseShare()[j], a.loose(j) ? "LOOSE" : "");
        }
        o.println("singular values (loose: below " + Identifiability.LOOSE + " of the largest):");
        for (int k = 0; k < a.singularValues().length; k++) {
            o.printf(Locale.ROOT, "  %2d %10.4f  %s%n", k + 1, a.singularValues()[k], a.describe(k));
        }
        o.println("results: " + request.output().dir() + " (identifiability.csv, identifiability-directions.csv)");
        o.flush();
        return AllianceSim.OK;
    }
}
