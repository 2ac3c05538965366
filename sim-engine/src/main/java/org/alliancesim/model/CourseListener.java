package org.alliancesim.model;

/**
 * Receives what a replication produces, as it happens: nothing forces a run to keep families in
 * memory. Called from the thread running the replication, in simulated-time order.
 */
public interface CourseListener {

    /** A family's course has ended (or was censored at the horizon). Called once per family. */
    void courseEnded(CourseRecord course);

    /**
     * A family attended a session. Called only when the run was asked for session detail.
     */
    default void sessionAttended(SessionRecord session) {}

    /**
     * The last session whose detail this listener reads: with session detail, the sessions after it
     * are not recorded for it (a listener that rates session 1 only spares the run the records of
     * every later session). By default every session. Asked once, when the replication starts;
     * what a listener wants changes no draw.
     */
    default int sessionsWanted() {
        return Integer.MAX_VALUE;
    }

    /**
     * A therapist was drawn: once per therapist, before any course of theirs ends (in clinic mode
     * every therapist when the replication starts; in a cohort when their first family meets them).
     * Hearing it changes no draw.
     */
    default void therapistDrawn(TherapistProfile therapist) {}
}
