package org.alliancesim.model;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * A therapist during a replication: an individual drawn from their type, derived constants, and
 * the current caseload.
 *
 * <p>Each quality q of the type (warmth, empathy, genuineness, consistency, repair skill, balance,
 * in that order) is drawn logit-normally around the type's value: logit(q_j) = logit(q) +
 * spread / (q (1 - q)) * z, one standard normal z per quality. The type's value is the median of
 * its therapists; by the delta method the sd of q_j is about {@code spread}, and q_j stays in
 * (0, 1); a type value of exactly 0 or 1 is kept.
 * Six normals are drawn whatever the spread, so scenarios that differ only in their types'
 * values or spreads draw the same z for the same therapist (common random numbers).
 */
final class Therapist {

    final int id;
    final TherapistType type;
    final boolean novice;
    final double warmth;
    final double empathy;
    final double genuineness;
    final double consistency;
    final double repairSkill;
    final double balance;
    /** Base support per session, 0..1: the weighted mean of warmth, empathy and genuineness. */
    final double support;
    /** Repair skill, reduced for novices: the chance of repairing a rupture the alliance nearly held. */
    final double repairProbability;
    /** Families currently seen (clinic mode). */
    int load;

    /**
     * @param normal the therapist's own stream (its draws: six standard normals, one per quality)
     */
    Therapist(int id, TherapistType type, Dynamics d, NormalizedGaussianSampler normal) {
        this.id = id;
        this.type = type;
        this.novice = type.experience() == Experience.NOVICE;
        double s = type.spread();
        this.warmth = individual(type.warmth(), s, normal.sample());
        this.empathy = individual(type.empathy(), s, normal.sample());
        this.genuineness = individual(type.genuineness(), s, normal.sample());
        this.consistency = individual(type.consistency(), s, normal.sample());
        this.repairSkill = individual(type.repairSkill(), s, normal.sample());
        this.balance = individual(type.balance(), s, normal.sample());
        Dynamics.Trust t = d.trust();
        double wsum = t.warmthWeight() + t.empathyWeight() + t.genuinenessWeight();
        this.support = (t.warmthWeight() * warmth + t.empathyWeight() * empathy
                + t.genuinenessWeight() * genuineness) / wsum;
        this.repairProbability = repairSkill * (novice ? d.rupture().noviceRepairFactor() : 1);
    }

    /** A therapist exactly like their type (spread ignored): for tests of single mechanisms. */
    static Therapist typical(int id, TherapistType type, Dynamics d) {
        return new Therapist(id, type, d, () -> 0.0);
    }

    /** The quality {@code q} of one therapist: logit-normal around the type's value. */
    static double individual(double q, double spread, double z) {
        if (q <= 0 || q >= 1 || spread == 0) {
            return q;
        }
        double logit = Math.log(q / (1 - q)) + spread / (q * (1 - q)) * z;
        return 1 / (1 + Math.exp(-logit));
    }

    boolean hasCapacity() {
        return load < type.caseload();
    }
}
