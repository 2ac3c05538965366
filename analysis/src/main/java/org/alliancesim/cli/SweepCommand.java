package org.alliancesim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alliancesim.analysis.sweep.Designs;
import org.alliancesim.analysis.sweep.SweepReport;
import org.alliancesim.analysis.sweep.SweepRunner;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;
import org.alliancesim.scenario.SweepSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim sweep}: many points of a design, crash-safe, resumable, shardable. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Run a parameter sweep: a design of points, each with replications, crash-safe and resumable.",
        description = {"See docs/sweeps.md.", ""},
        footer = {"", "Exit codes: 0 every point ran, 3 some points failed (recorded with their error), 2 bad input,"
                + " 1 internal error."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The sweep file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Results folder.")
    Path out;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--resume", description = "Finish a sweep that was interrupted in --out.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only the K-th of N disjoint, balanced parts.")
    String shard = "1/1";

    @Option(names = "--force", description = "Start afresh in a non-empty --out folder.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        int threads = threadsOption.get();
        int[] kn = parseShard(shard);
        SweepSpec s = SweepSpecs.load(file, CalibrateCommand.STATISTICS);
        // Every parameter path must name a number in the base: checked before anything runs. (Values
        // the model refuses are not bad input: those points are recorded as failed.)
        com.fasterxml.jackson.databind.JsonNode base = ScenarioLoader.toTree(ScenarioLoader.load(s.base()));
        for (int i = 0; i < s.parameters().size(); i++) {
            String path = s.parameters().get(i).path();
            com.fasterxml.jackson.databind.JsonNode n = ScenarioLoader.valueAt(base, path);
            if (n == null || !n.isNumber()) {
                throw new BadInputException(file + ": parameters[" + i + "].path: '" + path + "' is not a number in "
                        + s.base() + " (see 'alliancesim scenarios show " + s.base() + "' for the fields)");
            }
        }
        boolean resuming = resume && Files.exists(out.resolve(SweepRunner.MANIFEST));
        if (!resuming) {
            if (Files.isDirectory(out) && !force) {
                try (var l = Files.list(out)) {
                    if (l.findAny().isPresent()) {
                        throw new BadInputException("--out " + out + " exists and is not empty; use --resume to finish"
                                + " the sweep in it, --force to start afresh, or another folder");
                    }
                }
            }
            if (force && Files.isDirectory(out)) {
                for (String f : List.of("points.csv", "runs.csv", "summary.json", "report.html", SweepRunner.MANIFEST)) {
                    Files.deleteIfExists(out.resolve(f));
                }
            }
        }
        int total = SweepRunner.shard(Designs.points(s).size(), kn[0], kn[1]).size();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ProgressBar bar = quiet || System.console() == null ? null : new ProgressBarBuilder().setTaskName("points")
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        SweepRunner.Outcome o;
        try {
            o = SweepRunner.run(s, out, threads, resuming, kn[0], kn[1], i -> {
                int n = done.incrementAndGet();
                if (bar != null) {
                    bar.step();
                    double secs = (System.nanoTime() - t0) / 1e9;
                    bar.setExtraMessage(String.format(Locale.ROOT, " %.1f runs/s", n * s.replications() / secs));
                }
            });
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        String command = "alliancesim " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
        SweepReport.write(out, s, command, started);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "sweep %s: %d points (shard %d/%d), %d run now, %d failed; %.1f runs/s on %d threads%n",
                file, o.points(), kn[0], kn[1], o.ranNow(), o.failed(),
                o.ranNow() * s.replications() / Math.max(1e-9, o.seconds()), threads);
        w.println("results: " + out + " (points.csv, runs.csv, summary.json, report.html, charts/)");
        w.flush();
        return o.failed() > 0 ? AllianceSim.CHECKS_FAILED : AllianceSim.OK;
    }

    static int[] parseShard(String s) {
        String[] p = s.split("/");
        try {
            int k = Integer.parseInt(p[0].strip());
            int n = Integer.parseInt(p[1].strip());
            if (p.length == 2 && n >= 1 && k >= 1 && k <= n) {
                return new int[] {k, n};
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new BadInputException("--shard must be K/N with 1 <= K <= N, was '" + s + "'");
    }

}
