package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.MeasuresCsv;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.experiment.ReplicationData;
import org.alliancesim.analysis.experiment.TherapistTally;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.report.RunReport;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.measurement.Measurement;
import org.alliancesim.model.CourseListener;
import org.alliancesim.scenario.Scenario;

/**
 * Runs a scenario's replications and, when asked, writes a results folder (families.csv, optionally
 * sessions.csv, summary.json, charts, report.html; docs/outputs.md), and measures.csv when the
 * scenario's measurement is enabled (docs/measurement.md).
 *
 * <p>Sequential stopping ({@link RunRequest#ciWidth()}): replications run in batches of
 * {@link #BATCH}; after each batch the dropout share's 95% CI over all replications so far is
 * computed, and the run stops at the first batch where its width (upper - lower) is below the
 * requested width, or at {@link #MAX_REPLICATIONS}. The batch size is fixed, not tied to the thread
 * count, so the stopping point and every result are the same for any number of threads.
 */
public final class RunUseCase {

    /** Replications per batch of sequential stopping. */
    public static final int BATCH = 10;
    /** Most replications sequential stopping runs. */
    public static final int MAX_REPLICATIONS = 5000;

    /** The files a run may write: the report's, therapists.csv and measures.csv. */
    static final List<String> FILES = Stream.concat(RunReport.FILES.stream(), Stream.of("therapists.csv",
            "measures.csv", "measures.csv.gz")).toList();

    private RunUseCase() {}

    /**
     * What a run produced.
     *
     * @param scenario the scenario as run: its replications are the number run (chosen by sequential
     *     stopping when {@code sequential})
     * @param experiment everything kept of the replications: per-replication values, retention, series
     * @param summaries every metric's mean, sd, 95% CI and n over replications
     * @param sequential whether the number of replications was chosen by sequential stopping
     * @param folder the results folder written, or null when none was asked for
     */
    public record Result(Scenario scenario, ExperimentResult experiment, Map<Metric, MetricSummary> summaries,
            boolean sequential, Path folder) {

        /** Copies the summaries. */
        public Result {
            summaries = Map.copyOf(summaries);
        }

        /** One metric's summary. */
        public MetricSummary summary(Metric metric) {
            return summaries.get(metric);
        }

        /** Replications run. */
        public int replications() {
            return experiment.replications();
        }
    }

    /**
     * Runs the request.
     *
     * @throws BadRequestException if the output folder cannot take results (nothing has run)
     * @throws IOException if writing the results fails (no result file is left half-written)
     */
    @SuppressWarnings("try") // the CSV writers are closed (flushed) before the report and the commit, on purpose
    public static Result execute(RunRequest request) throws IOException {
        Instant started = Instant.now();
        Output output = request.output();
        ExperimentResult result = ExperimentResult.with(request.scenario().model().run().sessionLimit(),
                RunReport.TALLIES);
        if (output == null) {
            Scenario ran = replicate(request, result, d -> { }, null);
            return new Result(ran, result, result.summaries(), request.ciWidth() != null, null);
        }
        try (ResultsFolder folder = output.open(FILES);
                Writer families = folder.writer("families.csv", request.compressFamilies());
                Writer therapists = folder.writer("therapists.csv");
                Writer sessions = request.trajectories() ? folder.writer("sessions.csv", request.compressSessions())
                        : null;
                Writer measures = measured(request) ? folder.writer("measures.csv", request.compressFamilies()) : null) {
            families.write(ReplicationData.FAMILIES_HEADER);
            therapists.write(TherapistTally.HEADER);
            if (sessions != null) {
                sessions.write(ReplicationData.SESSIONS_HEADER);
            }
            Scenario scenario = request.scenario();
            MeasuresCsv table = measures == null ? null
                    : new MeasuresCsv(Measurement.of(scenario.measurement(), scenario.seed()));
            if (measures != null) {
                measures.write(MeasuresCsv.HEADER);
            }
            Scenario ran = replicate(request, result, new Experiment.ReplicationSink() {
                @Override
                public void accept(ReplicationData d) throws IOException {
                    rows(d);
                    d.writeTherapists(therapists);
                    if (measures != null) {
                        table.write(d, measures);
                    }
                }

                @Override
                public void rows(ReplicationData d) throws IOException {
                    d.writeFamilies(families);
                    if (sessions != null) {
                        d.writeSessions(sessions);
                    }
                }
            }, table == null ? null : table::listener);
            families.close();
            therapists.close();
            if (sessions != null) {
                sessions.close();
            }
            if (measures != null) {
                measures.close();
            }
            RunReport.write(folder, ran, result, Provenance.of(request.arguments(), started), request.threads());
            folder.commit();
            return new Result(ran, result, result.summaries(), request.ciWidth() != null, output.dir());
        }
    }

    /** Whether the run writes measures.csv: its scenario's measurement is enabled. */
    static boolean measured(RunRequest q) {
        return q.scenario().measurement().enabled();
    }

