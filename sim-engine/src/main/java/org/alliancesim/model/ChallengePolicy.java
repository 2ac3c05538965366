package org.alliancesim.model;

/** How a therapist sets the challenge of each session. */
public enum ChallengePolicy {
    /** The same challenge every session. */
    FIXED,
    /** Challenge rises by a fixed step each session, up to a ceiling. */
    ESCALATING,
    /** Challenge eases off when the weakest member's alliance is low. */
    RESPONSIVE
}
