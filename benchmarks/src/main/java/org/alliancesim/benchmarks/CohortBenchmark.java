package org.alliancesim.benchmarks;

import java.util.concurrent.TimeUnit;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The default cohort (1000 families, the calibrated mixed caseload) on one thread: one invocation
 * is one replication. The auxiliary counter {@code memberSessions} reports member-sessions
 * simulated per second (target: at least 10 million); the primary score is replications per
 * second. Course records go to a listener that only sinks them, as a streaming consumer would.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
@Threads(1)
@State(Scope.Thread)
public class CohortBenchmark {

    /** Member-sessions simulated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long memberSessions;

        @Setup(Level.Iteration)
        public void reset() {
            memberSessions = 0;
        }
    }

    private final ModelParameters params = ModelParameters.defaults();
    private final RandomStreams streams = RandomStreams.of(2026);
    private int replication;

    @Benchmark
    public void defaultCohort(Counters counters, Blackhole bh) {
        CourseListener sink = new CourseListener() {
            @Override
            public void courseEnded(CourseRecord course) {
                bh.consume(course);
            }
        };
        counters.memberSessions += Replication.run(params, streams, replication++, sink, false).memberSessions();
    }
}
