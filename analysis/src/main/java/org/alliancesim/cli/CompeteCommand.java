package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.compete.Ranking;
import org.alliancesim.analysis.compete.VariantScore;
import org.alliancesim.analysis.usecase.CompeteRequest;
import org.alliancesim.analysis.usecase.CompeteResult;
import org.alliancesim.analysis.usecase.CompeteUseCase;
import org.alliancesim.analysis.usecase.SweepRequest;
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

    @Override
    public Integer call() throws Exception {
        CompeteRequest request = CompeteRequest.of(file).withShard(SweepRequest.Shard.parse(shard))
                .withThreads(threadsOption.get())
                .withOutput(results.orDefault("compete"))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        CompeteResult r;
        try (ProgressBar bar = ProgressBars.open("variants", -1, quietOption.quiet)) {
            r = CompeteUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        } catch (IOException e) {
            return Failures.cannotWrite(spec, e, "no result file was left half-written; free space, then run again");
        }
        PrintWriter w = spec.commandLine().getOut();
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
        w.println(r.shard().n() == 1
                ? "results: " + r.folder() + " (ranking.csv, variants/, summary.json, report.html, charts/)"
                : "shard: " + r.folder() + " (ranked within the shard only; combine the shards with 'merge')");
        w.flush();
        return AllianceSim.OK;
    }
}
