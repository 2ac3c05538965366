package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.analysis.usecase.ValidateRequest;
import org.alliancesim.analysis.usecase.ValidateUseCase;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim validate}: flags to a {@link ValidateRequest}; prints the targets table. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Compare a scenario with the calibration set and, apart, the validation set: estimate, 95%% CI,"
                + " in range or not.",
        description = {"Reports; does not judge: the exit code is 0 whether or not every target is in range."
                + " See docs/calibration.md.", ""},
        footer = {"", "Exit codes: 0 the run completed (in range or not), 2 bad input, 1 internal or I/O error."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..1", description = "Scenario (default: the targets file's base).", completionCandidates = ScenarioNames.class)
    String scenario;

    @Option(names = "--targets", paramLabel = "FILE", description = "Targets file (default: ${DEFAULT-VALUE}).")
    String targets = "literature";

    @Option(names = "--reps", paramLabel = "N", description = "Replications, from 2 (default: ${DEFAULT-VALUE}).")
    int reps = 50;

    @Option(names = "--validation", paramLabel = "FILE",
            description = "Validation set, never fitted (default: ${DEFAULT-VALUE}).")
    String validation = "validation";

    @Option(names = "--seed", paramLabel = "S",
            description = "Master seed (default: 7300417, which neither the fit nor its check run uses).")
    Long seed;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    SetOption setOption;

    @Mixin
    PosteriorOption posteriorOption;

    @Mixin
    OutputOptions.Required results;

    @Mixin
    QuietOption quietOption;

    @Option(names = "--data", paramLabel = "DIR", description = "Compare the scenario with a study's own data"
            + " instead of the targets and validation set: the data's summaries beside the model's virtual studies of"
            + " the same design (--reps of them); writes data-check.csv and summary.json (docs/fitting-your-data.md).")
    Path data;

    @Override
    public Integer call() throws Exception {
        CalibrationSpec goals = Calibration.targets(targets);
        Posterior post = posteriorOption.read();
        String name = scenario != null ? scenario : post != null ? posteriorOption.dir.resolve("fitted.yaml").toString() : goals.base();
        Scenario s = ScenarioLoader.load(name, setOption.edits).withReplications(reps);
        if (data != null) {
            return data(goals, s);
        }
        ValidateRequest request = ValidateRequest.of(goals, targets, s).withPosterior(post).withDraws(posteriorOption.draws)
                .withValidation(ValidationSet.spec(validation))
                .withSeed(seed == null ? ValidateRequest.SEED : seed).withThreads(threadsOption.get()).withOutput(results.orDefault("validate"))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        ValidateUseCase.Result r = ValidateUseCase.execute(request);
        PrintWriter o = spec.commandLine().getOut();
        Scenario ran = r.scenario();
        o.printf(Locale.ROOT, "%s against %s: %d replications x %d families, seed %d%n", ran.name(), targets,
                ran.replications(), ran.model().run().families(), ran.seed());
        o.printf(Locale.ROOT, "%nCalibration set (%s: what the fit aims at)%n", targets);
        TargetsTable.print(o, r.rows());
        o.printf(Locale.ROOT, "%d of %d targets in range%n", r.inRange(), r.rows().size());
        o.printf(Locale.ROOT, "%nValidation set (%s: never fitted)%n", validation);
        TargetsTable.printValidation(o, r.validation());
        o.printf(Locale.ROOT, "%d of %d patterns in range%n", r.validationInRange(), r.validation().size());
        if (r.predictive() != null) {
            PosteriorPredictive.Patterns pp = r.predictive();
            o.printf(Locale.ROOT, "%nPosterior predictive (%d draws from %s, %d replications each; Monte Carlo:"
                    + " the run above)%n", pp.draws(), posteriorOption.dir, pp.replications());
            o.printf(Locale.ROOT, "%-36s %-20s %-24s %-26s %s%n", "statistic", "range", "Monte Carlo 95% CI",
                    "posterior median [95%]", "P(in range)");
            for (PosteriorPredictive.PatternRow q : pp.rows()) {
                o.printf(Locale.ROOT, "%-36s %-20s %-24s %-26s %.2f%n", q.pattern().statistic(),
                        String.format(Locale.ROOT, "[%.2f, %.2f]", q.pattern().min(), q.pattern().max()),
                        String.format(Locale.ROOT, "[%.3f, %.3f]", q.monteCarlo().lower(), q.monteCarlo().upper()),
                        String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", q.predictive().median(), q.predictive().lower(),
                                q.predictive().upper()), q.inRange());
            }
        }
        o.printf(Locale.ROOT, "results: %s%n", r.folder());
        o.flush();
        return AllianceSim.OK;
    }

    private Integer data(CalibrationSpec goals, Scenario s) throws Exception {
        if (posteriorOption.read() != null) {
            throw new BadRequestException("--data compares one scenario with the data; give the posterior's fitted.yaml"
                    + " as SCENARIO instead of --posterior");
        }
        DataEvidence evidence = DataEvidence.read(data);
        ValidateRequest request = ValidateRequest.of(goals, targets, s)
                .withSeed(seed == null ? ValidateRequest.SEED : seed).withThreads(threadsOption.get())
                .withOutput(results.orDefault("validate"))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        List<DataEvidence.Check> checks = ValidateUseCase.data(request, evidence);
        PrintWriter o = spec.commandLine().getOut();
        Scenario ran = request.scenario();
        o.printf(Locale.ROOT, "%s against the study data %s: %d families, %d therapists; %d virtual studies, seed %d%n",
                ran.name(), data, evidence.data().families(), evidence.data().therapists(), ran.replications(),
                ran.seed());
        o.printf(Locale.ROOT, "%-24s %10s %12s %10s %24s %s%n", "summary", "observed", "bootstrap se", "model mean",
                "model 95% interval", "inside");
        int inside = 0;
        for (DataEvidence.Check c : checks) {
            o.printf(Locale.ROOT, "%-24s %10.4f %12.4f %10.4f %24s %s%n", c.name(), c.observed(), c.se(), c.modelMean(),
                    String.format(Locale.ROOT, "[%.4f, %.4f]", c.lower(), c.upper()), c.inside() ? "yes" : "NO");
            inside += c.inside() ? 1 : 0;
        }
        o.printf(Locale.ROOT, "%d of %d summaries inside the model's 95%% interval%n", inside, checks.size());
        o.printf(Locale.ROOT, "results: %s (data-check.csv, summary.json)%n", request.output().dir());
        o.flush();
        return AllianceSim.OK;
    }
}
