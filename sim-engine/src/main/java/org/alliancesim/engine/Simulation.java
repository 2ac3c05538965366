package org.alliancesim.engine;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A discrete-event simulation: a clock and a calendar of pending events.
 *
 * <h2>Time</h2>
 * The clock is a {@code double} counting <b>days</b> from 0. It only moves forward: it jumps to the
 * time of each event as the event fires.
 *
 * <h2>Ordering contract</h2>
 * Events fire in order of their scheduled time. Events scheduled for exactly the same time fire
 * <b>first-in-first-out</b>, in the order in which they were scheduled (a global insertion counter
 * breaks the tie, as in SimPy). {@link #reschedule(long, double) Rescheduling} counts as a new
 * insertion: a rescheduled event fires after every event already scheduled for the same time.
 * There is no random tie-breaking: a run is a deterministic function of its inputs and its
 * random streams.
 *
 * <h2>Handles</h2>
 * {@link #schedule} returns a {@code long} handle by which the event can be cancelled or
 * rescheduled while it is pending. Once the event has fired or been cancelled the handle is stale:
 * {@link #cancel} and {@link #reschedule} return {@code false} for it and touch nothing, even if
 * the calendar's storage has been reused. {@link #NO_EVENT} is never a valid handle.
 *
 * <h2>Cost</h2>
 * The calendar is a 4-ary heap over primitive arrays: schedule, cancel and reschedule take
 * O(log n), and a simulation whose events are long-lived objects (see {@link Event}) allocates
 * nothing per event once its arrays have grown to the peak number of pending events.
 *
 * <p>Not thread-safe: one simulation belongs to one thread. Independent replications run as
 * independent {@code Simulation} instances.
 */
public final class Simulation {

    /** A handle value that never names a pending event; useful as "none" in model fields. */
    public static final long NO_EVENT = 0L;

    private final EventCalendar calendar;
    private double now;
    private long fired;
    private boolean stopRequested;

    /** A simulation at time 0 with an empty calendar. */
    public Simulation() {
        this(64);
    }

    /**
     * A simulation at time 0 with room for {@code expectedPending} pending events before the
     * calendar grows.
     *
     * @param expectedPending a sizing hint; must not be negative
     * @throws IllegalArgumentException if {@code expectedPending} is negative
     */
    public Simulation(int expectedPending) {
        if (expectedPending < 0) {
            throw new IllegalArgumentException("expectedPending must be >= 0, was " + expectedPending);
        }
        this.calendar = new EventCalendar(expectedPending);
    }

    /** The current simulated time in days. */
    public double now() {
        return now;
    }

    /** Number of events fired since this simulation was created. */
    public long eventsFired() {
        return fired;
    }

    /** Number of events waiting in the calendar. */
    public int pending() {
        return calendar.size();
    }

    /**
     * Schedules {@code event} to fire {@code delay} days from now.
     *
     * @param delay days from now; finite and {@code >= 0} (0 fires after the events already
     *     scheduled for the current time)
     * @param event what fires
     * @param arg passed to {@link Event#fire}
     * @return a handle for {@link #cancel} and {@link #reschedule}
     * @throws IllegalArgumentException if {@code delay} is negative, NaN or infinite
     */
    public long schedule(double delay, Event event, int arg) {
        if (!(delay >= 0) || delay == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("delay must be finite and >= 0 days, was " + delay);
        }
        return calendar.add(now + delay, Objects.requireNonNull(event, "event"), arg);
    }

    /**
     * Schedules {@code event} to fire at absolute time {@code time}.
     *
     * @param time days since the start; finite and not before {@link #now()}
     * @throws IllegalArgumentException if {@code time} is before now, NaN or infinite
     */
    public long scheduleAt(double time, Event event, int arg) {
        if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "time must be finite and not before now (" + now + "), was " + time);
        }
        return calendar.add(time, Objects.requireNonNull(event, "event"), arg);
    }

    /**
     * Removes a pending event from the calendar.
     *
     * @return {@code true} if the event was pending and is now cancelled; {@code false} if the
     *     handle is stale (the event already fired or was cancelled) or {@link #NO_EVENT}
     */
    public boolean cancel(long handle) {
        return calendar.cancel(handle);
    }

    /**
     * Moves a pending event to absolute time {@code time}. For tie-breaking it counts as newly
     * scheduled.
     *
     * @return {@code true} if the event was pending and has been moved; {@code false} if the handle
     *     is stale
     * @throws IllegalArgumentException if {@code time} is before now, NaN or infinite
     */
    public boolean reschedule(long handle, double time) {
        if (!(time >= now) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "time must be finite and not before now (" + now + "), was " + time);
        }
        return calendar.reschedule(handle, time);
    }

    /** Whether the event named by {@code handle} is still waiting to fire. */
    public boolean isPending(long handle) {
        return calendar.isPending(handle);
    }

    /** The scheduled time of a pending event, or NaN if the handle is stale. */
    public double timeOf(long handle) {
        return calendar.timeOf(handle);
    }

    /**
     * Empties the calendar and sets the clock back to 0, keeping the calendar's storage, so one
     * simulation can run many independent sub-models in turn without allocating. Pending handles
     * become stale. {@link #eventsFired()} keeps counting. Must not be called from an event.
     */
    public void reset() {
        calendar.clear();
        now = 0;
        stopRequested = false;
    }

    /**
     * Asks the running loop to return after the current event. Events still pending stay in the
     * calendar, and a later {@code run*} call continues from them.
     */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Fires events until the calendar is empty or {@link #stop()} is called.
     *
     * @return the number of events fired by this call
     */
    public long run() {
        return loop(Double.POSITIVE_INFINITY, null);
    }

    /**
     * Fires every event scheduled at or before {@code endTime}, then sets the clock to
     * {@code endTime} (unless stopped earlier). Events after {@code endTime} stay pending.
     *
     * @param endTime days; not before {@link #now()}
     * @return the number of events fired by this call
     * @throws IllegalArgumentException if {@code endTime} is before now or NaN
     */
    public long runUntil(double endTime) {
        if (!(endTime >= now)) {
            throw new IllegalArgumentException(
                    "endTime must not be before now (" + now + "), was " + endTime);
        }
        return loop(endTime, null);
    }

    /**
     * Fires events until {@code stopCondition} returns {@code true}, the calendar is empty, or
     * {@link #stop()} is called. The condition is checked after each event.
     *
     * @return the number of events fired by this call
     */
    public long runUntil(BooleanSupplier stopCondition) {
        return loop(Double.POSITIVE_INFINITY, Objects.requireNonNull(stopCondition, "stopCondition"));
    }

    private long loop(double endTime, BooleanSupplier stopCondition) {
        stopRequested = false;
        long start = fired;
        EventCalendar cal = calendar;
        while (!cal.isEmpty()) {
            double t = cal.peekTime();
            if (t > endTime) {
                break;
            }
            int slot = cal.peekSlot();
            Event event = cal.event(slot);
            int arg = cal.arg(slot);
            cal.removeFirst();
            now = t;
            fired++;
            event.fire(this, arg);
            if (stopRequested || (stopCondition != null && stopCondition.getAsBoolean())) {
                stopRequested = false;
                return fired - start;
            }
        }
        if (endTime != Double.POSITIVE_INFINITY) {
            now = endTime;
        }
        return fired - start;
    }
}
