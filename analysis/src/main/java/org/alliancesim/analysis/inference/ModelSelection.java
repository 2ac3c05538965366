package org.alliancesim.analysis.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * ABC-SMC model selection with the model index among the particles (Toni and Stumpf 2010,
 * Bioinformatics 26: 104-110): a particle is a pair (m, theta) of a model and its parameters, and
 * every model is judged on the same tolerance schedule and the same distance, so the share of the
 * final population's weight that model m holds estimates its posterior probability p(m | observed).
 *
 * <p>Generation 0 draws m from the prior model probabilities and theta from model m's prior, and
 * keeps every particle whose statistics are defined (weight 1). Generation t proposes a model from
 * the previous generation's model probabilities p_{t-1}, moved by the model kernel (kept with
 * probability {@link #STAY}, otherwise replaced by one of the other models still holding particles,
 * uniformly), so the model proposal is q_t(m) = STAY p_{t-1}(m) + (1 - STAY) (1 - p_{t-1}(m)) / (L - 1)
 * among the L living models (1 when L = 1); then a parent among model m's particles by weight,
 * moved by model m's {@link Kernel} (fitted to model m's particles; moves leaving the prior's
 * support redraw the whole proposal, the model included); a model with a single particle proposes
 * from its prior instead. An accepted particle's weight is
 *
 * <pre>
 *   w = pi(m) pi_m(theta) / ( q_t(m) sum_j w_j^(m) K_m(theta | theta_j) )
 * </pre>
 *
 * with w^(m) the previous weights of model m normalised within it and K_m the kernel's normalised
 * density (its constant differs between models, so it cannot be dropped as within one model). The
 * weights are then normalised over all particles of all models. Tolerance, distance scales
 * (Prangle 2017), stopping rules and the simulation budget are {@link AbcSmc}'s, computed over
 * every model's simulations together. A model that loses every particle is dead from then on (its
 * probability 0).
 *
 * <p>Randomness: attempt a of slot i in generation t draws everything (model, parent, move, the
 * simulation's seed) from the stream keyed (seed, t, i, a); attempts run in rounds, in parallel, and
 * the result is identical for any number of threads.
 */
public final class ModelSelection {

    /** The model kernel's probability of keeping the proposed model's index. */
    public static final double STAY = 0.7;

    /**
     * A competing model.
     *
     * @param name its name
     * @param prior the prior of its parameters
     * @param simulator its simulated statistics (the same statistics for every model)
     * @param priorProbability its prior probability, > 0 (the models' are normalised to sum to 1)
     */
    public record Model(String name, Prior prior, AbcSmc.Simulator simulator, double priorProbability) {
        public Model {
            if (prior == null || simulator == null) {
                throw new IllegalArgumentException("model " + name + ": a prior and a simulator are needed");
            }
            if (!(priorProbability > 0 && Double.isFinite(priorProbability))) {
                throw new IllegalArgumentException("model " + name + ": prior probability must be > 0, was "
                        + priorProbability);
            }
        }
    }

    /**
     * One finished generation.
     *
     * @param index 0 for the prior generation
     * @param tolerance its tolerance (infinite for generation 0)
     * @param acceptanceRate population / simulations of the generation
     * @param simulations simulations of the generation
     * @param probabilities each model's share of the population's weight, in model order
     * @param particles each model's particles
     * @param wallSeconds wall-clock time (the only figure that varies between runs)
     */
    public record Generation(int index, double tolerance, double acceptanceRate, long simulations,
            double[] probabilities, int[] particles, double wallSeconds) {}

    /**
     * A finished run.
     *
     * @param generations every generation kept
     * @param probabilities the last generation's model probabilities, in model order
     * @param populations per model, its particles of the last generation with their weights normalised
     *     within the model (its posterior p(theta | m, observed)), or null when it holds none
     * @param simulations simulations run (an abandoned generation's included)
     * @param stopReason why the run stopped
     */
    public record Result(List<Generation> generations, double[] probabilities, List<Population> populations,
            long simulations, String stopReason) {
        public Result {
            generations = List.copyOf(generations);
            populations = java.util.Collections.unmodifiableList(new ArrayList<>(populations));
        }
    }

    /** Told after each round of attempts, on the calling thread. */
    @FunctionalInterface
    public interface Listener {
        void round(int generation, int accepted, int populationSize, long simulations);
    }

    /**
     * What the weights get wrong. Package-private: {@link #NONE} is the algorithm; tests plant the
     * others to show the checks catch them.
     */
    enum Flaw {
        /** Toni and Stumpf's weights. */
        NONE,
        /** The model proposal q_t(m) left out of the weight. */
        NO_MODEL_PROPOSAL,
        /** The kernel's density without its normalising constant. */
        UNNORMALISED_KERNEL,
        /** Weights normalised within each model to its share of the particles, not across models. */
        WITHIN_MODEL
    }

    private final List<Model> models;
    private final double[] priorProbabilities;
    private final double[] priorCumulative;
    private final double[] observed;
    private final AbcSmc.Settings settings;
    private final Flaw flaw;
    private final RandomStreams streams;

    private ModelSelection(List<Model> models, double[] observed, AbcSmc.Settings settings, Flaw flaw) {
        this.models = List.copyOf(models);
        this.observed = observed.clone();
        this.settings = settings;
        this.flaw = flaw;
        this.streams = RandomStreams.of(settings.seed());
        double total = 0;
        for (Model m : models) {
            total += m.priorProbability();
        }
        priorProbabilities = new double[models.size()];
        for (int m = 0; m < priorProbabilities.length; m++) {
            priorProbabilities[m] = models.get(m).priorProbability() / total;
        }
        priorCumulative = AbcSmc.cumulative(priorProbabilities);
    }

    /**
     * A model-selection run of {@code models} against {@code observed}.
     *
     * @throws IllegalArgumentException for fewer than 2 models, no observed statistics, or a population
     *     below 2 x the largest model's dimension
     */
    public static ModelSelection of(List<Model> models, double[] observed, AbcSmc.Settings settings) {
        return of(models, observed, settings, Flaw.NONE);
    }

    static ModelSelection of(List<Model> models, double[] observed, AbcSmc.Settings settings, Flaw flaw) {
        if (models.size() < 2) {
            throw new IllegalArgumentException("model selection needs at least 2 models, had " + models.size());
        }
        if (observed.length == 0) {
            throw new IllegalArgumentException("no observed statistics");
        }
        int d = models.stream().mapToInt(m -> m.prior().dimension()).max().orElse(0);
        if (settings.populationSize() < 2 * d) {
            throw new IllegalArgumentException("population must be at least 2 x the " + d + " parameters = " + 2 * d
                    + ", was " + settings.populationSize());
        }
        return new ModelSelection(models, observed, settings, flaw);
    }

    /** The models' prior probabilities, normalised to sum to 1, in model order. */
    public double[] priorProbabilities() {
        return priorProbabilities.clone();
    }

    /** One accepted or tried particle: model, parameters and statistics (theta null: no move stayed inside the support). */
    private record Attempt(int model, double[] theta, double[] stats) {}

    /** A generation's particles, in slot order. */
    private record Particles(int[] model, double[][] theta, double[] weights, double[] distances) {}

    /** What a generation is proposed from: the previous particles per model, their kernels and q_t. */
    private record Plan(int t, double tolerance, double[] scales, Particles previous, double[] probabilities,
            double[] modelProposal, int[][] members, double[][] cumulative, Kernel[] kernels, int[] living,
            double[] livingCumulative) {}

    /**
     * Runs the whole selection.
     *
     * @param listener told after each round, or null
     * @throws Exception what a simulator throws
     */
    public Result run(Listener listener) throws Exception {
        ExecutorService pool = settings.threads() == 1 ? null : Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread th = new Thread(r, "model-selection");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Generation> gens = new ArrayList<>();
            Plan plan = new Plan(0, Double.POSITIVE_INFINITY, null, null, null, null, null, null, null, null, null);
            long total = 0;
            Particles last = null;
            double[] lastScales = null;
            double nextTolerance;
            String stop = null;
            while (true) {
                long started = System.nanoTime();
                long allowance = settings.maxSimulations() - total;
                int n = settings.populationSize();
                Attempt[] accepted = new Attempt[n];
                List<double[]> simulated = new ArrayList<>();
                int[] pending = new int[n];
                for (int i = 0; i < n; i++) {
                    pending[i] = i;
                }
                int pendingCount = n;
                long spent = 0;
                for (int round = 0; pendingCount > 0; round++) {
                    int[] current = Arrays.copyOf(pending, pendingCount);
                    Attempt[] tried = attempts(pool, plan, current, round);
                    pendingCount = 0;
                    boolean anySimulated = false;
                    for (int k = 0; k < current.length; k++) {
                        Attempt at = tried[k];
                        if (at.theta() == null) {
                            pending[pendingCount++] = current[k];
                            continue;
                        }
                        anySimulated = true;
                        spent++;
                        boolean defined = AbcSmc.allFinite(at.stats());
                        if (defined) {
                            simulated.add(at.stats());
                        }
                        if (defined && (plan.scales() == null
                                || distance(at.stats(), plan.scales()) <= plan.tolerance())) {
                            accepted[current[k]] = at;
                        } else {
                            pending[pendingCount++] = current[k];
                        }
                    }
                    if (!anySimulated) {
                        throw new IllegalStateException("generation " + plan.t() + ": no move of 1000 tried per particle"
                                + " stays inside the prior's support");
                    }
                    if (listener != null) {
                        listener.round(plan.t(), n - pendingCount, n, total + spent);
                    }
                    if (spent > allowance || (pendingCount > 0 && spent >= allowance)) {
                        break;
                    }
                }
                if (pendingCount > 0) {
                    if (last == null) {
                        throw new IllegalStateException("the simulation budget (" + settings.maxSimulations()
                                + ") ran out before generation 0 had " + n + " particles with defined statistics");
                    }
                    total += spent;
                    stop = "simulation budget: generation " + plan.t() + " abandoned after " + spent + " simulations, "
                            + (n - pendingCount) + " of " + n + " accepted";
                    break;
                }
                total += spent;
                double[] scales = plan.scales() == null || settings.adaptiveDistance()
                        ? AbcSmc.scales(simulated) : plan.scales();
                Particles p = particles(plan, accepted, scales);
                double[] probabilities = probabilities(p);
                int[] counts = new int[models.size()];
                for (int m : p.model()) {
                    counts[m]++;
                }
                double rate = (double) n / spent;
                gens.add(new Generation(plan.t(), plan.tolerance(), rate, spent, probabilities, counts,
                        (System.nanoTime() - started) / 1e9));
                last = p;
                lastScales = scales;
                nextTolerance = Population.weightedQuantile(p.distances(), p.weights(), settings.alpha());
                int t = plan.t();
                if (t > 0 && rate < settings.minAcceptanceRate()) {
                    stop = "acceptance rate " + rate + " below the minimum " + settings.minAcceptanceRate();
                } else if (t > 0 && plan.tolerance() <= settings.finalTolerance()) {
                    stop = "tolerance " + plan.tolerance() + " reached the final tolerance " + settings.finalTolerance();
                } else if (total >= settings.maxSimulations()) {
                    stop = "simulation budget " + settings.maxSimulations() + " spent";
                } else if (t + 1 >= settings.maxGenerations()) {
                    stop = "generations: " + settings.maxGenerations() + " run";
                }
                if (stop != null) {
                    break;
                }
                plan = plan(t + 1, nextTolerance, lastScales, p, probabilities);
            }
            return result(gens, last, total, stop);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private Result result(List<Generation> gens, Particles p, long total, String stop) {
        double[] probabilities = probabilities(p);
        List<Population> populations = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            List<double[]> th = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            List<Double> d = new ArrayList<>();
            for (int i = 0; i < p.model().length; i++) {
                if (p.model()[i] == m) {
                    th.add(p.theta()[i]);
                    w.add(p.weights()[i]);
                    d.add(p.distances()[i]);
                }
            }
            double sum = w.stream().mapToDouble(Double::doubleValue).sum();
            if (th.isEmpty() || !(sum > 0)) {
                populations.add(null);
                continue;
            }
            if (th.size() == 1) {
                // A population needs two particles: the single one twice, each with half its weight.
                th.add(th.get(0));
                w.add(w.get(0));
                d.add(d.get(0));
            }
            populations.add(Population.of(th.toArray(double[][]::new), w.stream().mapToDouble(Double::doubleValue)
                    .toArray(), d.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new Result(gens, probabilities, populations, total, stop);
    }

    /** Each model's share of the weight. */
    private double[] probabilities(Particles p) {
        double[] out = new double[models.size()];
        for (int i = 0; i < p.model().length; i++) {
            out[p.model()[i]] += p.weights()[i];
        }
        return out;
    }

    /** The plan of generation {@code t} from the population {@code p}. */
    private Plan plan(int t, double tolerance, double[] scales, Particles p, double[] probabilities) {
        int k = models.size();
        int[][] members = new int[k][];
        double[][] cumulative = new double[k][];
        Kernel[] kernels = new Kernel[k];
        int living = 0;
        for (int m = 0; m < k; m++) {
            int mm = m;
            members[m] = java.util.stream.IntStream.range(0, p.model().length).filter(i -> p.model()[i] == mm).toArray();
            if (members[m].length == 0) {
                continue;
            }
            living++;
            double[] w = new double[members[m].length];
            double[][] th = new double[w.length][];
            for (int j = 0; j < w.length; j++) {
                w[j] = p.weights()[members[m][j]];
                th[j] = p.theta()[members[m][j]];
            }
            cumulative[m] = AbcSmc.cumulative(w);
            if (w.length >= 2) {
                kernels[m] = Kernel.fittedTo(Population.of(th, w, new double[w.length]));
            }
        }
        double[] q = new double[k];
        int[] alive = new int[living];
        int a = 0;
        for (int m = 0; m < k; m++) {
            if (members[m].length > 0) {
                alive[a++] = m;
                q[m] = living == 1 ? 1 : STAY * probabilities[m] + (1 - STAY) * (1 - probabilities[m]) / (living - 1);
            }
        }
        double[] livingProbabilities = new double[living];
        for (int j = 0; j < living; j++) {
            livingProbabilities[j] = probabilities[alive[j]];
        }
        return new Plan(t, tolerance, scales, p, probabilities, q, members, cumulative, kernels, alive,
                AbcSmc.cumulative(livingProbabilities));
    }

    /** Attempt {@code round} of each slot of {@code slots}, in parallel when there is a pool. */
    private Attempt[] attempts(ExecutorService pool, Plan plan, int[] slots, int round) throws Exception {
        Attempt[] out = new Attempt[slots.length];
        if (pool == null || slots.length == 1) {
            for (int k = 0; k < slots.length; k++) {
                out[k] = attempt(plan, slots[k], round);
            }
            return out;
        }
        List<Future<Attempt>> futures = new ArrayList<>(slots.length);
        for (int slot : slots) {
            futures.add(pool.submit(() -> attempt(plan, slot, round)));
        }
        for (int k = 0; k < slots.length; k++) {
            try {
                out[k] = futures.get(k).get();
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
        return out;
    }

    /** Attempt {@code a} of slot {@code i}: every draw from the stream (seed, t, i, a). */
    private Attempt attempt(Plan plan, int i, int a) throws Exception {
        UniformRandomProvider rng = streams.stream(plan.t(), i, a);
        int m;
        double[] theta = null;
        if (plan.previous() == null) {
            m = AbcSmc.pick(priorCumulative, rng.nextDouble());
            theta = models.get(m).prior().sample(rng);
        } else {
            // A move leaving the prior's support redraws the whole proposal, model included: the accepted
            // proposals then have the density q_t(m) sum_j w_j K_m restricted to the support over one
            // constant common to every model, which the normalisation removes. Redrawing only the move
            // within the chosen model would leave a constant per model (the kernel's mass inside that
            // model's support) and bias the model probabilities towards models with tight supports.
            m = -1;
            for (int tries = 0; tries < 1000 && theta == null; tries++) {
                m = plan.living()[AbcSmc.pick(plan.livingCumulative(), rng.nextDouble())];
                if (plan.living().length > 1 && rng.nextDouble() >= STAY) {
                    int other = rng.nextInt(plan.living().length - 1);
                    int at = Arrays.binarySearch(plan.living(), m);
                    m = plan.living()[other >= at ? other + 1 : other];
                }
                Prior prior = models.get(m).prior();
                if (plan.kernels()[m] == null) {
                    theta = prior.sample(rng);
                } else {
                    int parent = plan.members()[m][AbcSmc.pick(plan.cumulative()[m], rng.nextDouble())];
                    double[] moved = plan.kernels()[m].perturb(plan.previous().theta()[parent], rng);
                    if (prior.density(moved) > 0) {
                        theta = moved;
                    }
                }
            }
            if (theta == null) {
                return new Attempt(m, null, null);
            }
        }
        long seed = rng.nextLong();
        double[] stats = models.get(m).simulator().simulate(theta, seed);
        if (stats.length != observed.length) {
            throw new IllegalStateException("model " + models.get(m).name() + " gave " + stats.length
                    + " statistics, " + observed.length + " observed");
        }
        return new Attempt(m, theta, stats);
    }

    /** The accepted attempts as a weighted population, distances under {@code scales}. */
    private Particles particles(Plan plan, Attempt[] accepted, double[] scales) {
        int n = accepted.length;
        int[] model = new int[n];
        double[][] theta = new double[n][];
        double[] weights = new double[n];
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            model[i] = accepted[i].model();
            theta[i] = accepted[i].theta();
            weights[i] = plan.previous() == null ? 1 : weight(plan, model[i], theta[i]);
            distances[i] = distance(accepted[i].stats(), scales);
        }
        if (flaw == Flaw.WITHIN_MODEL) {
            double[] sums = new double[models.size()];
            int[] counts = new int[models.size()];
            for (int i = 0; i < n; i++) {
                sums[model[i]] += weights[i];
                counts[model[i]]++;
            }
            for (int i = 0; i < n; i++) {
                weights[i] = weights[i] / sums[model[i]] * counts[model[i]];
            }
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= sum;
        }
        return new Particles(model, theta, weights, distances);
    }

    /** pi(m) pi_m(theta) / (q_t(m) sum_j w_j^(m) K_m(theta | theta_j)). */
    private double weight(Plan plan, int m, double[] theta) {
        Prior prior = models.get(m).prior();
        double q = flaw == Flaw.NO_MODEL_PROPOSAL ? 1 : plan.modelProposal()[m];
        Kernel kernel = plan.kernels()[m];
        if (kernel == null) {
            return priorProbabilities[m] / q; // proposed from the prior: its density cancels
        }
        int[] members = plan.members()[m];
        double within = plan.probabilities()[m];
        double s = 0;
        for (int j : members) {
            double[] from = plan.previous().theta()[j];
            double k = flaw == Flaw.UNNORMALISED_KERNEL ? kernel.density(from, theta)
                    : kernel.normalisedDensity(from, theta);
            s += plan.previous().weights()[j] / within * k;
        }
        return priorProbabilities[m] * prior.density(theta) / (q * s);
    }

    /** The weighted distance sqrt(sum ((s - o) / scale)^2), as {@link AbcSmc}'s. */
    private double distance(double[] stats, double[] scales) {
        double d = 0;
        for (int k = 0; k < stats.length; k++) {
            double z = (stats[k] - observed[k]) / scales[k];
            d += z * z;
        }
        return Math.sqrt(d);
    }
}
