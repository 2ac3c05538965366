package org.alliancesim.model;

import org.alliancesim.engine.RandomStreams;

/** Scratch timing loop (JMH is the real benchmark). */
final class SpeedMain {
    public static void main(String[] args) {
        ModelParameters p = ModelParameters.defaults();
        if (args.length > 0) {
            RunSpec r0 = p.run();
            p = p.withRun(new RunSpec(r0.mode(), r0.families(), r0.horizonDays(), Integer.parseInt(args[0])));
        }
        RandomStreams streams = RandomStreams.of(1);
        CourseListener sink = c -> { };
        for (int round = 0; round < 6; round++) {
            long ms = 0;
            long t0 = System.nanoTime();
            int r = 0;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                ms += Replication.run(p, streams, r++, sink, false).memberSessions();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%.2f M member-sessions/s (%d reps, %.2f us/family)%n", ms / s / 1e6, r, s / r / 1000 * 1e6);
        }
    }
}
