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
     * A therapist was drawn: once per therapist, before any course of theirs ends (in clinic mode
     * every therapist when the replication starts; in a cohort when their first family meets them).
     * Hearing it changes no draw.
     */
    default void therapistDrawn(TherapistProfile therapist) {}
}
