package org.alliancesim.model;

/**
 * How a course ended. Exactly one per family. Completion by goals met is kept apart from dropout,
 * as LITERATURE.md asks: dropout here means the family stopped coming before its goals were met
 * and before the session limit (premature, unilateral termination).
 */
public enum EndReason {
    /** The family's improvement reached its own "good enough" goal (Barkham et al. 2006). */
    GOALS_MET,
    /** The family attended the session limit. */
    SESSION_LIMIT,
    /** The family left after at least one session, before goals were met or the limit reached. */
    DROPOUT,
    /** Clinic mode: the family left the waitlist before its first session. */
    WAITLIST_DROPOUT,
    /** The run's horizon came first: still waiting or still in treatment. */
    CENSORED;

    /** Whether this is a completed course (goals met or session limit). */
    public boolean isCompletion() {
        return this == GOALS_MET || this == SESSION_LIMIT;
    }
}
