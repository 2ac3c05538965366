package org.alliancesim.engine.example;

import org.alliancesim.engine.Event;
import org.alliancesim.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * An M/M/c or M/D/c queue written on the kernel: Poisson arrivals, {@code c} identical servers, a
 * single first-come-first-served line of unlimited length, exponential or deterministic service.
 *
 * <p>The model schedules two kinds of event, arrival and departure, and keeps waiting customers'
 * arrival times in a primitive ring buffer, so it allocates nothing per customer.
 *
 * <p>Measurement: the wait in queue (time from arrival to start of service) of the customers who
 * start service after the first {@code warmup} have started; the run stops once {@code customers}
 * such waits have been recorded. Under FCFS the k-th customer to start service is the k-th to
 * arrive, so this deletes the first {@code warmup} customers of the transient that starts from an
 * empty system.
 *
 * <p>Random draws: interarrival times come only from the {@code arrivals} generator, service
 * times only from the {@code service} generator (none when service is deterministic).
 */
public final class MultiServerQueue {

    /** Service time distribution. */
    public enum Service {
        /** Exponential with mean 1/mu (the M in M/M/c). */
        EXPONENTIAL,
        /** Constant 1/mu (the D in M/D/c). */
        DETERMINISTIC
    }

    /**
     * The queue's parameters.
     *
     * @param arrivalRate lambda, customers per day; positive
     * @param serviceRate mu, customers per day per server; positive
     * @param servers c; at least 1
     * @param service service time distribution
     */
    public record Config(double arrivalRate, double serviceRate, int servers, Service service) {
        /** Validates the parameters. */
        public Config {
            if (!(arrivalRate > 0) || Double.isInfinite(arrivalRate)) {
                throw new IllegalArgumentException("arrivalRate must be finite and > 0, was " + arrivalRate);
            }
            if (!(serviceRate > 0) || Double.isInfinite(serviceRate)) {
                throw new IllegalArgumentException("serviceRate must be finite and > 0, was " + serviceRate);
            }
            if (servers < 1) {
                throw new IllegalArgumentException("servers must be >= 1, was " + servers);
            }
            if (service == null) {
                throw new IllegalArgumentException("service must be given");
            }
        }

        /** Utilisation rho = lambda / (c mu). */
        public double utilisation() {
            return arrivalRate / (servers * serviceRate);
        }
    }

    /**
     * What one run measured.
     *
     * @param meanWait mean wait in queue of the measured customers, days
     * @param customers number of measured customers
     * @param endTime simulated time when the run stopped, days
     * @param eventsFired events the kernel fired during the run (warm-up included)
     */
    public record Result(double meanWait, long customers, double endTime, long eventsFired) {}

    private final Config config;
    private final Simulation sim = new Simulation(16);
    private final ContinuousSampler interarrival;
    private final ContinuousSampler serviceTime;
    private final double fixedService;

    private final Event arrival = (s, arg) -> arrive();
    private final Event departure = (s, arg) -> depart();

    // Waiting line: arrival times in a ring buffer whose length is a power of two.
    private double[] line = new double[64];
    private int head;
    private int length;
    private int busy;

    private long started;
    private long warmup;
    private long target;
    private double waitSum;
    private long measured;

    private MultiServerQueue(Config config, UniformRandomProvider arrivals, UniformRandomProvider service) {
        this.config = config;
        this.interarrival = ZigguratSampler.Exponential.of(arrivals, 1 / config.arrivalRate());
        if (config.service() == Service.EXPONENTIAL) {
            this.serviceTime = ZigguratSampler.Exponential.of(service, 1 / config.serviceRate());
        } else {
            this.serviceTime = null;
        }
        this.fixedService = 1 / config.serviceRate();
    }

    /**
     * Simulates the queue from empty.
     *
     * @param config parameters
     * @param arrivals generator for interarrival times
     * @param service generator for service times
     * @param warmup customers whose waits are discarded; {@code >= 0}
     * @param customers customers whose waits are measured; {@code >= 1}
     * @return the measurement
     * @throws IllegalArgumentException if the counts are out of range or the queue is unstable
     *     (utilisation {@code >= 1}), which would never settle
     */
    public static Result run(Config config, UniformRandomProvider arrivals, UniformRandomProvider service,
            long warmup, long customers) {
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, was " + warmup);
        }
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, was " + customers);
        }
        if (!(config.utilisation() < 1)) {
            throw new IllegalArgumentException(
                    "utilisation lambda/(c mu) must be < 1 for a steady state, was " + config.utilisation());
        }
        MultiServerQueue q = new MultiServerQueue(config, arrivals, service);
        return q.simulate(warmup, customers);
    }

    private Result simulate(long warmupCustomers, long customers) {
        this.warmup = warmupCustomers;
        this.target = customers;
        sim.schedule(interarrival.sample(), arrival, 0);
        sim.run(); // arrive()/startService() call sim.stop() once the target is reached
        return new Result(waitSum / measured, measured, sim.now(), sim.eventsFired());
    }

    private void arrive() {
        sim.schedule(interarrival.sample(), arrival, 0);
        if (busy < config.servers()) {
            busy++;
            startService(0.0);
        } else {
            enqueue(sim.now());
        }
    }

    private void depart() {
        if (length > 0) {
            startService(sim.now() - dequeue());
        } else {
            busy--;
        }
    }

    private void startService(double wait) {
        if (started++ >= warmup) {
            waitSum += wait;
            if (++measured == target) {
                sim.stop();
            }
        }
        double s = serviceTime == null ? fixedService : serviceTime.sample();
        sim.schedule(s, departure, 0);
    }

    private void enqueue(double time) {
        if (length == line.length) {
            double[] bigger = new double[line.length * 2];
            for (int i = 0; i < length; i++) {
                bigger[i] = line[(head + i) & (line.length - 1)];
            }
            line = bigger;
            head = 0;
        }
        line[(head + length) & (line.length - 1)] = time;
        length++;
    }

    private double dequeue() {
        double t = line[head];
        head = (head + 1) & (line.length - 1);
        length--;
        return t;
    }
}
