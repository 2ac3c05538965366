package org.alliancesim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.alliancesim.engine.Event;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic "hold" workload for event calendars (Jones 1986): with {@code pending} events in the
 * calendar, each fired event schedules one more at an exponential delay, so the size stays
 * constant. Scores are events per second at that calendar size; a clinic carries thousands of
 * pending sessions.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CalendarHoldBenchmark {

    static final int EVENTS = 100_000;

    @Param({"100", "10000", "1000000"})
    int pending;

    private Simulation sim;

    @Setup(Level.Trial)
    public void setUp() {
        UniformRandomProvider rng = RandomStreams.of(1).stream(0, 0, "hold");
        ContinuousSampler delay = ZigguratSampler.Exponential.of(rng, 1.0);
        Event hold = new Event() {
            @Override
            public void fire(Simulation s, int arg) {
                s.schedule(delay.sample(), this, arg);
            }
        };
        sim = new Simulation(pending);
        for (int i = 0; i < pending; i++) {
            sim.schedule(delay.sample(), hold, i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long hold() {
        long fired = 0;
        int[] left = {EVENTS};
        fired += sim.runUntil(() -> --left[0] == 0);
        return fired;
    }
}
