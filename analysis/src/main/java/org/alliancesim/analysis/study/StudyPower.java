package org.alliancesim.analysis.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliancesim.analysis.stats.Estimate;
import org.alliancesim.analysis.stats.Power;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.ScenarioException;

/**
 * Power by simulation (docs/studies.md, "Power by simulation"): the virtual study repeated R times
 * per sample size, each sample from its own keyed seed (replication r of {@link VirtualStudy#powerSeed}
 * of the size), analysed as {@link StudyAnalysis} does; the power of an effect is the share of
 * samples that detect it ({@link StudyStatistic#detected}), with its Clopper-Pearson interval.
 * Samples run in parallel; results are collected by (size, replication), so they do not depend on
 * the thread count.
 */
public final class StudyPower {

    /** Receives progress: samples done and the total. Called from worker threads, one call at a time. */
    @FunctionalInterface
    public interface SampleProgress {
        void update(int done, int total);
    }

    /**
     * One point of a power curve: a row of power.csv.
     *
     * @param effect the statistic's name ({@link StudyStatistic#name})
     * @param label what it is
     * @param families the sample size
     * @param replications samples drawn
     * @param detected samples that detected the effect
     * @param power detected / replications with its Clopper-Pearson 95% interval
     */
    public record Point(String effect, String label, int families, int replications, int detected, Estimate power) {}

    private StudyPower() {}

    /**
     * Runs the power analysis.
     *
     * @param sizes sample sizes, each one {@link VirtualStudy#model} accepts
     * @param replications samples per size, at least 1
     * @param threads worker threads, at least 1
     * @return the points, effect by effect (in {@link StudyAnalysis}'s order), sizes in the given order
     * @throws ScenarioException if the scenario refuses a size's edits
     */
    public static List<Point> run(VirtualStudy study, List<Integer> sizes, int replications, int threads,
            SampleProgress progress) throws ScenarioException {
        List<ModelParameters> models = new ArrayList<>();
        for (int n : sizes) {
            models.add(study.model(n));
        }
        int total = sizes.size() * replications;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)), task -> {
            Thread t = new Thread(task, "study-sample");
            t.setDaemon(true);
            return t;
        });
        Object lock = new Object();
        int[] done = {0};
        try {
            List<Future<List<StudyStatistic>>> futures = new ArrayList<>();
            for (int s = 0; s < sizes.size(); s++) {
                ModelParameters model = models.get(s);
                long seed = study.powerSeed(sizes.get(s));
                for (int r = 0; r < replications; r++) {
                    int replication = r;
                    futures.add(pool.submit(() -> {
                        VirtualStudy.Sample sample = study.draw(model, seed, replication);
                        List<StudyStatistic> stats = StudyAnalysis.of(sample, study.measurement(),
                                study.design().earlySession(), false);
                        synchronized (lock) {
                            done[0]++;
                            progress.update(done[0], total);
                        }
                        return stats;
                    }));
                }
            }
            List<List<StudyStatistic>> results = new ArrayList<>();
            for (Future<List<StudyStatistic>> f : futures) {
                results.add(f.get());
            }
            return points(results, sizes, replications, study.design().alpha());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts detections: {@code results} holds size 0's replications, then size 1's, and so on. */
    static List<Point> points(List<List<StudyStatistic>> results, List<Integer> sizes, int replications, double alpha) {
        List<Point> out = new ArrayList<>();
        List<StudyStatistic> first = results.get(0);
        for (int e = 0; e < first.size(); e++) {
            StudyStatistic effect = first.get(e);
            if (effect.test() == StudyStatistic.Test.NONE) {
                continue;
            }
            for (int s = 0; s < sizes.size(); s++) {
                int detected = 0;
                for (int r = 0; r < replications; r++) {
                    detected += results.get(s * replications + r).get(e).detected(alpha) ? 1 : 0;
                }
                out.add(new Point(effect.name(), effect.label(), sizes.get(s), replications, detected,
                        Power.of(detected, replications)));
            }
        }
        return out;
    }
}
