package org.alliancesim.measurement;

import org.alliancesim.model.Role;

/**
 * One observed score: a row of measures.csv (docs/outputs.md), in long format.
 *
 * @param replication replication number
 * @param familyId family number within the replication
 * @param therapistId the family's therapist
 * @param memberId member number within the family, or {@link #NONE} for family-level scores
 * @param role the member's role, or null for family-level scores
 * @param session the session after which the score was taken; 0 for the outcome's baseline;
 *     {@link #NONE} for the follow-up and its change index
 * @param instrument which instrument
 * @param scale what was scored: a SOFTA dimension ({@code engagement}), a SOFTA-s item
 *     ({@code engagement_1}), or an outcome occasion ({@code baseline}, {@code session}, {@code end},
 *     {@code follow_up}, {@code rci}, {@code rci_follow_up})
 * @param rater SOFTA-o rater 1 to 3, or {@link #NONE}: the raters' consensus score for SOFTA-o,
 *     not applicable otherwise
 * @param score the score; NaN when missing (non-response, or no end measure after dropout)
 */
public record Measure(int replication, int familyId, int therapistId, int memberId, Role role, int session,
        Instrument instrument, String scale, int rater, double score) {

    /** Marks a member, session or rater that does not apply (written as an empty field). */
    public static final int NONE = -1;

    /** Whether the score is missing. */
    public boolean missing() {
        return Double.isNaN(score);
    }
}
