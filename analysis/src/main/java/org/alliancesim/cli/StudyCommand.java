package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.alliancesim.analysis.study.StudyPower;
import org.alliancesim.analysis.study.StudyStatistic;
import org.alliancesim.analysis.usecase.StudyRequest;
import org.alliancesim.analysis.usecase.StudyUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliancesim study}: flags to a {@link StudyRequest}; prints observed beside latent, and the power. */
@Command(name = "study", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "A virtual study: measure a sample of simulated families as a study would, analyse the observed"
                + " data as the papers do, beside the latent truth; power by simulation.",
        description = {"The sample is a cohort of the design's families spread over its therapists, measured with"
                + " the scenario's measurement section. --replications R --sizes a,b,c repeats the study R times per"
                + " size and reports the power to detect each effect. See docs/studies.md.", ""},
        footer = {"", "Exit codes: 0 success, 2 bad input (file:line:column; nothing written), 1 internal or I/O"
                + " error."})
final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "The scenario (built-in name or file).", completionCandidates = ScenarioNames.class)
    String scenario;

    @Option(names = "--design", paramLabel = "STUDY.yaml", description = "The study design file (default: 200"
            + " families, 20 therapists, early alliance at session 1, alpha .05, seed 20261125).")
    Path design;

    @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", hideParamSyntax = true, description = "Sample sizes of the power analysis,"
            + " each from 20 (default: the design's families when --replications is given).")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "R", description = "Simulated studies per size in the power"
            + " analysis, >= 1 (default: 100 when --sizes is given).")
    Integer replications;

    @Mixin
    SetOption setOption;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    OutputOptions.Defaulted results;

    @Mixin
    QuietOption quietOption;

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioLoader.load(scenario, setOption.edits);
        StudyRequest request = StudyRequest.of(s);
        if (design != null) {
            request = request.withDesign(design);
        }
        if (replications != null || !sizes.isEmpty()) {
            request = request.withPower(sizes.isEmpty() ? List.of(request.design().families()) : sizes,
                    replications == null ? StudyRequest.DEFAULT_REPLICATIONS : replications);
        }
        request = request.withThreads(threadsOption.get())
                .withOutput(results.orDefault("study-" + s.name()))
                .withArguments(spec.root().commandLine().getParseResult().originalArgs());
        StudyUseCase.Result r;
        long total = (long) request.sizes().size() * request.replications();
        try (ProgressBar bar = ProgressBars.open("studies", total, quietOption.quiet || total == 0)) {
            r = StudyUseCase.execute(request.withProgress(ProgressBars.onto(bar)));
        } catch (IOException e) {
            return Failures.cannotWrite(spec, e, "no result file was left half-written; free space, then run again");
        }
        print(spec.commandLine().getOut(), request, r);
        return AllianceSim.OK;
    }

    static void print(PrintWriter w, StudyRequest q, StudyUseCase.Result r) {
        w.printf(Locale.ROOT, "study %s (%s): %d families that started, %d therapists, early alliance at session %d,"
                + " seed %d%n", q.scenario().name(), q.designSource(), r.sample().families().size(), r.therapists(),
                q.design().earlySession(), q.design().seed());
        w.printf(Locale.ROOT, "%-26s %-28s %8s %8s%n", "statistic", "observed [95% CI]", "latent", "n");
        for (StudyStatistic t : r.statistics()) {
            String observed = Double.isNaN(t.observed().value()) ? "n/a"
                    : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", t.observed().value(), t.observed().lower(),
                            t.observed().upper());
            w.printf(Locale.ROOT, "%-26s %-28s %8.3f %8d%n", t.name(), observed, t.latent(), t.n());
        }
        w.println("latent: the same statistic on the model's true values of the same families; for icc_raters_* and"
                + " alpha_*, the configured reliability");
        if (!r.power().isEmpty()) {
            w.printf(Locale.ROOT, "power at alpha %s, %d simulated studies per size (%.1f s on %d thread%s):%n",
                    q.design().alpha(), q.replications(), r.seconds(), q.threads(), q.threads() == 1 ? "" : "s");
            w.printf(Locale.ROOT, "%-26s", "effect");
            for (int n : q.sizes()) {
                w.printf(Locale.ROOT, " %9s", "n=" + n);
            }
            w.println();
            String effect = null;
            for (StudyPower.Point p : r.power()) {
                if (!p.effect().equals(effect)) {
                    if (effect != null) {
                        w.println();
                    }
                    effect = p.effect();
                    w.printf(Locale.ROOT, "%-26s", effect);
                }
                w.printf(Locale.ROOT, " %9.2f", p.power().value());
            }
            w.println();
        }
        w.println("results: " + r.folder() + " (results.csv, study.csv, measures.csv"
                + (r.power().isEmpty() ? "" : ", power.csv, charts/power-curve") + ", summary.json, report.html)");
        w.flush();
    }
}
