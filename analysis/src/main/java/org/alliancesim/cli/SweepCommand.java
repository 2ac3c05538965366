package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alliancesim.analysis.sweep.Designs;
import org.alliancesim.analysis.sweep.SweepFolderException;
import org.alliancesim.analysis.sweep.SweepRunner;
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
        footer = {"", "Exit codes: 0 every point ran, 3 some points failed (recorded with their error), 2 bad input"
                + " (including a folder that does not match --resume), 1 a file could not be written (disk full) or an"
                + " internal error."})
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
        int threads = threadsOption.get();
        int[] kn = parseShard(shard);
        SweepSpec s = SweepSpecs.load(file, CalibrateCommand.STATISTICS);
        try {
            SweepRunner.check(s);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
        boolean resuming = resume && Files.exists(out.resolve(SweepRunner.MANIFEST));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + " is a file; give a folder");
        }
        if (!resuming && Files.isDirectory(out) && !force && !isEmpty(out)) {
            throw new BadInputException("--out " + out + " exists and is not empty" + (resume
                    ? ", but holds no " + SweepRunner.MANIFEST + ", so there is no sweep in it to resume; use --force to"
                            + " start afresh in it, or another folder"
                    : "; use --resume to finish the sweep in it, --force to start afresh, or another folder"));
        }
        if (!resuming && force && Files.isDirectory(out)) {
            for (String f : List.of(SweepRunner.MANIFEST, SweepRunner.POINTS, SweepRunner.RUNS, "summary.json",
                    "report.html")) {
                Files.deleteIfExists(out.resolve(f));
            }
        }
        int total = SweepRunner.shard((int) Designs.size(s), kn[0], kn[1]).size();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ProgressBar bar = quiet || System.console() == null ? null : new ProgressBarBuilder().setTaskName("points")
                .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        String command = "alliancesim " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
        SweepRunner.Outcome o;
        try {
            o = SweepRunner.run(s, out, threads, resuming, kn[0], kn[1], command, i -> {
                int n = done.incrementAndGet();
                if (bar != null) {
                    bar.step();
                    double secs = (System.nanoTime() - t0) / 1e9;
                    bar.setExtraMessage(String.format(Locale.ROOT, " %.1f runs/s", n * s.replications() / secs));
                }
            });
        } catch (SweepFolderException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            return cannotWrite(spec, e, "the points finished so far are kept; free space (or fix the folder), then run"
                    + " the same command with --resume");
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "sweep %s: %d points (shard %d/%d), %d run now, %d failed; %.1f runs/s on %d threads%n",
                file, o.points(), kn[0], kn[1], o.ranNow(), o.failed(),
                o.ranNow() * s.replications() / Math.max(1e-9, o.seconds()), threads);
        w.println("results: " + out + " (points.csv, runs.csv, summary.json, report.html, charts/)");
        w.flush();
        return o.failed() > 0 ? AllianceSim.CHECKS_FAILED : AllianceSim.OK;
    }

    /**
     * A file could not be written (a full disk, a folder made read-only mid-run): an environment
     * error, not bad input and not a bug. One line (the file and the reason, then what to do), no
     * stack trace, exit code 1; the folder's manifest does not say complete (docs/sweeps.md).
     */
    static int cannotWrite(CommandSpec command, IOException e, String then) {
        String what = e instanceof FileSystemException f ? "cannot write " + f.getFile() + ": "
                + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()) : e.getMessage();
        command.commandLine().getErr().println(command.qualifiedName() + ": " + what + "; " + then);
        return AllianceSim.INTERNAL_ERROR;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var l = Files.list(dir)) {
            return l.findAny().isEmpty();
        }
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
