package org.alliancesim.model;

/**
 * How one family's course went: one record per family and replication. Alliance values are on
 * the SOFTA scale -3..+3; "family alliance" is the mean over members of each member's composite
 * (the mean of engagement, emotional connection and safety).
 *
 * @param replication replication number
 * @param familyId family number within the replication, from 0
 * @param familyType name of the family's type
 * @param size number of members
 * @param referral voluntary or involuntary
 * @param conflict the family's own conflict level
 * @param prepared whether the family was prepared for the setting (by its type or an orientation)
 * @param therapistId therapist number within the replication, from 0; -1 if never assigned
 * @param therapistType name of the therapist's type; null if never assigned
 * @param therapistExperience the therapist's experience; null if never assigned
 * @param sessionsAttended sessions attended
 * @param noShows sessions missed by not coming
 * @param endReason how the course ended
 * @param endSession the session at which the course ended: the last attended session for
 *     completions and censored courses; for dropout, the session the family did not come to
 *     (sessions attended + 1); 0 for waitlist dropout
 * @param endDay simulated day on which the course ended
 * @param waitDays days between referral and the first session (0 in cohort mode; for families
 *     that never started, days waited until they left or the horizon); never negative: a cohort
 *     family whose first appointment lies beyond the horizon is censored with 0 sessions and 0 days
 * @param improvement accumulated improvement (1.0 = reliable change by default)
 * @param reliableImprovement whether improvement reached the reliable-change threshold
 * @param reliableSession the session at which reliable change was first reached, 0 if never
 * @param ruptures ruptures over the course (member-sessions with a rupture)
 * @param repairs ruptures that were repaired
 * @param allianceFirst family alliance after session 1; NaN if no session attended
 * @param allianceThird family alliance after session 3; NaN if fewer than 3 attended
 * @param allianceLast family alliance after the last attended session; NaN if none
 * @param splitMax largest spread (max - min member composite alliance) after any session
 * @param gapMax largest parent-minus-young-person alliance gap (mean of adults' composites minus
 *     mean of adolescents' and children's) after any session, by absolute value with its sign;
 *     NaN for families without both
 * @param sharedPurposeLast family shared sense of purpose after the last attended session
 */
public record CourseRecord(int replication, int familyId, String familyType, int size, Referral referral,
        double conflict, boolean prepared, int therapistId, String therapistType, Experience therapistExperience, int sessionsAttended,
        int noShows, EndReason endReason, int endSession, double endDay, double waitDays, double improvement,
        boolean reliableImprovement, int reliableSession, int ruptures, int repairs, double allianceFirst,
        double allianceThird, double allianceLast, double splitMax, double gapMax, double sharedPurposeLast) {
}
