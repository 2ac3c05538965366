package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The round loop of {@link AbcSmc} against an oracle written here: with a uniform(0, 1) prior,
 * attempt a of slot i in generation 0 proposes theta = the first uniform of the stream keyed
 * (seed, 0, i, a) (the class's documented keying, drawn here from {@link RandomStreams} directly),
 * and the simulator {@link #GATE} makes theta below 0.3 undefined. So which attempt each slot
 * accepts, how many rounds and simulations generation 0 takes, what each round reports, its
 * scale (a median absolute deviation computed here), distances and next tolerance are all known
 * without running the class. Later generations (kernel moves) are checked through relations that
 * hold whatever the draws: stop rules at their exact boundaries, the budget's arithmetic on a
 * hand-made state whose moves always stay put, moves that never enter the support, and the split
 * run ({@link AbcSmc#simulateSlots} then {@link AbcSmc#generationFrom}) against the local one.
 */
class AbcSmcRoundsTest {

    static final long SEED = 20261207L;
    static final int N = 8;
    static final double[] OBSERVED = {0.5};
    static final Prior UNIFORM = Prior.of(List.of(Prior.Marginal.uniform(0, 1)));

    /** Statistic theta, undefined (NaN) below 0.3. */
    static final AbcSmc.Simulator GATE = (theta, seed) -> new double[] {theta[0] < 0.3 ? Double.NaN : theta[0]};

    static AbcSmc.Settings settings(double minRate, double finalTolerance, long budget, int generations, boolean adaptive,
            int threads) {
        return new AbcSmc.Settings(N, 0.5, minRate, finalTolerance, budget, generations, adaptive, SEED, threads);
    }

    static AbcSmc.State run(AbcSmc.Settings s) throws Exception {
        return AbcSmc.of(UNIFORM, OBSERVED, GATE, s).run(null, new AbcSmc.Listener() {});
    }

    /** Generation 0 worked out without the class. */
    static final class Oracle {
        final int[] acceptedAttempt = new int[N];
        final double[] theta = new double[N];
        final int rounds;
        final long spent;
        final double scale;
        final double[] distances = new double[N];
        final double nextTolerance;

        Oracle() {
            RandomStreams streams = RandomStreams.of(SEED);
            int maxAttempt = 0;
            long sims = 0;
            for (int i = 0; i < N; i++) {
                for (int a = 0; ; a++) {
                    double t = streams.stream(0, i, a).nextDouble();
                    sims++;
                    if (t >= 0.3) {
                        acceptedAttempt[i] = a;
                        theta[i] = t;
                        break;
                    }
                }
                maxAttempt = Math.max(maxAttempt, acceptedAttempt[i]);
            }
            rounds = maxAttempt + 1;
            spent = sims;
            double median = median(theta);
            double[] dev = new double[N];
            for (int i = 0; i < N; i++) {
                dev[i] = Math.abs(theta[i] - median);
            }
            scale = median(dev);
            for (int i = 0; i < N; i++) {
                distances[i] = Math.abs(theta[i] - OBSERVED[0]) / scale;
            }
            double[] sorted = distances.clone();
            Arrays.sort(sorted);
            nextTolerance = sorted[N / 2 - 1]; // equal weights: the 4th of 8 reaches cumulative weight 0.5
        }

        static double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    static final Oracle ORACLE = new Oracle();

    @Test
    void theOraclesGenerationZeroNeedsSeveralRounds() {
        // The checks below rely on some slot needing more than one attempt (else rounds and budgets are trivial).
        assertTrue(ORACLE.rounds >= 2 && ORACLE.spent > N, "rounds " + ORACLE.rounds + ", simulations " + ORACLE.spent);
    }

    @Test
    void generationZeroIsTheOnesWorkedOutByHand() throws Exception {
        List<long[]> rounds = new ArrayList<>();
        List<AbcSmc.State> told = new ArrayList<>();
        long started = System.nanoTime();
        AbcSmc.State s = AbcSmc.of(UNIFORM, OBSERVED, GATE, settings(0, 0, 1000, 1, true, 1))
                .run(null, new AbcSmc.Listener() {
                    @Override
                    public void round(int generation, int accepted, int populationSize, long simulations) {
                        rounds.add(new long[] {generation, accepted, populationSize, simulations});
                    }

                    @Override
                    public void generation(AbcSmc.State state) {
                        told.add(state);
                    }
                });
        double elapsed = (System.nanoTime() - started) / 1e9;
        // Each round: attempt r of every slot not yet accepted.
        assertEquals(ORACLE.rounds, rounds.size());
        long sims = 0;
        for (int r = 0; r < ORACLE.rounds; r++) {
            int accepted = 0;
            for (int i = 0; i < N; i++) {
                if (ORACLE.acceptedAttempt[i] >= r) {
                    sims++;
                }
                if (ORACLE.acceptedAttempt[i] <= r) {
                    accepted++;
                }
            }
            assertArrayEquals(new long[] {0, accepted, N, sims}, rounds.get(r), "round " + r);
        }
        assertEquals(List.of(s), told, "the listener is told the one generation's state");
        assertEquals("generations: 1 run", s.stopReason());
        assertEquals(ORACLE.spent, s.simulations());
        assertEquals(1, s.generations().size());
        AbcSmc.Generation g = s.generations().get(0);
        assertEquals(0, g.index());
        assertEquals(Double.POSITIVE_INFINITY, g.tolerance());
        assertEquals((double) N / ORACLE.spent, g.acceptanceRate(), 0);
        assertEquals(N, g.ess(), 1e-12);
        assertEquals(ORACLE.spent, g.simulations());
        assertTrue(g.wallSeconds() >= 0 && g.wallSeconds() <= elapsed, g.wallSeconds() + " s of " + elapsed);
        assertArrayEquals(new double[] {ORACLE.scale}, g.scales(), 1e-15);
        assertArrayEquals(new double[] {ORACLE.scale}, s.scales(), 1e-15);
        Population p = s.population();
        for (int i = 0; i < N; i++) {
            assertEquals(ORACLE.theta[i], p.value(i, 0), 0, "slot " + i);
            assertEquals(1.0 / N, p.weight(i), 1e-15);
            assertEquals(ORACLE.distances[i], p.distance(i), 1e-12);
        }
        assertEquals(ORACLE.nextTolerance, s.nextTolerance(), 1e-12);
    }

    /**
     * Generation 1 under adaptive scales has the median absolute deviation of its own defined
     * simulations (recorded here as the simulator sees them), and its population's distances are
     * recomputed under them; under fixed scales it keeps generation 0's, bit for bit.
     */
    @Test
    void adaptiveScalesAreEachGenerationsOwnFixedOnesGenerationZeros() throws Exception {
        for (boolean adaptive : new boolean[] {true, false}) {
            List<Double> defined = new ArrayList<>();
            AbcSmc.Simulator recording = (theta, seed) -> {
                double[] out = GATE.simulate(theta, seed);
                if (!Double.isNaN(out[0])) {
                    defined.add(out[0]);
                }
                return out;
            };
            AbcSmc.State s = AbcSmc.of(UNIFORM, OBSERVED, recording, settings(0, 0, 1000, 2, adaptive, 1))
                    .run(null, new AbcSmc.Listener() {});
            assertEquals(2, s.generations().size());
            double[] scales0 = s.generations().get(0).scales();
            double[] scales1 = s.generations().get(1).scales();
            assertArrayEquals(new double[] {ORACLE.scale}, scales0, 1e-15);
            if (adaptive) {
                double[] gen1 = defined.subList(N, defined.size()).stream().mapToDouble(Double::doubleValue).toArray();
                double median = Oracle.median(gen1);
                double[] dev = Arrays.stream(gen1).map(x -> Math.abs(x - median)).toArray();
                assertEquals(Oracle.median(dev), scales1[0], 1e-15);
                assertNotEquals(scales0[0], scales1[0]);
            } else {
                assertArrayEquals(scales0, scales1, 0);
            }
            Population p = s.population();
            for (int i = 0; i < N; i++) {
                assertEquals(Math.abs(p.value(i, 0) - OBSERVED[0]) / scales1[0], p.distance(i), 1e-12);
            }
            // Generation 1's tolerance is generation 0's next one, in generation 0's units.
            assertEquals(ORACLE.nextTolerance, s.generations().get(1).tolerance(), 1e-12);
            assertEquals(s.generations().get(0).simulations() + s.generations().get(1).simulations(), s.simulations());
        }
    }

    @Test
    void generationZeroIsExemptFromTheAcceptanceRateAndTheFinalTolerance() throws Exception {
        // Generation 0 accepts 8 of more than 8 simulations (rate below 0.99): the run goes on to generation 1.
        AbcSmc.State rate = run(settings(0.99, 0, 1000, 5, true, 1));
        assertEquals(2, rate.generations().size());
        double r1 = rate.generations().get(1).acceptanceRate();
        assertEquals("acceptance rate " + r1 + " below the minimum 0.99", rate.stopReason());
        // Any finite tolerance is within an infinite final one, but generation 0's (infinite) does not count.
        AbcSmc.State tol = run(settings(0, Double.POSITIVE_INFINITY, 1000, 5, true, 1));
        assertEquals(2, tol.generations().size());
        double t1 = tol.generations().get(1).tolerance();
        assertEquals(ORACLE.nextTolerance, t1, 1e-12);
        assertEquals("tolerance " + t1 + " reached the final tolerance Infinity", tol.stopReason());
    }

    /** A rate equal to the minimum, and a tolerance equal to the final one: the first does not stop, the second does. */
    @Test
    void theStopRulesAtTheirExactBoundaries() throws Exception {
        AbcSmc.State free = run(settings(0, 0, 1000, 2, true, 1));
        double r1 = free.generations().get(1).acceptanceRate();
        assertTrue(r1 < 1, "generation 1 rejects some: " + r1);
        AbcSmc.State atRate = run(settings(r1, 0, 1000, 2, true, 1));
        assertEquals("generations: 2 run", atRate.stopReason());
        // Generation 1's tolerance is generation 0's next one (the oracle's to 1e-12; the class's own bits here).
        double t1 = run(settings(0, 0, 1000, 1, true, 1)).nextTolerance();
        AbcSmc.State atTolerance = run(settings(0, t1, 1000, 3, true, 1));
        assertEquals(2, atTolerance.generations().size());
        assertEquals("tolerance " + t1 + " reached the final tolerance " + t1, atTolerance.stopReason());
    }

    @Test
    void aBudgetSpentExactlyByGenerationZeroStopsThere() throws Exception {
        AbcSmc.State s = run(settings(0, 0, ORACLE.spent, 5, true, 1));
        assertEquals("simulation budget " + ORACLE.spent + " spent", s.stopReason());
        assertEquals(1, s.generations().size());
        assertEquals(ORACLE.spent, s.simulations());
    }

    @Test
    void aBudgetThatRunsOutInGenerationZeroIsAnError() {
        // The first round spends the whole budget of 8 with slots still pending.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(settings(0, 0, N, 5, true, 1)));
        assertEquals("the simulation budget (8) ran out before generation 0 had 8 particles with defined statistics",
                e.getMessage());
    }

    /** Generation 0 as a state to resume from: 4 particles, scales 1, tolerance 1, 10 simulations spent. */
    static AbcSmc.State resumeFrom(double... particles) {
        double[][] p = new double[particles.length][];
        double[] w = new double[particles.length];
        double[] d = new double[particles.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {particles[i]};
            w[i] = 1;
            d[i] = 0.5;
        }
        AbcSmc.Generation g0 = new AbcSmc.Generation(0, Double.POSITIVE_INFINITY, 0.4, 4, 10, 0.01, new double[] {1});
        return new AbcSmc.State(List.of(g0), Population.of(p, w, d), 1.0, 10, null);
    }

    /**
     * A generation abandoned for the budget: the particles sit within 2e-9 of 0.5, so every move
     * stays inside (0, 1) and is simulated, and the simulator never gives a defined statistic: each
     * round spends 4. With 12 left the third round spends the last and the generation stops there;
     * with 13 left a fourth round runs (16 spent, 3 over: a round is never cut short).
     */
    @Test
    void aGenerationThatOverrunsTheBudgetIsAbandonedAfterTheRoundThatSpentIt() throws Exception {
        AbcSmc.State previous = resumeFrom(0.5, 0.5 + 1e-9, 0.5 - 1e-9, 0.5 + 2e-9);
        AbcSmc.Simulator undefined = (theta, seed) -> new double[] {Double.NaN};
        long[][] cases = {{22, 12}, {23, 16}};
        for (long[] c : cases) {
            AbcSmc.Settings s = new AbcSmc.Settings(4, 0.5, 0, 0, c[0], 5, true, SEED, 1);
            AbcSmc.State r = AbcSmc.of(UNIFORM, OBSERVED, undefined, s).run(previous, new AbcSmc.Listener() {});
            assertEquals("simulation budget: generation 1 abandoned after " + c[1] + " simulations, 0 of 4 accepted",
                    r.stopReason());
            assertEquals(10 + c[1], r.simulations());
            assertEquals(previous.generations(), r.generations());
            assertSame(previous.population(), r.population());
            assertEquals(1.0, r.nextTolerance(), 0);
        }
    }

    /** Particles far outside uniform(0, 1): no move of 1000 enters it (each is about 6 kernel sds away). */
    @Test
    void movesThatNeverEnterTheSupportAreNotSimulated() throws Exception {
        AbcSmc.State outside = resumeFrom(50, 55, 60, 65);
        AtomicInteger calls = new AtomicInteger();
        AbcSmc.Simulator counting = (theta, seed) -> {
            calls.incrementAndGet();
            return new double[] {theta[0]};
        };
        AbcSmc abc = AbcSmc.of(UNIFORM, OBSERVED, counting, new AbcSmc.Settings(4, 0.5, 0, 0, 13, 5, true, SEED, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> abc.run(outside, new AbcSmc.Listener() {}));
        assertEquals("generation 1: no move of 1000 tried per particle stays inside the prior's support", e.getMessage());
        // A task's share is not an error: it stops after as many rounds as the 3 simulations left allow.
        List<List<AbcSmc.Attempt>> share = abc.simulateSlots(outside, new int[] {0, 2});
        assertEquals(2, share.size());
        for (int k = 0; k < 2; k++) {
            List<AbcSmc.Attempt> slot = share.get(k);
            assertEquals(3, slot.size());
            for (int a = 0; a < 3; a++) {
                assertEquals(2 * k, slot.get(a).slot());
                assertEquals(a, slot.get(a).attempt());
                assertNull(slot.get(a).theta());
                assertFalse(slot.get(a).simulated());
            }
        }
        // Replayed, moves that stayed outside are what the key draws (none), and the generation fails as the local one does.
        List<List<AbcSmc.Attempt>> all = abc.simulateSlots(outside, new int[] {0, 1, 2, 3});
        IllegalStateException replayed = assertThrows(IllegalStateException.class,
                () -> abc.generationFrom(outside, all, 0));
        assertEquals(e.getMessage(), replayed.getMessage());
        assertEquals(0, calls.get());
    }

    @Test
    void aSimulatorGivingTheWrongNumberOfStatisticsIsAnError() {
        AbcSmc.Simulator two = (theta, seed) -> new double[] {theta[0], theta[0]};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AbcSmc.of(UNIFORM, OBSERVED, two, settings(0, 0, 1000, 1, true, 1)).run(null, new AbcSmc.Listener() {}));
        assertEquals("the simulator gave 2 statistics, 1 observed", e.getMessage());
    }

    /**
     * One thread simulates on the caller's thread; more run on the pool's daemon threads named
     * abc-smc (a round of a single attempt excepted), which are gone after the run; a simulator's
     * exception comes out as itself.
     */
    @Test
    void theThreadsAreThePoolsAndAreShutDown() throws Exception {
        Thread caller = Thread.currentThread();
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        AbcSmc.Simulator watching = (theta, seed) -> {
            seen.add(Thread.currentThread());
            return GATE.simulate(theta, seed);
        };
        AbcSmc.of(UNIFORM, OBSERVED, watching, settings(0, 0, 1000, 2, true, 1)).run(null, new AbcSmc.Listener() {});
        assertEquals(Set.of(caller), seen);
        seen.clear();
        AbcSmc.of(UNIFORM, OBSERVED, watching, settings(0, 0, 1000, 2, true, 2)).run(null, new AbcSmc.Listener() {});
        // A round of one attempt runs on the caller; generation 0's first round has 8.
        seen.remove(caller);
        assertFalse(seen.isEmpty(), "a pool of 2 runs the simulations");
        // A task's share (simulateSlots) on two threads: the same, its pool shut down when it returns.
        AbcSmc.of(UNIFORM, OBSERVED, watching, settings(0, 0, 1000, 2, true, 2)).simulateSlots(null, new int[] {0, 1, 2});
        seen.remove(caller);
        for (Thread t : seen) {
            assertEquals("abc-smc", t.getName());
            assertTrue(t.isDaemon());
            t.join(10_000);
            assertFalse(t.isAlive(), "the pool is shut down after the run");
        }
        AbcSmc.Simulator failing = (theta, seed) -> {
            throw new IllegalStateException("planted");
        };
        for (int threads : new int[] {1, 2}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> AbcSmc.of(UNIFORM, OBSERVED,
                    failing, settings(0, 0, 1000, 2, true, threads)).run(null, new AbcSmc.Listener() {}));
            assertEquals("planted", e.getMessage());
        }
    }

    /**
     * The split run: each generation's attempts simulated in two tasks' shares (slots by parity,
     * on two threads), then replayed by {@link AbcSmc#generationFrom}, give the local run's states.
     */
    @Test
    void theSharesReplayedAreTheLocalRun() throws Exception {
        AbcSmc.Settings s = settings(0, 0, 1000, 3, true, 2);
        List<AbcSmc.State> local = new ArrayList<>();
        AbcSmc abc = AbcSmc.of(UNIFORM, OBSERVED, GATE, s);
        abc.run(null, new AbcSmc.Listener() {
            @Override
            public void generation(AbcSmc.State state) {
                local.add(state);
            }
        });
        assertEquals(3, local.size());
        AbcSmc.State previous = null;
        for (AbcSmc.State expected : local) {
            List<List<AbcSmc.Attempt>> attempts = attempts(abc, previous);
            AbcSmc.State replayed = abc.generationFrom(previous, attempts, 0.5);
            assertEquals(expected.simulations(), replayed.simulations());
            assertEquals(expected.stopReason(), replayed.stopReason());
            assertEquals(expected.nextTolerance(), replayed.nextTolerance(), 0);
            int last = expected.generations().size() - 1;
            AbcSmc.Generation e = expected.generations().get(last);
            AbcSmc.Generation r = replayed.generations().get(last);
            assertEquals(e.tolerance(), r.tolerance(), 0);
            assertEquals(e.acceptanceRate(), r.acceptanceRate(), 0);
            assertEquals(e.simulations(), r.simulations());
            assertEquals(0.5, r.wallSeconds(), 0);
            assertArrayEquals(e.scales(), r.scales(), 0);
            for (int i = 0; i < N; i++) {
                assertArrayEquals(expected.population().particle(i), replayed.population().particle(i), 0);
            }
            assertArrayEquals(expected.population().weights(), replayed.population().weights(), 0);
            assertArrayEquals(expected.population().distances(), replayed.population().distances(), 0);
            previous = replayed;
        }
    }

    /** Task 1 of 2 takes the even slots, task 2 the odd ones; merged back per slot. */
    static List<List<AbcSmc.Attempt>> attempts(AbcSmc abc, AbcSmc.State previous) throws Exception {
        List<List<AbcSmc.Attempt>> even = abc.simulateSlots(previous, new int[] {0, 2, 4, 6});
        List<List<AbcSmc.Attempt>> odd = abc.simulateSlots(previous, new int[] {1, 3, 5, 7});
        List<List<AbcSmc.Attempt>> all = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            all.add(new ArrayList<>((i % 2 == 0 ? even : odd).get(i / 2)));
        }
        return all;
    }

    @Test
    void sharesThatAreNotTheKeysAreRefusedWithTheirSlotAndAttempt() throws Exception {
        AbcSmc abc = AbcSmc.of(UNIFORM, OBSERVED, GATE, settings(0, 0, 1000, 3, true, 1));
        for (int[] slots : new int[][] {{2, 1}, {1, 1}, {-1}, {N}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> abc.simulateSlots(null, slots));
            assertEquals("slots must ascend within [0, 8)", e.getMessage(), Arrays.toString(slots));
        }
        IllegalArgumentException seven = assertThrows(IllegalArgumentException.class,
                () -> abc.generationFrom(null, attempts(abc, null).subList(0, 7), 0));
        assertEquals("attempts of 7 slots, population 8", seven.getMessage());

        // A slot that needed more than one attempt, and one that accepted its first.
        int many = -1;
        int first = -1;
        for (int i = 0; i < N; i++) {
            if (ORACLE.acceptedAttempt[i] > 0 && many < 0) {
                many = i;
            }
            if (ORACLE.acceptedAttempt[i] == 0 && first < 0) {
                first = i;
            }
        }
        int m = many;
        int a = ORACLE.acceptedAttempt[m];
        AbcSmc.Attempt accepted = attempts(abc, null).get(m).get(a);

        List<List<AbcSmc.Attempt>> shortOne = attempts(abc, null);
        shortOne.get(m).remove(a);
        AbcSmc.ForeignAttempt missing = assertThrows(AbcSmc.ForeignAttempt.class, () -> abc.generationFrom(null, shortOne, 0));
        assertEquals("slot " + m + " stops after " + a + " attempts, but the generation needs attempt " + a
                + " (not accepted)", missing.getMessage());
        assertEquals(m, missing.slot());
        assertEquals(-1, missing.attempt());

        List<List<AbcSmc.Attempt>> longOne = attempts(abc, null);
        longOne.get(first).add(new AbcSmc.Attempt(first, 1, new double[] {0.9}, new double[] {0.9}));
        AbcSmc.ForeignAttempt extra = assertThrows(AbcSmc.ForeignAttempt.class, () -> abc.generationFrom(null, longOne, 0));
        assertEquals("slot " + first + " holds 2 attempts, but attempt 0 was accepted", extra.getMessage());
        assertEquals(first, extra.slot());
        assertEquals(1, extra.attempt());

        double[] theta = accepted.theta();
        List<AbcSmc.Attempt> foreign = List.of(
                new AbcSmc.Attempt(m, a, new double[] {Math.nextUp(theta[0])}, accepted.stats()),
                new AbcSmc.Attempt(m + 1, a, theta, accepted.stats()),
                new AbcSmc.Attempt(m, a + 1, theta, accepted.stats()),
                new AbcSmc.Attempt(m, a, theta, null),
                new AbcSmc.Attempt(m, a, null, accepted.stats()),
                new AbcSmc.Attempt(m, a, theta, new double[] {theta[0], 1}));
        for (AbcSmc.Attempt f : foreign) {
            List<List<AbcSmc.Attempt>> bad = attempts(abc, null);
            bad.get(m).set(a, f);
            AbcSmc.ForeignAttempt e = assertThrows(AbcSmc.ForeignAttempt.class, () -> abc.generationFrom(null, bad, 0),
                    f.toString());
            assertEquals("attempt " + a + " of slot " + m + " is not the one its key draws (parameters or statistics"
                    + " differ from what the seed gives)", e.getMessage());
            assertEquals(m, e.slot());
            assertEquals(a, e.attempt());
        }
    }
}
