package org.alliancesim.model;

/** How families enter the simulation. */
public enum RunMode {
    /** All families start together, each with a therapist from the pool; no capacity limit. */
    COHORT,
    /** Referrals arrive over time; therapists have caseload capacity; a waitlist forms. */
    CLINIC
}
