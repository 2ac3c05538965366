package org.alliancesim.engine.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.engine.example.MultiServerQueue.Config;
import org.alliancesim.engine.example.MultiServerQueue.Result;
import org.alliancesim.engine.example.MultiServerQueue.Service;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
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
        Config c = new Config(0.99, 1.0, 1, Service.DETERMINISTIC);
        Result r = run(c, 9, 0, 50_000);
        assertTrue(r.meanWait() > 5, "mean wait " + r.meanWait());
        // The waits of a line that grew (and wrapped) are still each customer's own: a copy that reorders the
        // ring when it grows changes them.
        assertEquals(referenceMeanWait(c, 9, 0, 50_000), r.meanWait(), 1e-9 * r.meanWait());
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Config(0, 1, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, -1, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 1, 0, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> run(new Config(1, 1, 1, Service.EXPONENTIAL), 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> run(new Config(0.5, 1, 1, Service.EXPONENTIAL), 1, -1, 10));
    }

    /**
     * Reference: the FIFO c-server queue without events (Kiefer-Wolfowitz): customer n arrives at the running sum
     * of interarrival times and starts at max(arrival, earliest free server). It draws from copies of the same
     * streams in the same order (interarrivals in arrival order, service times in start order = arrival order).
     */
    private static double referenceMeanWait(Config c, long seed, long warmup, long customers) {
        RandomStreams streams = RandomStreams.of(seed);
        ContinuousSampler ia = ZigguratSampler.Exponential.of(streams.stream(0, 0, "arrivals"), 1 / c.arrivalRate());
        ContinuousSampler sv = ZigguratSampler.Exponential.of(streams.stream(0, 0, "service"), 1 / c.serviceRate());
        double[] free = new double[c.servers()];
        double arrival = 0;
        double sum = 0;
        for (long n = 0; n < warmup + customers; n++) {
            arrival += ia.sample();
            int k = 0;
            for (int j = 1; j < free.length; j++) {
                if (free[j] < free[k]) {
                    k = j;
                }
            }
            double start = Math.max(arrival, free[k]);
            double s = c.service() == Service.EXPONENTIAL ? sv.sample() : 1 / c.serviceRate();
            free[k] = start + s;
            if (n >= warmup) {
                sum += start - arrival;
            }
        }
        return sum / customers;
    }

    @Test
    void meanWaitEqualsTheEventFreeReference() {
        // Rates other than 1, several servers, a warm-up, and lines long enough (rho 0.97) to grow the ring
        // buffer past 64 and wrap it: wrong rates (rate for time), an off-by-one warm-up, a ring-buffer index
        // slip or a wait of "now - 0" all change the mean.
        Config exp = new Config(2.91, 1.5, 2, Service.EXPONENTIAL);
        assertEquals(0.97, exp.utilisation(), 1e-12);
        Result r = run(exp, 17, 37, 20_000);
        assertEquals(referenceMeanWait(exp, 17, 37, 20_000), r.meanWait(), 1e-9 * r.meanWait());
        assertTrue(r.meanWait() > 5, "long lines: " + r.meanWait());
        Config det = new Config(2.4, 2.5, 1, Service.DETERMINISTIC);
        Result d = run(det, 4, 10, 5_000);
        assertEquals(referenceMeanWait(det, 4, 10, 5_000), d.meanWait(), 1e-9 * d.meanWait());
    }

    @Test
    void oneCustomerIsEnough() {
        Result r = run(new Config(0.5, 2.0, 1, Service.EXPONENTIAL), 2, 0, 1);
        assertEquals(1, r.customers());
        assertEquals(0.0, r.meanWait(), "the first customer finds the server free");
        assertThrows(IllegalArgumentException.class, () -> run(new Config(0.5, 2, 1, Service.EXPONENTIAL), 1, 0, 0));
    }

    @Test
    void rejectsInfiniteAndZeroRatesAndNoService() {
        assertThrows(IllegalArgumentException.class, () -> new Config(Double.POSITIVE_INFINITY, 1, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, Double.POSITIVE_INFINITY, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 0, 1, Service.EXPONENTIAL));
        assertThrows(IllegalArgumentException.class, () -> new Config(1, 1, 1, null));
        // lambda / (c mu) with c and mu other than 1: 3 / (2 * 2.5) = 0.6.
        assertEquals(0.6, new Config(3, 2.5, 2, Service.DETERMINISTIC).utilisation(), 1e-12);
    }
}
