package org.alliancesim.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.analysis.usecase.SweepRequest;
import org.alliancesim.analysis.usecase.SweepUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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

/**
 * Families per second through the pipeline a user runs, for comparison with {@link CohortBenchmark}
 * (the model alone) in the same JMH invocation (docs/performance.md):
 *
 * <ul>
 *   <li>{@code run}: one invocation is {@link RunUseCase} as {@code alliancesim run default --reps R
 *       --threads T} runs it: R replications of the default cohort (1000 families each) into a results
 *       folder on disk: families.csv and therapists.csv formatted and written, summary.json, the six
 *       charts (PNG and SVG) and report.html. Everything a user waits for is in the time.
 *   <li>{@code sweep}: one invocation is {@link SweepUseCase} as {@code alliancesim sweep FILE
 *       --threads T} runs it: a random design of P points x 2 replications x 300 families over four
 *       dynamics parameters (benchmarks/sweeps/random-1000.yaml with P points), points.csv and runs.csv
 *       written point by point, read back, checked, sorted, then the report (charts, summary.json,
 *       report.html).
 * </ul>
 *
 * The auxiliary counter {@code families} is the rate to read (families simulated per second); the
 * primary score is invocations per second. {@code threads} is the use case's thread count (JMH
 * itself runs one benchmark thread), so threads = 1 against threads = 2 is the thread scaling.
 * Fixed seeds; the output folder is reused (--force), on the temporary file system.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
@State(Scope.Thread)
public class PipelineBenchmark {

    /** Families simulated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long families;

        @Setup(Level.Iteration)
        public void reset() {
            families = 0;
        }
    }

    /** Threads the use case runs on. */
    @Param({"1", "2"})
    public int threads;

    /** Replications of {@code run} (1000 families each). */
    @Param({"200"})
    public int reps;

    /** Points of {@code sweep} (2 replications x 300 families each). */
    @Param({"500"})
    public int points;

    private Path work;
    private Scenario scenario;
    private Path sweepFile;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        work = Files.createTempDirectory("pipeline-benchmark");
        scenario = ScenarioLoader.load("default").withReplications(reps);
        sweepFile = work.resolve("sweep.yaml");
        Files.writeString(sweepFile, String.join("\n",
                "base: default",
                "design: random",
                "points: " + points,
                "replications: 2",
                "families: 300",
                "seed: 20261125",
                "metrics: [dropout_share, mean_improvement]",
                "parameters:",
                "  - {path: rules.attendance.alliance, min: 0.4, max: 1.4}",
                "  - {path: dynamics.rupture.loss_safety, min: 0.4, max: 2.0}",
                "  - {path: rules.trust_update.gain_down, min: 0.3, max: 0.9}",
                "  - {path: dynamics.climate.conflict_weight, min: 0.2, max: 1.0}", ""));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Object run(Counters counters) throws Exception {
        Object result = RunUseCase.execute(RunRequest.of(scenario).withThreads(threads)
                .withOutput(new Output(work.resolve("run"), true)));
        counters.families += (long) reps * scenario.model().run().families();
        return result;
    }

    @Benchmark
    public Object sweep(Counters counters) throws Exception {
        Object result = SweepUseCase.execute(SweepRequest.of(sweepFile, work.resolve("sweep")).withForce(true)
                .withThreads(threads));
        counters.families += points * 2L * 300;
        return result;
    }
}
