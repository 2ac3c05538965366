package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.report.SweepReport;
import org.alliancesim.analysis.usecase.SweepRequest;
import org.alliancesim.analysis.usecase.SweepUseCase;
import org.alliancesim.scenario.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim sweep}: flags to a {@link SweepRequest}; prints what ran. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Run a parameter sweep: a design of points, each with replications, crash-safe and resumable.",
        description = {"See docs/sweeps.md.", ""},
        footer = {"", "Exit codes: 0 every point ran, 3 some points failed (recorded with their error), 2 bad input"
                + " (including a folder that does not match --resume), 1 a file could not be written (disk full) or an"
                + " internal error."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sweep file (YAML).")
    Path file;

    // Declared in this order so that the completion script lists the options as before the mixins:
    // flags --resume, --force, --quiet; arguments --out, --threads, --shard.
    @Option(names = "--resume", description = "Finish a sweep that was interrupted in --out.")
    boolean resume;

    @Mixin
    OutputOptions.Required results;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only the K-th of N disjoint, balanced parts.")
    String shard = "1/1";

    @Mixin
    QuietOption quietOption;

    @Override
    public Integer call() throws Exception {
        SweepRequest request = SweepRequest.of(file, results.dir()).withShard(SweepRequest.Shard.parse(shard))
                .withThreads(threadsOption.get()).withResume(resume).withForce(results.force)
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        SweepUseCase.Result r;
        try (ProgressBar bar = ProgressBars.open("points", -1, quietOption.quiet)) {
            r = SweepUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        } catch (IOException e) {
            return Failures.cannotWrite(spec, e, "the points finished so far are kept; free space (or fix the folder), then run"
                    + " the same command with --resume");
        }
        PrintWriter w = spec.commandLine().getOut();
        // A resumed sweep that had nothing left to run has no speed to report (not "0.0 runs/s").
        String speed = r.ranNow() == 0 ? "nothing left to run"
                : String.format(Locale.ROOT, "%.1f runs/s on %d threads", r.runsPerSecond(), request.threads());
        w.printf(Locale.ROOT, "sweep %s: %d points (shard %s), %d run now, %d failed; %s%n", file, r.points(),
                r.shard(), r.ranNow(), r.failed(), speed);
        if (!r.effects().isEmpty()) {
            printEffects(w, request, r);
        }
        w.println("results: " + results.dir() + " (points.csv, runs.csv, " + (r.effects().isEmpty() ? "" : "effects.csv, ")
                + "summary.json, report.html, charts/)");
        w.flush();
        return r.failed() > 0 ? AllianceSim.CHECKS_FAILED : AllianceSim.OK;
    }

    /** An effect sweep's effects on its first metric, a row per point (all metrics are in effects.csv). */
    private static void printEffects(PrintWriter w, SweepRequest request, SweepUseCase.Result r) {
        SweepSpec s = request.sweep();
        String metric = s.metrics().get(0);
        w.printf(Locale.ROOT, "effect on %s of B = A with %s (%d paired replications each):%n", metric,
                s.compare().describe(), s.replications());
        StringBuilder head = new StringBuilder();
        List<String> widths = new java.util.ArrayList<>(); // each parameter's column: its path and two spaces, 12 at least
        s.parameters().forEach(p -> {
            widths.add("%-" + Math.max(12, p.path().length() + 2) + "s");
            head.append(String.format(Locale.ROOT, widths.get(widths.size() - 1), p.path()));
        });
        w.println("  " + head + String.format(Locale.ROOT, "%8s %8s  %s", "A", "B", "B - A [95% CI]"));
        for (SweepReport.Effect e : r.effects()) {
            if (!e.metric().equals(metric)) {
                continue;
            }
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < e.parameters().size(); k++) {
                row.append(String.format(Locale.ROOT, widths.get(k),
                        java.math.BigDecimal.valueOf(e.parameters().get(k)).stripTrailingZeros().toPlainString()));
            }
            w.println("  " + row + String.format(Locale.ROOT, "%8.4f %8.4f  %+.4f [%+.4f, %+.4f]", e.meanA(), e.meanB(),
                    e.effect(), e.lower(), e.upper()));
        }
    }
}