    /**
     * Runs the replications into {@code result} and {@code write}, each heard also by its listener
     * from {@code alongside} (null for none); returns the scenario with the number run.
     */
    private static Scenario replicate(RunRequest q, ExperimentResult result, Experiment.ReplicationSink write,
            IntFunction<? extends CourseListener> alongside) throws IOException {
        Scenario s = q.scenario();
        Experiment.ReplicationSink sink = new Experiment.ReplicationSink() {
            @Override
            public void accept(ReplicationData d) throws Exception {
                result.add(d);
                write.accept(d);
            }

            @Override
            public void rows(ReplicationData d) throws Exception {
                write.rows(d);
            }

            @Override
            public java.util.List<org.alliancesim.analysis.experiment.Tally.Kind<?>> tallies() {
                return result.kinds();
            }
        };
        if (q.ciWidth() == null) {
            Requests.run(() -> {
                Experiment.run(plan(q, alongside).replications(s.replications())
                        .afterEach(r -> q.progress().update(r + 1, s.replications(), "")).build(), sink);
                return null;
            });
            return s;
        }
        int done = 0;
        while (done < MAX_REPLICATIONS) {
            int first = done;
            Requests.run(() -> {
                Experiment.run(plan(q, alongside).replications(first, BATCH)
                        .afterEach(r -> q.progress().update(r + 1, -1, "")).build(), sink);
                return null;
            });
            done += BATCH;
            MetricSummary d = result.summaries().get(Metric.DROPOUT_SHARE);
            double width = d.upper() - d.lower();
            q.progress().update(done, -1, String.format(Locale.ROOT, "dropout CI width %.4f", width));
            if (width < q.ciWidth()) {
                break;
            }
        }
        return s.withReplications(result.replications());
    }

    /** The run's replications as asked: families.csv rows, sessions.csv rows if asked, session detail for the charts. */
    private static ExperimentPlan.Builder plan(RunRequest q, IntFunction<? extends CourseListener> alongside) {
        return ExperimentPlan.of(q.scenario()).threads(q.threads()).trajectories(q.trajectories()).sessionDetail(true)
                .familyRows(true).alongside(alongside);
    }

    // In memory, for an adapter that shows a run on a screen (the classroom): figures and charts, no files.

    /**
     * A headline figure of a run: a metric's key and label, and its mean with the 95% interval over
     * replications (NaN where the metric is not defined).
     */
    public record Figure(String key, String label, double mean, double lower, double upper) {}

    /** A retention curve to draw: its name and Kaplan-Meier estimate (families still in therapy by session). */
    public record Curve(String name, KaplanMeier retention) {}

    /** The headline metrics a screen shows, in order: dropout, early dropout, median sessions, completion, improvement, alliance at session 3. */
    public static final List<String> HEADLINE = Stream.of(Metric.DROPOUT_SHARE, Metric.EARLY_DROPOUT_SHARE,
            Metric.MEDIAN_SESSIONS, Metric.COMPLETION_SHARE, Metric.MEAN_IMPROVEMENT, Metric.ALLIANCE_SESSION_3)
            .map(Metric::key).toList();

    /** The label of the metric {@code key}; null if there is no such metric. */
    public static String metricLabel(String key) {
        Metric m = Metric.byKey(key);
        return m == null ? null : m.label();
    }

    /** The run's figures for the metrics {@code keys}, in order. */
    public static List<Figure> figures(Result r, List<String> keys) {
        return keys.stream().map(k -> {
            Metric m = Metric.byKey(k);
            MetricSummary v = r.summaries().get(m);
            return new Figure(k, m.label(), v.mean(), v.lower(), v.upper());
        }).toList();
    }

    /** The run's retention: families still in therapy, session by session. */
    public static KaplanMeier retention(Result r) {
        return r.experiment().retention();
    }

    /** Retention curves as an inline {@code <svg>} element whose ids start with {@code id}. */
    public static String retentionSvg(String title, String subtitle, List<Curve> curves, String id) {
        return ChartFiles.svgElement(Charts.retention(title, subtitle,
                curves.stream().map(c -> new Charts.Curve(c.name(), c.retention())).toList()), id);
    }

    /**
     * The members' alliance over sessions as an inline {@code <svg>} element: one run by role, or
     * several runs (named) one line each over all members.
     */
    public static String allianceSvg(String subtitle, List<Map.Entry<String, Result>> runs, String id) {
        var series = runs.size() == 1 ? runs.get(0).getValue().experiment().allianceByRole()
                : runs.stream().map(e -> e.getValue().experiment().allianceAll(e.getKey())).toList();
        return ChartFiles.svgElement(Charts.series(runs.size() == 1 ? "Alliance by role" : "Alliance", subtitle,
                "alliance (SOFTA, -3 to +3)", series, new double[] {-1.5, 2.5}), id);
    }
}
