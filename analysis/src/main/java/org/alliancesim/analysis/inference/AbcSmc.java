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
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni, Welch, Strelkowa,
 * Ipsen and Stumpf 2009; Beaumont, Cornuet, Marin and Robert 2009), with an adaptive tolerance
 * schedule (Del Moral, Doucet and Jasra 2012) and adaptive distance weights (Prangle 2017).
 *
 * <p>Generation 0 draws N particles from the prior and keeps every one whose simulated statistics
 * are defined. Generation t draws a parent from generation t-1 by weight, moves it with a
 * {@link Kernel} fitted to generation t-1, simulates, and accepts when the distance to the
 * observed statistics is at most the tolerance eps_t; an accepted particle's weight is
 * prior(theta) / sum_j w_j K(theta | theta_j) ({@link Weighting#IMPORTANCE}). Distance:
 * sqrt(sum_k ((s_k - o_k) / scale_k)^2). Scales (Prangle 2017): after each generation, each
 * statistic's median absolute deviation over every simulation of that generation (accepted or not);
 * the population's distances are recomputed under them, and eps_{t+1} is their weighted
 * {@code alpha}-quantile. Stops after a generation whose acceptance rate is below the minimum, whose
 * tolerance reached the final tolerance, when the simulation budget is spent (a generation that
 * would overrun it is abandoned and its predecessor is the result), or after the most generations.
 *
 * <p>Randomness: attempt a of particle slot i in generation t draws everything (parent, move or
 * prior draw, the simulation's seed) from the stream keyed (seed, t, i, a) ({@link RandomStreams}).
 * Attempts run in rounds: round a runs attempt a of every slot not yet accepted, in parallel; the
 * outcome of each attempt depends on its key only, so the populations, the counts and every output
 * are identical for any number of threads, and the budget check after each round is exact.
 *
 * <p>The same round loop serves a run split across processes ({@code slurm --abc}):
 * {@link #simulateSlots} runs the attempts of some slots of a generation (an array task's share),
 * and {@link #generationFrom} replays the attempts of every slot through the loop, redrawing each
 * proposal from its key, so the generation it returns is the one {@link #run} makes.
 *
 * <p>Common random numbers are not used: the likelihood-free posterior integrates over the
 * simulator's noise, so each simulation gets its own seed (docs/calibration.md).
 */
public final class AbcSmc {

    /** The model: simulated statistics (NaN where undefined) of parameters {@code theta} on {@code seed}. */
    @FunctionalInterface
    public interface Simulator {
        double[] simulate(double[] theta, long seed) throws Exception;
    }

    /** Told how a run goes, on the calling thread. */
    public interface Listener {
        /** After each round of attempts of a generation. */
        default void round(int generation, int accepted, int populationSize, long simulations) {}

        /** After each generation, with the state a run can resume from. */
        default void generation(State state) throws Exception {}
    }

    /**
     * How an accepted particle is weighted. Package-private: the one right way is
     * {@link #IMPORTANCE}; tests plant broken ones to show the checks catch them.
     */
    interface Weighting {
        /** prior(theta) / sum_j w_j K(theta | theta_j) (Toni et al. 2009, Beaumont et al. 2009). */
        Weighting IMPORTANCE = (theta, prior, previous, kernel) -> {
            double s = 0;
            for (int j = 0; j < previous.size(); j++) {
                s += previous.weight(j) * kernel.density(previous.particle(j), theta);
            }
            return prior.density(theta) / s;
        };

        double weight(double[] theta, Prior prior, Population previous, Kernel kernel);
    }

    /**
     * The algorithm's settings.
     *
     * @param populationSize particles N, at least 2 x the number of parameters and at least 4
     * @param alpha quantile of the previous population's distances that is the next tolerance, in (0, 1)
     * @param minAcceptanceRate stop after a generation accepting fewer of its simulations, in [0, 1)
     * @param finalTolerance stop after a generation whose tolerance is at most this, >= 0 (0: only an exact match)
     * @param maxSimulations simulation budget, at least the population size
     * @param maxGenerations most generations, counting generation 0, at least 1
     * @param adaptiveDistance whether the scales are recomputed every generation (Prangle 2017) or
     *     fixed at generation 0's
     * @param seed master seed of every stream
     * @param threads worker threads, at least 1; results do not depend on it
     */
    public record Settings(int populationSize, double alpha, double minAcceptanceRate, double finalTolerance,
            long maxSimulations, int maxGenerations, boolean adaptiveDistance, long seed, int threads) {
        /** Validates the ranges. */
        public Settings {
            if (populationSize < 4) {
                throw new IllegalArgumentException("population must be at least 4, was " + populationSize);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
            }
            if (!(minAcceptanceRate >= 0 && minAcceptanceRate < 1)) {
                throw new IllegalArgumentException("minimum acceptance rate must be in [0, 1), was " + minAcceptanceRate);
            }
            if (!(finalTolerance >= 0)) {
                throw new IllegalArgumentException("final tolerance must be >= 0, was " + finalTolerance);
            }
            if (maxSimulations < populationSize) {
                throw new IllegalArgumentException("the simulation budget (" + maxSimulations
                        + ") must be at least the population (" + populationSize + ")");
            }
            if (maxGenerations < 1) {
                throw new IllegalArgumentException("generations must be at least 1, was " + maxGenerations);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
        }

        /** Defaults: alpha 0.5, minimum acceptance 0.02, no final tolerance, adaptive distance, 50 generations. */
        public static Settings of(int populationSize, long maxSimulations, long seed, int threads) {
            return new Settings(populationSize, 0.5, 0.02, 0, maxSimulations, 50, true, seed, threads);
        }

        public Settings withMinAcceptanceRate(double rate) {
            return new Settings(populationSize, alpha, rate, finalTolerance, maxSimulations, maxGenerations,
                    adaptiveDistance, seed, threads);
        }

        public Settings withFinalTolerance(double tolerance) {
            return new Settings(populationSize, alpha, minAcceptanceRate, tolerance, maxSimulations, maxGenerations,
                    adaptiveDistance, seed, threads);
        }

        public Settings withMaxGenerations(int generations) {
            return new Settings(populationSize, alpha, minAcceptanceRate, finalTolerance, maxSimulations, generations,
                    adaptiveDistance, seed, threads);
        }

        public Settings withAdaptiveDistance(boolean adaptive) {
            return new Settings(populationSize, alpha, minAcceptanceRate, finalTolerance, maxSimulations,
                    maxGenerations, adaptive, seed, threads);
        }

        public Settings withThreads(int n) {
            return new Settings(populationSize, alpha, minAcceptanceRate, finalTolerance, maxSimulations,
                    maxGenerations, adaptiveDistance, seed, n);
        }
    }

    /**
     * One finished generation.
     *
     * @param index 0 for the prior generation
     * @param tolerance eps of this generation, in its distance's units (infinite for generation 0)
     * @param acceptanceRate population size / simulations of this generation
     * @param ess the population's effective sample size
     * @param simulations simulations run in this generation
     * @param wallSeconds wall-clock time of this generation (the only figure that varies between runs)
     * @param scales the distance scales this generation's simulations gave (used by the next one)
     */
    public record Generation(int index, double tolerance, double acceptanceRate, double ess, long simulations,
            double wallSeconds, double[] scales) {}

    /**
     * Where a run stands after a generation: enough to continue it exactly.
     *
     * @param generations the generations so far
     * @param population the last generation's population
     * @param nextTolerance the next generation's tolerance
     * @param simulations simulations so far (an abandoned generation's included)
     * @param stopReason why the run stopped, or null while it goes on
     */
    public record State(List<Generation> generations, Population population, double nextTolerance, long simulations,
            String stopReason) {
        public State {
            generations = List.copyOf(generations);
        }

        /** The distance scales of the last generation (those the next one uses). */
        public double[] scales() {
            return generations.get(generations.size() - 1).scales().clone();
        }
    }

    private final Prior prior;
    private final double[] observed;
    private final Simulator simulator;
    private final Settings settings;
    private final Weighting weighting;
    private final RandomStreams streams;

    private AbcSmc(Prior prior, double[] observed, Simulator simulator, Settings settings, Weighting weighting) {
        this.prior = prior;
        this.observed = observed.clone();
        this.simulator = simulator;
        this.settings = settings;
        this.weighting = weighting;
        this.streams = RandomStreams.of(settings.seed());
    }

    /**
     * An ABC-SMC run of {@code simulator} against {@code observed}.
     *
     * @throws IllegalArgumentException if the population is below 2 x the prior's dimension
     */
    public static AbcSmc of(Prior prior, double[] observed, Simulator simulator, Settings settings) {
        return of(prior, observed, simulator, settings, Weighting.IMPORTANCE);
    }

    static AbcSmc of(Prior prior, double[] observed, Simulator simulator, Settings settings, Weighting weighting) {
        if (settings.populationSize() < 2 * prior.dimension()) {
            throw new IllegalArgumentException("population must be at least 2 x the " + prior.dimension()
                    + " parameters = " + 2 * prior.dimension() + ", was " + settings.populationSize());
        }
        if (observed.length == 0) {
            throw new IllegalArgumentException("no observed statistics");
        }
        return new AbcSmc(prior, observed, simulator, settings, weighting);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Runs from the start, or on from {@code resume} (a state this run's {@link Listener#generation}
     * was given, by a run with the same prior, data, simulator and settings but the thread count):
     * the result is then identical to an uninterrupted run's.
     *
     * @param resume where to continue from, or null
     * @param listener told after each round and each generation
     * @return the last state, whose stop reason is set
     * @throws Exception what the simulator or the listener throws
     */
    public State run(State resume, Listener listener) throws Exception {
        ExecutorService pool = pool();
        try {
            State s = resume;
            if (s == null) {
                s = generation(null, pool, listener);
                listener.generation(s);
            }
            while (s.stopReason() == null) {
                s = generation(s, pool, listener);
                listener.generation(s);
            }
            return s;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * What attempt {@code attempt} of particle slot {@code slot} produced: the proposed parameters
     * and their simulated statistics, or both null when no move of the parent stayed inside the
     * prior's support (then no simulation ran).
     */
    public record Attempt(int slot, int attempt, double[] theta, double[] stats) {
        /** Whether a simulation ran. */
        public boolean simulated() {
            return stats != null;
        }
    }

    /** What a generation needs, fixed before its first simulation: its tolerance, scales, parents and kernel. */
    private record Plan(int t, double tolerance, double[] scales, Population parents, Kernel kernel,
            double[] cumulative, long spentBefore, long allowance) {}

    private Plan plan(State previous) {
        Population parents = previous == null ? null : previous.population();
        long spentBefore = previous == null ? 0 : previous.simulations();
        return new Plan(previous == null ? 0 : previous.generations().size(),
                previous == null ? Double.POSITIVE_INFINITY : previous.nextTolerance(),
                previous == null ? null : previous.scales(), parents,
                parents == null ? null : Kernel.fittedTo(parents), parents == null ? null : cumulative(parents.weights()),
                spentBefore, settings.maxSimulations() - spentBefore);
    }

    /** The attempts of a round: attempt {@code round} of each of {@code slots}. */
    @FunctionalInterface
    private interface Source {
        Attempt[] run(int[] slots, int round) throws Exception;
    }

    /**
     * A generation's rounds: which slots accepted which attempt, every defined simulation in round
     * order (slots ascending within a round), the simulations run, and the slots still pending
     * (more than 0: the budget ran out).
     */
    private record Rounds(Attempt[] accepted, List<double[]> simulated, long spent, int pending) {}

    /**
     * Runs rounds over {@code slots} until each accepted an attempt or the budget check stops them.
     * The round loop shared by a local run, an array task ({@link #simulateSlots}: {@code strict}
     * false, its own slots' simulations counted against the whole allowance) and the replay of the
     * tasks' attempts ({@link #generationFrom}).
     *
     * @param strict whether a round in which no slot could move is an error (a whole generation's
     *     round) or ends nothing (a task's share of one; at most {@code allowance} rounds are run,
     *     the most a whole generation can run)
     */
    private Rounds rounds(Plan plan, int[] slots, Source source, boolean strict, Listener listener) throws Exception {
        int n = settings.populationSize();
        Attempt[] accepted = new Attempt[n];
        List<double[]> simulated = new ArrayList<>();
        int[] pending = slots.clone();
        int pendingCount = pending.length;
        long spent = 0;
        for (int round = 0; pendingCount > 0; round++) {
            if (!strict && round >= plan.allowance()) {
                break;
            }
            int[] current = Arrays.copyOf(pending, pendingCount);
            Attempt[] tried = source.run(current, round);
            pendingCount = 0;
            boolean anySimulated = false;
            for (int k = 0; k < current.length; k++) {
                Attempt at = tried[k];
                if (!at.simulated()) {
                    pending[pendingCount++] = current[k];
                    continue;
                }
                anySimulated = true;
                spent++;
                boolean defined = allFinite(at.stats());
                if (defined) {
                    simulated.add(at.stats());
                }
                if (defined && (plan.scales() == null || distance(at.stats(), plan.scales()) <= plan.tolerance())) {
                    accepted[current[k]] = at;
                } else {
                    pending[pendingCount++] = current[k];
                }
            }
            if (strict && !anySimulated) {
                throw new IllegalStateException("generation " + plan.t() + ": no move of 1000 tried per particle stays"
                        + " inside the prior's support");
            }
            listener.round(plan.t(), slots.length - pendingCount, slots.length, plan.spentBefore() + spent);
            // (With no slot pending the loop ends anyway, so only a pending round can overrun the allowance.)
            if (pendingCount > 0 && spent >= plan.allowance()) {
                break;
            }
        }
        return new Rounds(accepted, simulated, spent, pendingCount);
    }

    /** Runs generation 0 ({@code previous} null) or the one after {@code previous}. */
    private State generation(State previous, ExecutorService pool, Listener listener) throws Exception {
        long started = System.nanoTime();
        Plan plan = plan(previous);
        Rounds r = rounds(plan, allSlots(), (slots, a) -> runAll(pool, slots.length,
                k -> attempt(plan, slots[k], a)), true, listener);
        return finish(previous, plan, r, (System.nanoTime() - started) / 1e9);
    }

    private int[] allSlots() {
        int[] all = new int[settings.populationSize()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * The attempts an array task runs for {@code slots} of the generation after {@code previous}
     * (generation 0 when null), on this run's threads: per slot, every attempt from 0 until one is
     * accepted, or until the task's own simulations alone exhaust the budget (then the whole
     * generation is abandoned in that round or before, so no later attempt can be needed). Each
     * attempt depends on its key (seed, generation, slot, attempt) only, so any split of the slots
     * gives the attempts a local run makes; {@link #generationFrom} replays them.
     *
     * @param slots particle slots, ascending, each in [0, population)
     * @return per slot (in {@code slots}' order), its attempts in order
     */
    public List<List<Attempt>> simulateSlots(State previous, int[] slots) throws Exception {
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] < 0 || slots[k] >= settings.populationSize() || (k > 0 && slots[k] <= slots[k - 1])) {
                throw new IllegalArgumentException("slots must ascend within [0, " + settings.populationSize() + ")");
            }
        }
        Plan plan = plan(previous);
        List<List<Attempt>> out = new ArrayList<>();
        int[] index = new int[settings.populationSize()];
        for (int k = 0; k < slots.length; k++) {
            out.add(new ArrayList<>());
            index[slots[k]] = k;
        }
        ExecutorService pool = pool();
        try {
            rounds(plan, slots, (current, a) -> {
                Attempt[] tried = runAll(pool, current.length, k -> attempt(plan, current[k], a));
                for (Attempt at : tried) {
                    out.get(index[at.slot()]).add(at);
                }
                return tried;
            }, false, new Listener() {});
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return out;
    }

    /** An attempt that is not the one its key gives (damaged or not of this generation). */
    public static final class ForeignAttempt extends Exception {
        private static final long serialVersionUID = 1L;
        private final int slot;
        private final int attempt;

        ForeignAttempt(int slot, int attempt, String problem) {
            super(problem);
            this.slot = slot;
            this.attempt = attempt;
        }

        /** The slot at fault. */
        public int slot() {
            return slot;
        }

        /** The attempt at fault, or -1 for the slot as a whole. */
        public int attempt() {
            return attempt;
        }
    }

    /**
     * The generation after {@code previous} (generation 0 when null) from attempts simulated
     * elsewhere ({@link #simulateSlots}), by the round loop of a local run: the same accepted
     * particles, scales, weights, tolerance, counts and stop reason as {@link #run} gives, so the
     * same state, the wall time aside. Every attempt's parameters are drawn again from its key and
     * must equal the given ones bit for bit; the simulations are taken as given.
     *
     * @param attempts per slot 0..N-1, its attempts in order
     * @param wallSeconds the generation's wall time, recorded as given
     * @throws ForeignAttempt if a slot lacks an attempt the generation needs, holds one after its
     *     accepted one, or an attempt's parameters are not its key's
     */
    public State generationFrom(State previous, List<List<Attempt>> attempts, double wallSeconds) throws Exception {
        int n = settings.populationSize();
        if (attempts.size() != n) {
            throw new IllegalArgumentException("attempts of " + attempts.size() + " slots, population " + n);
        }
        Plan plan = plan(previous);
        int[] used = new int[n];
        Rounds r = rounds(plan, allSlots(), (slots, a) -> {
            Attempt[] out = new Attempt[slots.length];
            for (int k = 0; k < slots.length; k++) {
                int i = slots[k];
                List<Attempt> list = attempts.get(i);
                if (a >= list.size()) {
                    throw new ForeignAttempt(i, -1, "slot " + i + " stops after " + list.size() + " attempts, but the"
                            + " generation needs attempt " + a + " (not accepted)");
                }
                Attempt at = list.get(a);
                Proposal p = propose(plan, i, a);
                if (at.slot() != i || at.attempt() != a || !Arrays.equals(p.theta(), at.theta())
                        || (at.theta() == null) != (at.stats() == null)
                        || (at.stats() != null && at.stats().length != observed.length)) {
                    throw new ForeignAttempt(i, a, "attempt " + a + " of slot " + i + " is not the one its key draws"
                            + " (parameters or statistics differ from what the seed gives)");
                }
                used[i] = a + 1;
                out[k] = at;
            }
            return out;
        }, true, new Listener() {});
        if (r.pending() == 0) {
            for (int i = 0; i < n; i++) {
                if (attempts.get(i).size() != used[i]) {
                    throw new ForeignAttempt(i, used[i], "slot " + i + " holds " + attempts.get(i).size() + " attempts,"
                            + " but attempt " + (used[i] - 1) + " was accepted");
                }
            }
        }
        return finish(previous, plan, r, wallSeconds);
    }

    /** The state after a generation's rounds: the next one's, or the abandoned generation's predecessor. */
    private State finish(State previous, Plan plan, Rounds r, double wallSeconds) {
        int n = settings.populationSize();
        int t = plan.t();
        long spent = r.spent();
        if (r.pending() > 0) {
            if (previous == null) {
                throw new IllegalStateException("the simulation budget (" + settings.maxSimulations()
                        + ") ran out before generation 0 had " + n + " particles with defined statistics");
            }
            return new State(previous.generations(), previous.population(), previous.nextTolerance(),
                    plan.spentBefore() + spent, "simulation budget: generation " + t + " abandoned after " + spent
                            + " simulations, " + (n - r.pending()) + " of " + n + " accepted");
        }
        Attempt[] accepted = r.accepted();
        double[][] thetas = new double[n][];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            thetas[i] = accepted[i].theta();
            weights[i] = plan.parents() == null ? 1
                    : weighting.weight(thetas[i], prior, plan.parents(), plan.kernel());
        }
        double[] scales = plan.scales();
        double[] newScales = scales == null || settings.adaptiveDistance() ? scales(r.simulated()) : scales;
        double[] distances = new double[n];
        for (int i = 0; i < n; i++) {
            distances[i] = distance(accepted[i].stats(), newScales);
        }
        Population population = Population.of(thetas, weights, distances);
        double next = Population.weightedQuantile(distances, population.weights(), settings.alpha());
        double rate = (double) n / spent;
        long total = plan.spentBefore() + spent;
        double tolerance = plan.tolerance();
        Generation g = new Generation(t, tolerance, rate, population.ess(), spent, wallSeconds, newScales);
        List<Generation> gens = new ArrayList<>(previous == null ? List.of() : previous.generations());
        gens.add(g);
        String stop = null;
        if (t > 0 && rate < settings.minAcceptanceRate()) {
            stop = "acceptance rate " + rate + " below the minimum " + settings.minAcceptanceRate();
        } else if (t > 0 && tolerance <= settings.finalTolerance()) {
            stop = "tolerance " + tolerance + " reached the final tolerance " + settings.finalTolerance();
        } else if (total >= settings.maxSimulations()) {
            stop = "simulation budget " + settings.maxSimulations() + " spent";
        } else if (t + 1 >= settings.maxGenerations()) {
            stop = "generations: " + settings.maxGenerations() + " run";
        }
        return new State(gens, population, next, total, stop);
    }

    /** The parameters attempt {@code a} of slot {@code i} proposes (null: no move stayed inside the support), and its simulation's seed. */
    private record Proposal(double[] theta, long seed) {}

    /** Attempt {@code a} of slot {@code i}: every draw from the stream (seed, t, i, a). */
    private Proposal propose(Plan plan, int i, int a) {
        UniformRandomProvider rng = streams.stream(plan.t(), i, a);
        if (plan.parents() == null) {
            double[] theta = prior.sample(rng);
            return new Proposal(theta, rng.nextLong());
        }
        // Moves that leave the prior's support are redrawn from the same stream; no simulation runs.
        for (int tries = 0; tries < 1000; tries++) {
            double[] parent = plan.parents().particle(pick(plan.cumulative(), rng.nextDouble()));
            double[] moved = plan.kernel().perturb(parent, rng);
            if (prior.density(moved) > 0) {
                return new Proposal(moved, rng.nextLong());
            }
        }
        return new Proposal(null, 0);
    }

    private ExecutorService pool() {
        return settings.threads() == 1 ? null : Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "abc-smc");
            t.setDaemon(true);
            return t;
        });
    }

    /** Attempt {@code a} of slot {@code i}, proposed and simulated. */
    private Attempt attempt(Plan plan, int i, int a) throws Exception {
        Proposal p = propose(plan, i, a);
        if (p.theta() == null) {
            return new Attempt(i, a, null, null);
        }
        double[] stats = simulator.simulate(p.theta(), p.seed());
        if (stats.length != observed.length) {
            throw new IllegalStateException("the simulator gave " + stats.length + " statistics, " + observed.length
                    + " observed");
        }
        return new Attempt(i, a, p.theta(), stats);
    }

    @FunctionalInterface
    private interface Task {
        Attempt run(int k) throws Exception;
    }

    private static Attempt[] runAll(ExecutorService pool, int count, Task task) throws Exception {
        Attempt[] out = new Attempt[count];
        if (pool == null || count == 1) {
            for (int k = 0; k < count; k++) {
                out[k] = task.run(k);
            }
            return out;
        }
        List<Future<Attempt>> futures = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int kk = k;
            futures.add(pool.submit(() -> task.run(kk)));
        }
        for (int k = 0; k < count; k++) {
            try {
                out[k] = futures.get(k).get();
            } catch (ExecutionException e) {
                for (Future<Attempt> f : futures) {
                    f.cancel(true);
                }
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        }
        return out;
    }

    /** The weighted distance sqrt(sum ((s - o) / scale)^2). */
    double distance(double[] stats, double[] scales) {
        double d = 0;
        for (int k = 0; k < stats.length; k++) {
            double z = (stats[k] - observed[k]) / scales[k];
            d += z * z;
        }
        return Math.sqrt(d);
    }

    /**
     * Each statistic's median absolute deviation over {@code simulated} (Prangle 2017); where it is
     * 0, the mean absolute deviation; where that is 0 too, 1.
     */
    static double[] scales(List<double[]> simulated) {
        int m = simulated.get(0).length;
        double[] out = new double[m];
        double[] v = new double[simulated.size()];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = simulated.get(i)[k];
            }
            double median = median(v);
            double[] dev = new double[v.length];
            double mean = 0;
            for (int i = 0; i < v.length; i++) {
                dev[i] = Math.abs(v[i] - median);
                mean += dev[i] / v.length;
            }
            double mad = median(dev);
            out[k] = mad > 0 ? mad : mean > 0 ? mean : 1;
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    /** The first index whose cumulative weight exceeds {@code u} x the total. */
    static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
