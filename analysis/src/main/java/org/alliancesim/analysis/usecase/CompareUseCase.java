package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.report.CompareReport;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.scenario.Scenario;

/**
 * Runs two scenarios on the same simulated families and compares them replication by replication
 * (paired differences B - A with 95% intervals, dropout risk ratio, effect sizes); when asked, writes
 * a results folder (families.csv of both with a scenario column, summary.json, charts, report.html).
 */
public final class CompareUseCase {

    private CompareUseCase() {}

    /**
     * What a comparison produced: both runs and their paired comparison (B - A).
     *
     * @param comparison the scenarios, both runs, the paired differences of every metric, dropout as a
     *     risk (difference and ratio) and Cohen's d of the family-level outcomes
     * @param folder the results folder written, or null when none was asked for
     */
    public record Result(CompareReport.Result comparison, Path folder) {

        /** Validates presence. */
        public Result {
            Requests.given("comparison", comparison);
        }

        /** The paired differences of every metric, in {@link Metric} order. */
        public List<Comparison.Difference> differences() {
            return comparison.differences();
        }

        /** The paired differences of the headline metrics ({@link Metric#TABLE}), in that order. */
        public List<Comparison.Difference> headline() {
            return Metric.TABLE.stream().map(this::difference).toList();
        }

        /** The paired difference of one metric. */
        public Comparison.Difference difference(Metric metric) {
            return comparison.differences().stream().filter(d -> d.metric() == metric).findFirst().orElseThrow();
        }

        /** Dropout as a risk: shares, difference and ratio B/A with 95% intervals. */
        public Comparison.Risk dropout() {
            return comparison.dropout();
        }

        /** Cohen's d of improvement, sessions and final alliance. */
        public List<Comparison.EffectSize> effects() {
            return comparison.effects();
        }

        /** Each difference's posterior predictive distribution (compare --posterior), or null. */
        public PosteriorPredictive.Effects predictive() {
            return comparison.predictive();
        }

        /** A's run. */
        public ExperimentResult resultA() {
            return comparison.ra();
        }

        /** B's run. */
        public ExperimentResult resultB() {
            return comparison.rb();
        }
    }

    /**
     * Runs the request: A's replications, then B's on the same families.
     *
     * @throws BadRequestException if the output folder cannot take results (nothing has run)
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    @SuppressWarnings("try") // families.csv is closed (flushed) before the report and the commit, on purpose
    public static Result execute(CompareRequest request) throws IOException {
        Instant started = Instant.now();
        Requests.posterior(request.posterior(), request.a(), request.b());
        Output output = request.output();
        if (output == null) {
            return new Result(compare(request, null), null);
        }
        try (ResultsFolder folder = output.open(CompareReport.FILES);
                Writer families = folder.writer("families.csv")) {
            families.write("scenario," + ReplicationData.FAMILIES_HEADER);
            CompareReport.Result result = compare(request, families);
            families.close();
            CompareReport.write(folder, result, Provenance.of(request.arguments(), started));
            folder.commit();
            return new Result(result, output.dir());
        }
    }

    /** Runs A and B, writing their families to {@code families} (with the scenario column) when not null. */
    private static CompareReport.Result compare(CompareRequest q, Writer families) throws IOException {
        if (q.auto() != null) {
            return auto(q, families);
        }
        ExperimentResult ra = run(q, q.a(), "A", 0, families);
        ExperimentResult rb = run(q, q.b(), "B", q.a().replications(), families);
        CompareReport.Result result = CompareReport.Result.of(q.a(), q.b(), ra, rb).withLabels(q.labelA(), q.labelB());
        if (q.posterior() == null) {
            return result;
        }
        long reps = q.a().replications();
        long total = 2 * reps * (1L + q.draws());
        return result.withPredictive(Requests.run(() -> PosteriorPredictive.compare(q.posterior(), q.a(), q.b(),
                result.differences(), q.draws(), q.threads(),
                j -> q.progress().update(2 * reps * (1L + j), total, "posterior draw " + j))));
    }

