package org.alliancesim.engine;

/**
 * Something that happens at a scheduled simulated time.
 *
 * <p>An event is scheduled together with an {@code int} argument (typically the index of the
 * entity it concerns: a customer, a family), so one event object can serve every entity of a kind
 * and scheduling allocates nothing. Implementations are usually long-lived fields of a model, for
 * example {@code private final Event arrival = (sim, customer) -> arrive(customer);}.
 */
@FunctionalInterface
public interface Event {

    /**
     * Carries out the event. When this is called, {@link Simulation#now()} is the event's time.
     *
     * @param sim the simulation firing the event; the event may schedule, cancel and reschedule
     *     other events through it, or {@linkplain Simulation#stop() stop} it
     * @param arg the argument given when the event was scheduled
     */
    void fire(Simulation sim, int arg);
}
