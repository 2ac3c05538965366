package org.alliancesim.analysis.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.study.StudyAnalysis;
import org.alliancesim.analysis.study.StudyStatistic;
import org.alliancesim.analysis.study.VirtualStudy;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.StudySpec;

/**
 * The model's figure for each target of a targets file, computed as its source computed it
 * (docs/calibration.md, "Targets as data"):
 *
 * <ul>
 *   <li>a metric of summary.json without {@code n:}: its per-replication value on the scenario's
 *       families (the file's {@code families} in a fit), as before;
 *   <li>a metric with {@code n:}: its per-replication value on replications of n families, so each
 *       replication carries the sampling noise of a source of that size;
 *   <li>a study statistic ({@link #SAMPLED}, for example {@code d_dropout}), which needs {@code n:}: the
 *       statistic as a paper computes it on observed data ({@link StudyAnalysis}), on a virtual study
 *       of n families per replication ({@link VirtualStudy#draw}): the scenario's model as a cohort of
 *       n families (its therapists and caseloads unchanged), measured through the scenario's
 *       {@code measurement:} section with early alliance at session 1.
 * </ul>
 *
 * Replication r of every part is replication r of the same seed, so a fit keeps common random
 * numbers across its evaluations. The estimate of a target is the mean of its per-replication values
 * with a t-interval over replications ({@link MetricSummary}). Results do not depend on the thread
 * count. Stateless.
 */
public final class TargetEstimates {

    /**
     * The study statistics a target may name ({@link StudyAnalysis}'s names, results.csv of
     * {@code study}), each computed on a virtual study and so only with {@code n:} stated.
     */
    public static final Set<String> SAMPLED = Set.of("d_dropout", "or_dropout", "r_outcome", "or_split_dropout",
            "r_split_outcome", "icc_therapist_dropout", "icc_therapist_outcome");

    /** Every statistic a targets file may name: the metrics of summary.json and {@link #SAMPLED}. */
    public static final Set<String> STATISTICS;

    static {
        Set<String> all = new TreeSet<>(Metric.KEYS);
        all.addAll(SAMPLED);
        STATISTICS = java.util.Collections.unmodifiableSet(all);
    }

    /** The study statistics that read no outcome score, only the early SOFTA-o ratings and dropout. */
    static final Set<String> EARLY_ONLY = Set.of("d_dropout", "or_dropout", "or_split_dropout", "icc_therapist_dropout");

    /** The session whose SOFTA-o ratings are the early alliance of a study target. */
    public static final int EARLY_SESSION = 1;

    private static final ParameterPath FAMILIES = path("run.families");
    private static final ParameterPath MODE = path("run.mode");

    private TargetEstimates() {}

    /**
     * The model's estimate of each target at {@code scenario}.
     *
     * @param targets the targets, in order
     * @param scenario the scenario; its run.families is the size of the targets without {@code n:}
     * @param seed the master seed of every part
     * @param replications replications (virtual studies) per target
     * @param threads worker threads; results do not depend on it
     * @param unsized the metrics of {@code scenario} on {@code seed} with {@code replications}, when the
     *     caller has run them already (validate), or null to run them here (only if a target needs them)
     * @return one summary per target, in the targets' order
     * @throws ScenarioException if the model refuses a sample size
     * @throws Exception whatever a replication throws (an internal error)
     */
    public static List<MetricSummary> of(List<CalibrationSpec.Target> targets, Scenario scenario, long seed,
            int replications, int threads, ExperimentResult unsized) throws Exception {
        Map<Integer, Map<Metric, MetricSummary>> metricsBySize = new LinkedHashMap<>();
        Map<Integer, List<List<StudyStatistic>>> studiesBySize = new LinkedHashMap<>();
        List<MetricSummary> out = new ArrayList<>();
        for (CalibrationSpec.Target t : targets) {
            if (SAMPLED.contains(t.statistic())) {
                List<List<StudyStatistic>> samples = studiesBySize.get(t.n());
                if (samples == null) {
                    Set<String> wanted = new TreeSet<>();
                    for (CalibrationSpec.Target u : targets) {
                        if (SAMPLED.contains(u.statistic()) && u.n() == t.n()) {
                            wanted.add(u.statistic());
                        }
                    }
                    samples = studies(scenario, t.n(), seed, replications, threads, wanted);
                    studiesBySize.put(t.n(), samples);
                }
                double[] v = new double[samples.size()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = samples.get(r).stream().filter(x -> x.name().equals(t.statistic())).findFirst()
                            .orElseThrow().observed().value();
                }
                out.add(MetricSummary.of(v));
                continue;
            }
            Map<Metric, MetricSummary> m = metricsBySize.get(t.n());
            if (m == null) {
                if (!t.sized() && unsized != null) {
                    m = unsized.summaries();
                } else {
                    Scenario s = t.sized() ? scenario.with(FAMILIES, t.n()) : scenario;
                    m = Experiment.metrics(ExperimentPlan.builder(s.model(), seed).replications(replications)
                            .threads(threads).sessionDetail(false).build()).summaries();
                }
                metricsBySize.put(t.n(), m);
            }
            out.add(m.get(Metric.byKey(t.statistic())));
        }
        return out;
    }

    /**
     * The study statistics of replications 0 to {@code replications - 1} of {@code seed}: each a
     * virtual study of {@code n} families ({@link VirtualStudy#draw}) analysed as a paper would.
     */
    static List<List<StudyStatistic>> studies(Scenario scenario, int n, long seed, int replications, int threads,
            Set<String> wanted) throws Exception {
        // The design only places the early session and seeds the instruments' error sds; the sample is
        // the scenario's own model as a cohort of n families (its therapists and caseloads unchanged).
        int therapists = (n + StudySpec.MAX_CASELOAD - 1) / StudySpec.MAX_CASELOAD;
        StudySpec design = new StudySpec(n, therapists, EARLY_SESSION, 0.05, seed);
        VirtualStudy full = VirtualStudy.of(scenario, design);
        // Only what the wanted statistics read: the early ratings alone when they need no outcome (the
        // same values to the bit, VirtualStudy.earlyRatingsOnly), no measure rows kept, no other statistic.
        VirtualStudy study = EARLY_ONLY.containsAll(wanted) ? full.earlyRatingsOnly() : full;
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        edits.put(MODE, "cohort");
        edits.put(FAMILIES, n);
        ModelParameters model = scenario.with(edits, "virtual study of " + n + " families").model();
        if (threads <= 1 || replications == 1) {
            List<List<StudyStatistic>> out = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                out.add(StudyAnalysis.of(study.draw(model, seed, r, false), wanted::contains));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, replications)), task -> {
            Thread t = new Thread(task, "target-study");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<StudyStatistic>>> futures = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                int replication = r;
                futures.add(pool.submit(() -> StudyAnalysis.of(study.draw(model, seed, replication, false),
                        wanted::contains)));
            }
            List<List<StudyStatistic>> out = new ArrayList<>();
            for (Future<List<StudyStatistic>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ParameterPath path(String text) {
        try {
            return ParameterPath.parse(text);
        } catch (ScenarioException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
