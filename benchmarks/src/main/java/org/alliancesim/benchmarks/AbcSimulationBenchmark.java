package org.alliancesim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.inference.ModelSimulator;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Families per second through the simulation path ABC-SMC uses ({@link ModelSimulator}: the
 * parameter vector as typed edits, then {@code Experiment.metrics}, one replication of
 * {@code families} families, no rows, no session detail), for comparison with
 * {@link CohortBenchmark} (the model alone) in the same JMH invocation. One invocation is 20
 * simulations at the literature parameters' default values (the calibrated point), each on its own
 * seed, spread over {@code threads} workers as ABC-SMC spreads particles (threads = 1 against 2 is
 * the scaling). The auxiliary counter {@code families} ({@link PipelineBenchmark.Counters}) is the rate to read:
 * every family a simulation simulates, that is the replication's {@code families} plus, for each sample
 * size {@code n:} of the targets file, n families per replication (literature's Sharf et al. d: a virtual
 * study of 1301 families, with session detail and SOFTA-o ratings; so 2301 families per simulation).
 * Divide by {@link #perSimulation} for simulations per second. With {@code targets = metrics} the
 * sized target is left out: one 1000-family metrics replication per simulation, the path without rows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class AbcSimulationBenchmark {

    static final int SIMULATIONS = 20;

    /** Worker threads over the simulations. */
    @Param({"1", "2"})
    public int threads;

    /** Families per simulation. */
    @Param({"1000"})
    public int families;

    /**
     * Which of the literature targets: {@code all} (the eight, with Sharf et al.'s d on a virtual study of
     * 1301 families measured at the observed level) or {@code metrics} (the seven without {@code n:}: the
     * metrics-only path, no rows, no virtual study, as issue 24 item 6 names it).
     */
    @Param({"all", "metrics"})
    public String targets;

    private ModelSimulator simulator;
    private double[] point;
    private ExecutorService pool;
    private long seed;
    /** Families one simulation simulates: replications x families, plus n x replications per sample size n. */
    long perSimulation;

    @Setup
    public void setUp() throws Exception {
        CalibrationSpec lit = Calibration.targets("literature");
        List<CalibrationSpec.Target> chosen = switch (targets) {
            case "all" -> lit.targets();
            case "metrics" -> lit.targets().stream().filter(t -> !t.sized()).toList();
            default -> throw new IllegalArgumentException("targets: all or metrics, was " + targets);
        };
        CalibrationSpec one = new CalibrationSpec(lit.base(), chosen, lit.parameters(), lit.anchors(), 1, families,
                lit.seed(), lit.maxEvaluations());
        Calibration calibration = Calibration.of(one, ScenarioLoader.load(one.base()));
        simulator = ModelSimulator.of(calibration);
        point = calibration.start();
        perSimulation = (long) one.replications() * families;
        java.util.Set<String> sizes = new java.util.TreeSet<>(); // a study and a metric of one size run apart
        for (CalibrationSpec.Target t : one.targets()) {
            boolean study = org.alliancesim.analysis.calibration.TargetEstimates.SAMPLED.contains(t.statistic());
            if (t.sized() && sizes.add(study + ":" + t.n())) {
                perSimulation += (long) one.replications() * t.n();
            }
        }
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
    }

    @Benchmark
    public void simulations(PipelineBenchmark.Counters counters, Blackhole bh) throws Exception {
        List<Future<double[]>> out = new ArrayList<>(SIMULATIONS);
        for (int i = 0; i < SIMULATIONS; i++) {
            long s = seed++;
            out.add(pool.submit(() -> simulator.simulate(point, s)));
        }
        for (Future<double[]> f : out) {
            bh.consume(f.get());
        }
        counters.families += SIMULATIONS * perSimulation;
    }
}
