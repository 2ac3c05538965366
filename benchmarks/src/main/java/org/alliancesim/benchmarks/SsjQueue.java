package org.alliancesim.benchmarks;

import java.util.LinkedList;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.randvar.RandomVariateGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The M/M/c queue of {@link org.alliancesim.engine.example.MultiServerQueue}, written for SSJ
 * (Stochastic Simulation in Java, L'Ecuyer et al.) in its event-scheduling style, as in SSJ's own
 * {@code QueueEv} example: {@code Event} subclasses whose {@code actions()} schedule new event
 * objects, a {@code LinkedList} of waiting customers, MRG32k3a streams with {@code ExponentialGen}.
 * It measures the same statistic (mean wait in queue of the first {@code customers} to start
 * service) so that both kernels do the same work.
 */
final class SsjQueue {

    /** A waiting customer, as in SSJ's example. */
    private static final class Customer {
        final double arrivalTime;

        Customer(double arrivalTime) {
            this.arrivalTime = arrivalTime;
        }
    }

    private final Simulator sim = new Simulator();
    private final RandomVariateGen interarrival;
    private final RandomVariateGen service;
    private final int servers;
    private final LinkedList<Customer> line = new LinkedList<>();
    private int busy;
    private long target;
    private long measured;
    private double waitSum;

    SsjQueue(double lambda, double mu, int servers) {
        this.interarrival = new ExponentialGen(new MRG32k3a(), lambda);
        this.service = new ExponentialGen(new MRG32k3a(), mu);
        this.servers = servers;
    }

    /** Simulates from empty until {@code customers} have started service; returns their mean wait. */
    double run(long customers) {
        target = customers;
        sim.init();
        new Arrival(sim).schedule(interarrival.nextDouble());
        sim.start();
        return waitSum / measured;
    }

    private void startService(double wait) {
        waitSum += wait;
        if (++measured == target) {
            sim.stop();
        }
        new Departure(sim).schedule(service.nextDouble());
    }

    private final class Arrival extends Event {
        Arrival(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
            new Arrival(sim).schedule(interarrival.nextDouble());
            if (busy < servers) {
                busy++;
                startService(0.0);
            } else {
                line.addLast(new Customer(sim.time()));
            }
        }
    }

    private final class Departure extends Event {
        Departure(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {
            if (!line.isEmpty()) {
                startService(sim.time() - line.removeFirst().arrivalTime);
            } else {
                busy--;
            }
        }
    }
}
