package org.alliancesim.analysis.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.alliancesim.analysis.experiment.Comparison;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ValidationSpec;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Posterior predictive distributions (docs/calibration.md, "Uncertainty carried forward"): the
 * parameters' uncertainty, from a {@link Posterior}, carried into what {@code validate} and
 * {@code compare} report, beside their Monte Carlo intervals.
 *
 * <p>Draw j of M takes particle {@link Posterior#draw}(M, seed)[j] (by weight, from a keyed stream),
 * applies its values to the scenario as typed edits, and runs R replications, numbered
 * (j + 1) R to (j + 2) R - 1 of the same seed: blocks that share no replication with each other nor
 * with the Monte Carlo run (replications 0 to R - 1). The draw's value is the statistic over its R
 * replications, computed as the Monte Carlo estimate is (the mean over replications), so that with a
 * degenerate posterior (every particle the same) the draws' spread is the Monte Carlo spread of that
 * estimate, and the 95% predictive interval (2.5% and 97.5% quantiles of the M values, R's type 7)
 * matches the Monte Carlo 95% interval up to the noise of M draws. In {@code compare}, each draw runs
 * A and B with the particle's values on the same replications (common random numbers within the
 * draw), and the draw's value is the mean paired difference B - A.
 *
 * <p>Results depend on the seed, M and R, not on the thread count. Stateless.
 */
public final class PosteriorPredictive {

    /** Draws unless told otherwise. */
    public static final int DEFAULT_DRAWS = 40;
    /** Most draws. */
    public static final int MAX_DRAWS = 10_000;

    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private PosteriorPredictive() {}

    /**
     * A posterior predictive distribution summarised.
     *
     * @param median the draws' median
     * @param lower their 2.5% quantile
     * @param upper their 97.5% quantile
     * @param draws draws with the statistic defined (NaN draws left out)
     */
    public record Interval(double median, double lower, double upper, int draws) {

        /** The summary of {@code values} (NaN left out; all NaN: NaN with 0 draws). */
        public static Interval of(double[] values) {
            double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
            if (v.length == 0) {
                return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            double[] q = QUANTILE.evaluate(v, 0.025, 0.5, 0.975);
            return new Interval(q[1], q[0], q[2], v.length);
        }

        /** The interval's width, upper - lower. */
        public double width() {
            return upper - lower;
        }
    }

    /**
     * A validation pattern's posterior predictive distribution.
     *
     * @param pattern the pattern and its published range
     * @param monteCarlo the estimate at fitted.yaml (or the scenario given) with its 95% interval over
     *     replications: today's validate row
     * @param predictive the posterior predictive median and 95% interval
     * @param inRange the posterior probability that the pattern lies in the published range: the share
     *     of draws whose value lies in it
     * @param values the draws' values, in draw order
     */
    public record PatternRow(ValidationSpec.Pattern pattern, ExperimentResult.MetricSummary monteCarlo,
            Interval predictive, double inRange, double[] values) {
        /** Copies the values. */
        public PatternRow {
            values = values.clone();
        }
    }

    /**
     * An effect's posterior predictive distribution.
     *
     * @param monteCarlo today's paired difference B - A with its 95% interval over replications
     * @param predictive the posterior predictive median and 95% interval of the difference
     * @param values the draws' values, in draw order
     */
    public record EffectRow(Comparison.Difference monteCarlo, Interval predictive, double[] values) {
        /** Copies the values. */
        public EffectRow {
            values = values.clone();
        }
    }

    /**
     * validate --posterior's rows with where they come from.
     *
     * @param posterior the posterior folder (or label) drawn from
     * @param draws M
     * @param replications R, replications per draw
     * @param rows one per pattern, in the validation set's order
     */
    public record Patterns(String posterior, int draws, int replications, List<PatternRow> rows) {
        /** Copies the rows. */
        public Patterns {
            rows = List.copyOf(rows);
        }
    }

    /**
     * compare --posterior's rows with where they come from.
     *
     * @param posterior the posterior folder (or label) drawn from
     * @param draws M
     * @param replications R, paired replications per draw
     * @param rows one per {@link Metric}, in its order
     */
    public record Effects(String posterior, int draws, int replications, List<EffectRow> rows) {
        /** Copies the rows. */
        public Effects {
            rows = List.copyOf(rows);
        }

        /** The row of {@code metric}. */
        public EffectRow of(Metric metric) {
            return rows.stream().filter(e -> e.monteCarlo().metric() == metric).findFirst().orElseThrow();
        }
    }

    /**
     * The posterior predictive distribution of each pattern of {@code spec}.
     *
     * @param scenario the scenario validated, with its seed and replications R (the particles' values
     *     are applied to it)
     * @param monteCarlo today's rows for {@code spec} on {@code scenario} (replications 0 to R - 1)
     * @param draws M, from 1
     * @param progress told the number of draws done, or null
     * @throws ScenarioException if the scenario refuses a particle's values
     * @throws Exception whatever a replication throws (an internal error)
     */
    public static Patterns validate(Posterior posterior, Scenario scenario, ValidationSpec spec,
            List<ValidationSet.Row> monteCarlo, int draws, int threads, IntConsumer progress) throws Exception {
        int r = scenario.replications();
        int[] chosen = posterior.draw(draws, scenario.seed());
        int k = spec.patterns().size();
        double[][] values = new double[k][draws];
        for (int j = 0; j < draws; j++) {
            Scenario s = posterior.apply(scenario, chosen[j]);
            ValidationSet patterns = new ValidationSet();
            // Session detail on: the V-shaped trajectories need it (as validate's own run).
            Experiment.run(ExperimentPlan.of(s).replications((j + 1) * r, r).threads(threads).build(), patterns::add);
            patterns.runSourceCaseloads(s, (j + 1) * r, r, threads);
            List<ValidationSet.Row> rows = patterns.rows(spec);
            for (int i = 0; i < k; i++) {
                values[i][j] = rows.get(i).estimate().mean();
            }
            if (progress != null) {
                progress.accept(j + 1);
            }
        }
        List<PatternRow> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ValidationSpec.Pattern p = spec.patterns().get(i);
            Interval iv = Interval.of(values[i]);
            long in = Arrays.stream(values[i]).filter(p::inRange).count();
            out.add(new PatternRow(p, monteCarlo.get(i).estimate(), iv, iv.draws() == 0 ? Double.NaN
                    : (double) in / iv.draws(), values[i]));
        }
        return new Patterns(posterior.label(), draws, r, out);
    }

    /**
     * The posterior predictive distribution of each metric's paired difference B - A.
     *
     * @param a the reference scenario, with the seed and replications R of the comparison
     * @param b the scenario compared with it (same seed and R)
     * @param monteCarlo today's paired differences, one per {@link Metric}, in its order
     * @param draws M, from 1
     * @param progress told the number of draws done, or null
     * @throws ScenarioException if A or B refuses a particle's values
     * @throws Exception whatever a replication throws (an internal error)
     */
    public static Effects compare(Posterior posterior, Scenario a, Scenario b,
            List<Comparison.Difference> monteCarlo, int draws, int threads, IntConsumer progress) throws Exception {
        int r = a.replications();
        int[] chosen = posterior.draw(draws, a.seed());
        Metric[] metrics = Metric.values();
        double[][] values = new double[metrics.length][draws];
        for (int j = 0; j < draws; j++) {
            Scenario sa = posterior.apply(a, chosen[j]);
            Scenario sb = posterior.apply(b, chosen[j]);
            ExperimentResult ra = ExperimentResult.metricsOnly(sa.model().run().sessionLimit());
            ExperimentResult rb = ExperimentResult.metricsOnly(sb.model().run().sessionLimit());
            // The same replication numbers for A and B: common random numbers within the draw.
            Experiment.run(ExperimentPlan.builder(sa.model(), a.seed()).replications((j + 1) * r, r).threads(threads)
                    .sessionDetail(false).build(), ra::add);
            Experiment.run(ExperimentPlan.builder(sb.model(), a.seed()).replications((j + 1) * r, r).threads(threads)
                    .sessionDetail(false).build(), rb::add);
            for (int i = 0; i < metrics.length; i++) {
                values[i][j] = Comparison.paired(metrics[i], ra.values(metrics[i]), rb.values(metrics[i])).difference();
            }
            if (progress != null) {
                progress.accept(j + 1);
            }
        }
        List<EffectRow> out = new ArrayList<>();
        for (int i = 0; i < metrics.length; i++) {
            out.add(new EffectRow(monteCarlo.get(i), Interval.of(values[i]), values[i]));
        }
        return new Effects(posterior.label(), draws, r, out);
    }
}
