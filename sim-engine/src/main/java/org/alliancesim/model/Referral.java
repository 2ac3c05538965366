package org.alliancesim.model;

/** How a family came to therapy. */
public enum Referral {
    /** The family sought help itself. */
    VOLUNTARY,
    /** Sent by a court, school or child-protection service (Sotero et al.: lower alliance on all SOFTA dimensions). */
    INVOLUNTARY
}
