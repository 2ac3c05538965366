package org.alliancesim.analysis.compete;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.validation.ValidationSet;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.ModelSelection;
import org.alliancesim.analysis.inference.Population;
import org.alliancesim.analysis.inference.PosteriorSummary;
import org.alliancesim.analysis.inference.Prior;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;

/**
 * The variants' posterior probabilities given the evidence (docs/hypotheses.md, "Model
 * probabilities"): one joint ABC-SMC model selection ({@link ModelSelection}, Toni and Stumpf 2010)
 * over every variant, each variant's prior its fitted ranges (and priors), repeated on K seeds for
 * the Monte Carlo error. Repeat 0 runs on the hypotheses' seed, repeat r > 0 on a seed drawn from the
 * stream keyed (seed, r); the reported probability is the mean over the repeats and its Monte Carlo
 * error the sd across them (the error of one run; the mean's is sd / sqrt K). The variants'
 * parameter posteriors are repeat 0's. Results do not depend on the thread count. Stateless.
 */
public final class ModelProbabilities {

    private static final long REPEAT = RandomStreams.purposeCode("model-selection repeat");
    private static final ParameterPath FAMILIES = Competition.path("run.families");

    private ModelProbabilities() {}

    /**
     * One variant's probability.
     *
     * @param name the variant
     * @param prior its prior probability
     * @param probability the mean over the repeats of its posterior probability
     * @param sd the sd across the repeats (NaN for one repeat)
     * @param repeats each repeat's probability, in repeat order
     * @param population its particles in repeat 0 (weights normalised within it), or null when it kept none
     * @param posterior their summary, or null
     */
    public record Variant(String name, double prior, double probability, double sd, double[] repeats,
            Population population, PosteriorSummary posterior) {
        public Variant {
            repeats = repeats.clone();
        }

        @Override
        public double[] repeats() {
            return repeats.clone();
        }
    }

    /**
     * What the selection found.
     *
     * @param variants one per variant, in the file's order
     * @param runs each repeat's run
     * @param simulations simulations of every repeat
     */
    public record Outcome(List<Variant> variants, List<ModelSelection.Result> runs, long simulations) {
        public Outcome {
            variants = List.copyOf(variants);
            runs = List.copyOf(runs);
        }

        /** The index of the variant with the highest probability (the first in file order among equals). */
        public int best() {
            int b = 0;
            for (int i = 1; i < variants.size(); i++) {
                if (variants.get(i).probability() > variants.get(b).probability()) {
                    b = i;
                }
            }
            return b;
        }
    }

    /**
     * Variant {@code v}'s posterior predictive distribution of the validation patterns (as
     * {@code validate --posterior}): its particles of repeat 0 ({@link Variant#population}) applied to its
     * scenario at their posterior median, on the validation seed; the Monte Carlo rows are that median
     * scenario's on {@code replications} replications, each of {@code draws} draws another
     * {@code replications} (PosteriorPredictive).
     *
     * @return null when the variant kept no particle
     */
    public static PosteriorPredictive.Patterns predictive(Competition c, Calibration calibration, Variant v, int draws,
            int replications, int threads) throws Exception {
        if (v.population() == null) {
            return null;
        }
        Population p = v.population();
        List<Posterior.Particle> particles = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            particles.add(new Posterior.Particle(0, i, p.weight(i), p.particle(i)));
        }
        List<String> paths = calibration.spec().parameters().stream().map(CalibrationSpec.Parameter::path).toList();
        Scenario median = calibration.scenario(v.posterior().medians()).withSeed(c.spec().validationSeed())
                .withReplications(replications).with(FAMILIES, c.spec().families());
        Posterior posterior = Posterior.of(median, paths, particles);
        List<ValidationSet.Row> rows = Competition.validationRows(median, c.validation(), threads, null);
        return PosteriorPredictive.validate(posterior, median, c.validation(), rows, draws, threads, null);
    }

    /** The seed of repeat {@code r}: {@code seed} itself for repeat 0. */
    public static long repeatSeed(long seed, int r) {
        return r == 0 ? seed : RandomStreams.of(seed).stream(r, 0, REPEAT).nextLong();
    }

    /**
     * Runs the selection.
     *
     * @param names the variants' names
     * @param calibrations each variant's calibration problem (its prior and what its simulator fits)
     * @param priors the variants' prior probabilities
     * @param evidence the observed summaries and the simulators' factory
     * @param settings the ABC settings of repeat 0 (its seed the base of the repeats')
     * @param repeats K, at least 1
     * @param listener told after each round, or null
     * @throws ScenarioException if a simulator cannot be built
     * @throws Exception what a simulator throws
     */
    public static Outcome run(List<String> names, List<Calibration> calibrations, double[] priors, Evidence evidence,
            AbcSmc.Settings settings, int repeats, ModelSelection.Listener listener) throws Exception {
        List<ModelSelection.Model> models = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Calibration c = calibrations.get(i);
            models.add(new ModelSelection.Model(names.get(i), Prior.of(c.spec()), evidence.simulators().of(c),
                    priors[i]));
        }
        List<ModelSelection.Result> runs = new ArrayList<>();
        long simulations = 0;
        for (int r = 0; r < repeats; r++) {
            AbcSmc.Settings s = new AbcSmc.Settings(settings.populationSize(), settings.alpha(),
                    settings.minAcceptanceRate(), settings.finalTolerance(), settings.maxSimulations(),
                    settings.maxGenerations(), settings.adaptiveDistance(), repeatSeed(settings.seed(), r),
                    settings.threads());
            ModelSelection.Result result = ModelSelection.of(models, evidence.observed(), s).run(listener);
            runs.add(result);
            simulations += result.simulations();
        }
        double[] normalised = ModelSelection.of(models, evidence.observed(), settings).priorProbabilities();
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] each = new double[repeats];
            double mean = 0;
            for (int r = 0; r < repeats; r++) {
                each[r] = runs.get(r).probabilities()[i];
                mean += each[r] / repeats;
            }
            double ss = 0;
            for (double x : each) {
                ss += (x - mean) * (x - mean);
            }
            double sd = repeats < 2 ? Double.NaN : Math.sqrt(ss / (repeats - 1));
            Population p = runs.get(0).populations().get(i);
            PosteriorSummary summary = p == null ? null : PosteriorSummary.of(p, calibrations.get(i).spec().parameters()
                    .stream().map(CalibrationSpec.Parameter::path).toList());
            out.add(new Variant(names.get(i), normalised[i], mean, sd, each, p, summary));
        }
        return new Outcome(out, runs, simulations);
    }
}
