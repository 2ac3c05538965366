package org.alliancesim.model;

/** A family member's role. Parents (and other adults) decide attendance (Kazdin 1996). */
public enum Role {
    /** A parent or carer. */
    PARENT,
    /** A young person of about 12 to 18. */
    ADOLESCENT,
    /** A child under about 12. */
    CHILD,
    /** Another adult: a partner in couple work, a grandparent, an adult sibling. */
    OTHER_ADULT;

    /** Whether the role is an adult's (the side an unbalanced therapist tends to ally with). */
    public boolean isAdult() {
        return this == PARENT || this == OTHER_ADULT;
    }
}
