package org.alliancesim.engine.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.engine.example.MultiServerQueue.Config;
import org.alliancesim.engine.example.MultiServerQueue.Result;
import org.alliancesim.engine.example.MultiServerQueue.Service;
import org.junit.jupiter.api.Test;

/** Mechanics of the example queue; its agreement with theory is checked by the verify table's tests. */
class MultiServerQueueTest {

    private static Result run(Config config, long seed, long warmup, long customers) {
        RandomStreams streams = RandomStreams.of(seed);
        return MultiServerQueue.run(config, streams.stream(0, 0, "arrivals"), streams.stream(0, 0, "service"),
                warmup, customers);
    }

    @Test
    void sameSeedSameResult() {
        Config c = new Config(2.7, 1.0, 3, Service.EXPONENTIAL);
        assertEquals(run(c, 5, 100, 10_000), run(c, 5, 100, 10_000));
    }

    @Test
    void measuresExactlyTheRequestedCustomers() {
        Result r = run(new Config(0.5, 1.0, 1, Service.EXPONENTIAL), 1, 50, 1234);
        assertEquals(1234, r.customers());
        assertTrue(r.eventsFired() >= 2 * (50 + 1234) - 1, "an arrival and a departure per customer");
    }

    @Test
    void enoughServersMeansNoWaiting() {
        // With far more servers than the load needs, a wait is practically impossible (Erlang C ~ 0).
        Result r = run(new Config(1.0, 1.0, 40, Service.EXPONENTIAL), 3, 0, 10_000);
        assertEquals(0.0, r.meanWait());
    }

    @Test
    void heavyLoadGrowsTheLineBeyondItsInitialBuffer() {
        // rho = 0.99 builds lines of hundreds: exercises the ring buffer's growth.
        Result r = run(new Config(0.99, 1.0, 1, Service.DETERMINISTIC), 9, 0, 50_000);
        assertTrue(r.meanWait() > 5, "mean wait " + r.meanWait());
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Config(0, 1, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, -1, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 1, 0, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> run(new Config(1, 1, 1, Service.EXPONENTIAL), 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> run(new Config(0.5, 1, 1, Service.EXPONENTIAL), 1, -1, 10));
    }
}
