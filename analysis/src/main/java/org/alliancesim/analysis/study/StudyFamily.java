package org.alliancesim.analysis.study;

import org.alliancesim.model.EndReason;

/**
 * One family of a virtual study: a row of study.csv (docs/outputs.md), its observed values beside
 * the latent ones they measure. Observed early alliance is the SOFTA-o consensus composite at the
 * design's early session: each member's mean of engagement, connection and safety, averaged over the
 * members (the latent value is the same composite of the model's values, the family alliance of
 * docs/model.md). Split alliance is the largest minus the smallest member composite.
 *
 * @param replication the virtual study's replication
 * @param familyId family number
 * @param therapistId the family's therapist
 * @param endReason how the course ended
 * @param sessionsAttended sessions attended
 * @param allianceObserved observed early alliance; NaN if the family did not reach the early session
 * @param allianceLatent latent early alliance; NaN likewise
 * @param splitObserved observed early split alliance; NaN likewise
 * @param splitLatent latent early split alliance; NaN likewise
 * @param outcomeBaseline observed outcome at baseline; NaN when missing or never started
 * @param outcomeEnd observed outcome at the end; NaN unless completed (and answered)
 * @param rci reliable change index from the observed scores; NaN when either is missing
 * @param outcomeBaselineLatent latent outcome at baseline; NaN if never started
 * @param outcomeEndLatent latent outcome at the end of the course (dropouts too); NaN if never started
 */
public record StudyFamily(int replication, int familyId, int therapistId, EndReason endReason, int sessionsAttended,
        double allianceObserved, double allianceLatent, double splitObserved, double splitLatent,
        double outcomeBaseline, double outcomeEnd, double rci, double outcomeBaselineLatent,
        double outcomeEndLatent) {

    /** Whether the family dropped out (after at least one session). */
    public boolean dropout() {
        return endReason == EndReason.DROPOUT;
    }

    /** Whether the family completed (goals met or session limit). */
    public boolean completed() {
        return endReason.isCompletion();
    }

    /** Whether the family is in the dropout analyses: completed or dropped out, early alliance measured. */
    public boolean inDropoutAnalyses() {
        return (completed() || dropout()) && !Double.isNaN(allianceObserved);
    }
}
