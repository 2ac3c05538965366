package org.alliancesim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.engine.example.MultiServerQueue;
import org.alliancesim.engine.example.MultiServerQueue.Config;
import org.alliancesim.engine.example.MultiServerQueue.Service;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Customers per second through an M/M/3 queue at utilisation 0.9 (lambda 2.7, mu 1), simulated
 * from empty for {@value #CUSTOMERS} customers per invocation, by our kernel and by SSJ 3.3.2.
 * One operation is one customer, so the scores are customers per second, comparable between the
 * two methods of the same run. Target: {@code allianceSim} at least twice {@code ssj}.
 *
 * <p>Both compute the same statistic; each uses its own idiom and random numbers (ours:
 * xoroshiro128++ with the ziggurat exponential sampler; SSJ: MRG32k3a with inversion).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@State(Scope.Thread)
public class KernelComparisonBenchmark {

    static final int CUSTOMERS = 100_000;
    static final Config MM3 = new Config(2.7, 1.0, 3, Service.EXPONENTIAL);

    private long invocation;

    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public double allianceSim() {
        RandomStreams streams = RandomStreams.of(42);
        long rep = invocation++;
        return MultiServerQueue.run(MM3, streams.stream(rep, 0, "arrivals"), streams.stream(rep, 0, "service"),
                0, CUSTOMERS).meanWait();
    }

    @Benchmark
    @OperationsPerInvocation(CUSTOMERS)
    public double ssj() {
        return new SsjQueue(2.7, 1.0, 3).run(CUSTOMERS);
    }
}
