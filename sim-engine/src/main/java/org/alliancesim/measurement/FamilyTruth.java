package org.alliancesim.measurement;

import org.alliancesim.model.EndReason;

/**
 * The latent values a study sets beside its observed ones, for one family: what the instruments
 * tried to measure.
 *
 * @param replication replication number
 * @param familyId family number within the replication
 * @param therapistId the family's therapist (-1 if never assigned)
 * @param endReason how the course ended
 * @param sessionsAttended sessions attended
 * @param allianceFirst latent family alliance after session 1 (mean member composite); NaN if none
 * @param allianceThird latent family alliance after session 3; NaN if fewer attended
 * @param improvement the model's accumulated improvement (1.0 = reliable change)
 * @param functioningBaseline latent outcome score at baseline (instrument points); NaN if the family
 *     never started
 * @param functioningEnd latent outcome score at the end of the course; NaN if never started
 */
public record FamilyTruth(int replication, int familyId, int therapistId, EndReason endReason, int sessionsAttended,
        double allianceFirst, double allianceThird, double improvement, double functioningBaseline,
        double functioningEnd) {

    /** Whether the family dropped out (after at least one session). */
    public boolean dropout() {
        return endReason == EndReason.DROPOUT;
    }

    /** Whether the family attended at least one session (and so was measured). */
    public boolean started() {
        return sessionsAttended > 0;
    }
}
