package org.alliancesim.measurement;

import java.util.Locale;

/** The four SOFTA dimensions; the first three are each member's, shared purpose is the family's. */
public enum Dimension {
    /** Engagement in the therapeutic process. */
    ENGAGEMENT,
    /** Emotional connection with the therapist. */
    CONNECTION,
    /** Safety within the therapeutic system. */
    SAFETY,
    /** The family's shared sense of purpose (family level). */
    SHARED_PURPOSE;

    /** Lower-cased once: the recorder names the scale of every rating it makes (was a third of a virtual study's time). */
    private final String scale = name().toLowerCase(Locale.ROOT);

    /** The dimension's name in measures.csv's {@code scale} column ({@code shared_purpose}). */
    public String scale() {
        return scale;
    }

    /** Whether the dimension is rated per member (engagement, connection, safety). */
    public boolean perMember() {
        return this != SHARED_PURPOSE;
    }
}
