package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.compete.Ranking;
import org.alliancesim.analysis.compete.VariantScore;
import java.util.List;
import org.alliancesim.analysis.inference.DataEvidence;
import org.alliancesim.analysis.compete.ModelProbabilities;
import org.alliancesim.analysis.compete.PlantedPower;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.analysis.usecase.CompeteModelChoice;
import org.alliancesim.analysis.usecase.CompeteRequest;
import org.alliancesim.analysis.usecase.CompeteUseCase;
import org.alliancesim.analysis.usecase.SweepRequest;
import org.alliancesim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim compete}: flags to a {@link CompeteRequest}; prints the ranking. */
@Command(name = "compete",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Rank competing variants of a scenario: fit each to the calibration set with the same budget,"
                + " score it on the validation set on fresh seeds.",
        description = {"Variants run in parallel; --shard K/N runs every N-th variant into a shard folder, and"
                + " 'merge' combines the shards into what one process writes. See docs/hypotheses.md.", ""},
        footer = {"", "Exit codes: 0 ranked, 2 bad input (file:line:column; nothing written), 1 a file could not be"
                + " written (disk full) or an internal error."})
final class CompeteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HYPOTHESES", description = "The hypotheses file (YAML).")
    Path file;

    @Mixin
    OutputOptions.Defaulted results;

    @Mixin
    QuietOption quietOption;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only every N-th variant, from the K-th, into a"
            + " shard folder for 'merge'.")
    String shard = "1/1";

    @Option(names = "--method", paramLabel = "METHOD", description = "abc-smc: also the variants' posterior model"
            + " probabilities given the calibration set (ABC-SMC model selection), beside the ranking.")
    String method;

    @Option(names = "--population", paramLabel = "N", description = "abc-smc: particles of all variants together"
            + " (default " + CompeteModelChoice.POPULATION + ").")
    Integer population;

    @Option(names = "--max-simulations", paramLabel = "S", description = "abc-smc: simulation budget of each"
            + " selection (default " + CompeteModelChoice.MAX_SIMULATIONS + ").")
    Long maxSimulations;

    @Option(names = "--min-acceptance", paramLabel = "RATE", description = "abc-smc: stop after a generation"
            + " accepting fewer of its simulations (default 0.02).")
    Double minAcceptance;

    @Option(names = "--max-generations", paramLabel = "G", description = "abc-smc: most generations (default "
            + CompeteModelChoice.MAX_GENERATIONS + ").")
    Integer maxGenerations;

    @Option(names = "--replications", paramLabel = "R", description = "abc-smc: replications per simulation (default:"
            + " the file's replications).")
    Integer replications;

    @Option(names = "--families", paramLabel = "F", description = "abc-smc: families per replication of a simulation"
            + " (default: the file's families).")
    Integer families;

    @Option(names = "--repeats", paramLabel = "K", description = "abc-smc: selections on K seeds; the probabilities"
            + " are their mean, the Monte Carlo error their sd (default " + CompeteModelChoice.REPEATS + ").")
    Integer repeats;

    @Option(names = "--draws", paramLabel = "M", description = "abc-smc: posterior predictive draws per variant"
            + " (default " + CompeteModelChoice.DRAWS + ").")
    Integer draws;

    @Option(names = "--draw-replications", paramLabel = "R", description = "abc-smc: validation replications per"
            + " draw (default " + CompeteModelChoice.DRAW_REPLICATIONS + ").")
    Integer drawReplications;

    @Option(names = "--planted", paramLabel = "VARIANT", description = "abc-smc: instead of the ranking, the power to"
            + " tell the variants apart: data simulated from VARIANT at its fitted values, at each of --sizes.")
    String planted;

    @Option(names = "--sizes", paramLabel = "N,...", split = ",", description = "abc-smc --planted: study sizes"
            + " (families), for example 100,300,1000.")
    List<Integer> sizes;

    @Option(names = "--datasets", paramLabel = "D", description = "abc-smc --planted: datasets per size (default "
            + CompeteModelChoice.DATASETS + ").")
    Integer datasets;

    @Option(names = "--data", paramLabel = "DIR", description = "abc-smc: the model probabilities given a study's own"
            + " data instead of the calibration set: a folder with study-data.yaml, families.csv and optionally"
            + " measures.csv (docs/fitting-your-data.md); the ranking beside them stays on the file's targets.")
    Path data;

    /** The model choice the flags ask for, or null; abc-smc flags without --method abc-smc are refused. */
    CompeteModelChoice modelChoice() throws ScenarioException, IOException {
        Object[] given = {population, maxSimulations, minAcceptance, maxGenerations, replications, families, repeats,
            draws, drawReplications, planted, sizes, datasets, data};
        if (method == null) {
            for (Object o : given) {
                if (o != null) {
                    throw new BadRequestException("--population, --max-simulations, --min-acceptance,"
                            + " --max-generations, --replications, --families, --repeats, --draws,"
                            + " --draw-replications, --planted, --sizes, --datasets and --data need --method abc-smc");
                }
            }
            return null;
        }
        if (!method.equals("abc-smc")) {
            throw new BadRequestException("--method " + method + ": allowed: abc-smc (without --method: the ranking"
                    + " alone)");
        }
        CompeteModelChoice d = CompeteModelChoice.of();
        return new CompeteModelChoice(population != null ? population : d.population(),
                maxSimulations != null ? maxSimulations : d.maxSimulations(),
                minAcceptance != null ? minAcceptance : d.minAcceptance(),
                maxGenerations != null ? maxGenerations : d.maxGenerations(), replications, families,
                repeats != null ? repeats : d.repeats(), draws != null ? draws : d.draws(),
                drawReplications != null ? drawReplications : d.drawReplications(), planted, sizes,
                datasets != null ? datasets : d.datasets(), data == null ? null : DataEvidence.read(data));
    }

    @Override
    public Integer call() throws Exception {
        CompeteModelChoice choice = modelChoice();
        CompeteRequest request = CompeteRequest.of(file).withShard(SweepRequest.Shard.parse(shard))
                .withModelChoice(choice)
                .withThreads(threadsOption.get())
                .withOutput(results.orDefault("compete"))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        CompeteUseCase.Result r;
        try (ProgressBar bar = ProgressBars.open("variants", -1, quietOption.quiet)) {
            r = CompeteUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        } catch (IOException e) {
            return Failures.cannotWrite(spec, e, "no result file was left half-written; free space, then run again");
        }
        PrintWriter w = spec.commandLine().getOut();
        if (r.planted() != null) {
            printPlanted(w, request, r);
            return AllianceSim.OK;
        }
        w.printf(Locale.ROOT, "compete %s: %d variants%s, budget %d evaluations each, %.1f s on %d thread%s%n", file,
                r.runs().size(), r.shard().n() == 1 ? "" : " (shard " + r.shard() + ")",
                request.hypotheses().maxEvaluations(), r.seconds(), request.threads(), request.threads() == 1 ? "" : "s");
        w.printf(Locale.ROOT, "%4s  %-24s %3s %12s %9s %12s %8s %10s%n", "rank", "variant", "k", "calibration",
                "patterns", "validation", "penalty", "criterion");
        for (Ranking.Place p : r.ranking()) {
            VariantScore s = p.score();
            w.printf(Locale.ROOT, "%4d  %-24s %3d %12.4f %9s %12.4f %8.1f %10.4f%n", p.rank(), s.name(), s.k(),
                    s.calibrationDistance(), s.patternsMet() + "/" + s.patterns(), s.validationDistance(), p.penalty(),
                    p.criterion());
        }
        if (r.probabilities() != null) {
            w.printf(Locale.ROOT, "model probabilities (ABC-SMC model selection, %d particles, %d repeat%s, %d"
                    + " simulations):%n", choice.population(), choice.repeats(), choice.repeats() == 1 ? "" : "s",
                    r.probabilities().simulations());
            w.printf(Locale.ROOT, "      %-24s %9s %12s %8s%n", "variant", "prior", "probability", "MC sd");
            for (ModelProbabilities.Variant v : r.probabilities().variants()) {
                w.printf(Locale.ROOT, "      %-24s %9.4f %12.4f %8.4f%n", v.name(), v.prior(), v.probability(), v.sd());
            }
        }
        w.println(r.shard().n() == 1
                ? "results: " + r.folder() + " (ranking.csv, variants/, summary.json, report.html, charts/)"
                : "shard: " + r.folder() + " (ranked within the shard only; combine the shards with 'merge')");
        w.flush();
        return AllianceSim.OK;
    }

    private void printPlanted(PrintWriter w, CompeteRequest request, CompeteUseCase.Result r) {
        PlantedPower.Outcome o = r.planted();
        w.printf(Locale.ROOT, "compete %s --planted %s: %d sizes x %d datasets, %.1f s on %d thread%s%n", file,
                planted, o.rows().size(), request.modelChoice().datasets(), r.seconds(), request.threads(),
                request.threads() == 1 ? "" : "s");
        w.printf(Locale.ROOT, "%9s %9s %9s %7s %18s %9s %12s %9s%n", "families", "datasets", "highest", "share",
                "95% CI", "mean p", "simulations", "seconds");
        for (PlantedPower.Row row : o.rows()) {
            w.printf(Locale.ROOT, "%9d %9d %9d %7.3f   [%5.3f, %5.3f] %9.3f %12d %9.1f%n", row.size(),
                    row.datasets(), row.wins(), row.share().value(), row.share().lower(), row.share().upper(),
                    row.meanProbability(), row.simulations(), row.seconds());
        }
        w.println("results: " + r.folder() + " (planted-power.csv, planted-datasets.csv, summary.json, report.html,"
                + " charts/)");
        w.flush();
    }
}