    /**
     * {@code --reps auto}: blocks of replications 0.., A's then B's, until the difference's 95%
     * half-width on the rule's metric is at most its precision or the cap is reached. B's family
     * rows wait in memory until the end, so families.csv holds A's rows then B's, as a fixed run of
     * the same length writes them; replication r has the same streams in any block, so the result is
     * that fixed run's.
     */
    private static CompareReport.Result auto(CompareRequest q, Writer families) throws IOException {
        CompareRequest.Auto rule = q.auto();
        ExperimentResult ra = new ExperimentResult(q.a().model().run().sessionLimit());
        ExperimentResult rb = new ExperimentResult(q.b().model().run().sessionLimit());
        java.io.StringWriter rowsB = families == null ? null : new java.io.StringWriter();
        int n = 0;
        Comparison.Difference d;
        while (true) {
            int count = Math.min(rule.block(), rule.max() - n);
            block(q, q.a(), "A", n, count, ra, families, rule.max());
            block(q, q.b(), "B", n, count, rb, rowsB, rule.max());
            n += count;
            d = Comparison.paired(rule.metric(), ra.values(rule.metric()), rb.values(rule.metric()));
            if (d.n() < 2 && n == count) {
                throw new BadRequestException("--reps auto: " + rule.metric().key() + " is not defined in both"
                        + " scenarios (it needs families it applies to, such as involuntary ones), so its interval"
                        + " cannot decide when to stop; choose another --metric");
            }
            if ((d.upper() - d.lower()) / 2 <= rule.precision() || n >= rule.max()) {
                break;
            }
        }
        if (families != null) {
            families.write(rowsB.toString());
        }
        double halfWidth = (d.upper() - d.lower()) / 2;
        return CompareReport.Result.of(q.a().withReplications(n), q.b().withReplications(n), ra, rb)
                .withLabels(q.labelA(), q.labelB())
                .withStopping(new CompareReport.Stopping(rule.metric(), rule.precision(), rule.block(), rule.max(), n,
                        halfWidth, halfWidth <= rule.precision()));
    }

    private static void block(CompareRequest q, Scenario s, String label, int first, int count, ExperimentResult result,
            Writer families, int max) throws IOException {
        String note = label + ": " + s.name() + " (auto, up to " + max + ")";
        Requests.run(() -> {
            Experiment.run(ExperimentPlan.of(s).replications(first, count).threads(q.threads()).familyRows(true)
                    .afterEach(r -> q.progress().update(r + 1, max, note)).build(), d -> {
                        result.add(d);
                        if (families != null) {
                            d.writeFamilies(families, label);
                        }
                    });
            return null;
        });
    }

    private static ExperimentResult run(CompareRequest q, Scenario s, String label, int before, Writer families)
            throws IOException {
        ExperimentResult result = new ExperimentResult(s.model().run().sessionLimit());
        long total = 2L * s.replications();
        String note = label + ": " + s.name();
        Requests.run(() -> {
            Experiment.run(ExperimentPlan.of(s).threads(q.threads()).familyRows(true)
                    .afterEach(r -> q.progress().update(before + r + 1, total, note)).build(), d -> {
                        result.add(d);
                        if (families != null) {
                            d.writeFamilies(families, label);
                        }
                    });
            return null;
        });
        return result;
    }

    /**
     * In memory, for an adapter that shows both arms (the classroom): A's and B's runs of a
     * comparison, each as a run's result (no folder).
     */
    public static List<RunUseCase.Result> runs(Result r) {
        CompareReport.Result c = r.comparison();
        return List.of(new RunUseCase.Result(c.a(), c.ra(), c.ra().summaries(), false, null),
                new RunUseCase.Result(c.b(), c.rb(), c.rb().summaries(), false, null));
    }
}
