package org.alliancesim.analysis.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.study.DataSummaries;
import org.alliancesim.analysis.study.StudyData;
import org.alliancesim.analysis.study.StudyFamily;
import org.alliancesim.analysis.study.VirtualStudy;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * A study's own data as the evidence of a calibration, a validation or a competition
 * (docs/fitting-your-data.md): the observed summaries of the data ({@link #observed}) and, for a
 * model, the same summaries of its virtual study of the same design ({@link #simulator}): the data's
 * number of families and therapists, the measurement schedule, reliabilities and missingness of
 * {@link StudyData#measurement}, summarised by the same code ({@link DataSummaries}).
 *
 * <p>One simulation is one virtual study of the data's size (not a mean over several): the observed
 * summaries are one study's, with one study's sampling noise, and ABC compares like with like. Holds
 * the data's aggregates only; no identifier of the input is kept. Immutable and thread-safe.
 */
public final class DataEvidence {

    /** Bootstrap resamples behind each summary's standard error. */
    public static final int BOOTSTRAP = 200;

    private static final long RESAMPLE = RandomStreams.purposeCode("study-data-bootstrap");

    /**
     * One summary of the data beside the model's virtual studies of it ({@code validate --data}).
     *
     * @param name the summary
     * @param observed its value on the data
     * @param se its bootstrap standard error over families ({@link #BOOTSTRAP} resamples)
     * @param modelMean the mean over the model's virtual studies (NaN ones left out)
     * @param lower the virtual studies' 2.5% quantile
     * @param upper their 97.5% quantile
     * @param defined virtual studies in which the summary was defined
     */
    public record Check(String name, double observed, double se, double modelMean, double lower, double upper,
            int defined) {
        /** Whether the observed value lies inside the model's 95% predictive interval. */
        public boolean inside() {
            return observed >= lower && observed <= upper;
        }
    }

    private final StudyData data;
    private final String label;
    private final List<String> names;
    private final double[] observed;
    private final double[] se;

    private DataEvidence(StudyData data, String label, List<String> names, double[] observed, double[] se) {
        this.data = data;
        this.label = label;
        this.names = names;
        this.observed = observed;
        this.se = se;
    }

    /**
     * Reads the study folder {@code dir} and computes its summaries.
     *
     * @throws ScenarioException for bad data (one located problem), or a summary the data do not allow
     * @throws IOException if a file cannot be read
     */
    public static DataEvidence read(Path dir) throws ScenarioException, IOException {
        StudyData data = StudyData.read(dir);
        List<String> names = DataSummaries.names(data);
        double[] o = DataSummaries.of(data.sample(), names);
        for (int k = 0; k < o.length; k++) {
            if (!Double.isFinite(o[k])) {
                throw new ScenarioException(List.of(new Problem(dir.resolve(StudyData.FAMILIES).toString(), 0, 0, "",
                        "the summary " + names.get(k) + " cannot be computed from these data (too few dropouts or"
                                + " completers, or no variation); allowed: data with dropouts and completers among"
                                + " the families rated")));
            }
        }
        return new DataEvidence(data, dir.toString(), names, o, bootstrapSe(data, names));
    }

    /** The study folder as given. */
    public String label() {
        return label;
    }

    /** The data. */
    public StudyData data() {
        return data;
    }

    /** The summaries' names, in order. */
    public List<String> names() {
        return names;
    }

    /** The observed summaries, in {@link #names} order. */
    public double[] observed() {
        return observed.clone();
    }

    /** Each summary's bootstrap standard error over families. */
    public double[] standardErrors() {
        return se.clone();
    }

    /**
     * The model as an ABC simulator of these data: parameters {@code theta} become {@code calibration}'s
     * scenario, whose virtual study of the data's design is drawn once from the simulation's seed and
     * summarised. A point the model refuses gives NaN (the particle is rejected).
     */
    public AbcSmc.Simulator simulator(Calibration calibration) {
        return (theta, seed) -> {
            try {
                return summaries(calibration.scenario(theta), seed, 0);
            } catch (ScenarioException e) {
                double[] out = new double[names.size()];
                Arrays.fill(out, Double.NaN);
                return out;
            }
        };
    }

    /** The summaries of replication {@code replication} of the virtual study of these data on {@code scenario}. */
    public double[] summaries(Scenario scenario, long seed, int replication) throws ScenarioException {
        VirtualStudy study = data.virtualStudy(scenario);
        ModelParameters model = study.model(study.design().families());
        return DataSummaries.of(study.draw(model, seed, replication, false), names);
    }

    /**
     * {@code spec} with its targets replaced by these summaries: each at its observed value, its range
     * the value +- 1.96 bootstrap standard errors, its sample size the data's families; the parameters,
     * priors and seed kept; one replication per simulation, of the data's size. The targets of a file
     * given with {@code --data} are not used.
     */
    public CalibrationSpec targets(CalibrationSpec spec) {
        List<CalibrationSpec.Target> t = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double half = Math.max(Double.isFinite(se[k]) ? 1.96 * se[k] : 0, 1e-9 * Math.max(1, Math.abs(observed[k])));
            t.add(new CalibrationSpec.Target(names.get(k), observed[k] - half, observed[k] + half, observed[k],
                    "study data " + label, Math.max(2, data.families())));
        }
        return new CalibrationSpec(spec.base(), t, spec.parameters(), List.of(), 1, data.design().families(),
                spec.seed(), spec.maxEvaluations());
    }

    /**
     * The data's summaries beside {@code replications} virtual studies of them on {@code scenario}
     * (replications 0 to n - 1 of {@code seed}).
     *
     * @throws Exception whatever a replication throws
     */
    public List<Check> check(Scenario scenario, long seed, int replications, int threads) throws Exception {
        List<double[]> sims = new ArrayList<>();
        if (threads <= 1) {
            for (int r = 0; r < replications; r++) {
                sims.add(summaries(scenario, seed, r));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
                Thread t = new Thread(task, "data-check");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<double[]>> futures = new ArrayList<>();
                for (int r = 0; r < replications; r++) {
                    int rep = r;
                    futures.add(pool.submit(() -> summaries(scenario, seed, rep)));
                }
                for (Future<double[]> f : futures) {
                    sims.add(f.get());
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        List<Check> out = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            int kk = k;
            double[] v = sims.stream().mapToDouble(s -> s[kk]).filter(Double::isFinite).sorted().toArray();
            double mean = Arrays.stream(v).average().orElse(Double.NaN);
            Quantile q = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);
            out.add(new Check(names.get(k), observed[k], se[k], mean, v.length == 0 ? Double.NaN : q.evaluate(v, 0.025),
                    v.length == 0 ? Double.NaN : q.evaluate(v, 0.975), v.length));
        }
        return out;
    }

    /** Each summary's sd over {@link #BOOTSTRAP} resamples of the started families (keyed by the study's seed). */
    private static double[] bootstrapSe(StudyData data, List<String> names) {
        List<StudyFamily> f = data.sample().families();
        RandomStreams streams = RandomStreams.of(data.spec().seed());
        double[] sum = new double[names.size()];
        double[] sumSq = new double[names.size()];
        int[] n = new int[names.size()];
        for (int b = 0; b < BOOTSTRAP; b++) {
            UniformRandomProvider rng = streams.stream(b, 0, RESAMPLE);
            List<StudyFamily> resample = new ArrayList<>(f.size());
            for (int i = 0; i < f.size(); i++) {
                resample.add(f.get(rng.nextInt(f.size())));
            }
            double[] s = DataSummaries.of(new VirtualStudy.Sample(resample, List.of()), names);
            for (int k = 0; k < s.length; k++) {
                if (Double.isFinite(s[k])) {
                    sum[k] += s[k];
                    sumSq[k] += s[k] * s[k];
                    n[k]++;
                }
            }
        }
        double[] se = new double[names.size()];
        for (int k = 0; k < se.length; k++) {
            se[k] = n[k] < 2 ? Double.NaN
                    : Math.sqrt(Math.max(0, (sumSq[k] - sum[k] * sum[k] / n[k]) / (n[k] - 1)));
        }
        return se;
    }
}
