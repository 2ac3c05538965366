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
 *
 * <p>Beyond their type, therapists differ in two skills ({@link Dynamics.Skills}; docs/model.md,
 * 3.0): a retention skill z_R, which lowers the practical barriers of the families they see by
 * {@link #engagement} = engagementSd z_R (engagement work) and shifts warmth, empathy,
 * genuineness, consistency and repair skill together, logit(q_j) = logit(q) + (spread z_q +
 * retentionSd z_R) / (q (1 - q)); and an
 * outcome skill z_O = correlation z_R + sqrt(1 - correlation^2) z', which multiplies the progress
 * a unit of work makes by {@link #focus} = exp(outcomeSd z_O). Distinct qualities, so that a
 * therapist's dropout and deterioration rates can be nearly independent (Saxon, Barkham, Foster
 * and Parry 2017: Spearman rho about 0.07).
 *
 * <p>Eight normals are drawn whatever the spreads, in this order: six for the qualities, then z_R
 * and z'; so scenarios that differ only in their types' values or in the spreads draw the same z
 * for the same therapist (common random numbers).
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
    /**
     * The retention skill's engagement work: log-odds taken off the practical barriers of every
     * family this therapist sees (0 without {@link Dynamics.Skills#engagementSd()}).
     */
    final double engagement;
    /** The outcome skill: multiplier (> 0, median 1) on the progress each unit of work makes. */
    final double focus;
    /** Families currently seen (clinic mode). */
    int load;

    /**
     * @param normal the therapist's own stream (its draws: six standard normals, one per quality,
     *     then the retention skill's and the outcome skill's own)
     */
    Therapist(int id, TherapistType type, Dynamics d, NormalizedGaussianSampler normal) {
        this.id = id;
        this.type = type;
        this.novice = type.experience() == Experience.NOVICE;
        double s = type.spread();
        double zWarmth = normal.sample();
        double zEmpathy = normal.sample();
        double zGenuineness = normal.sample();
        double zConsistency = normal.sample();
        double zRepair = normal.sample();
        double zBalance = normal.sample();
        double zRetention = normal.sample();
        double zOutcomeOwn = normal.sample();
        Dynamics.Skills k = d.skills();
        // The retention skill moves every quality that keeps a family coming, together.
        double r = k.retentionSd() * zRetention;
        this.warmth = individual(type.warmth(), s, zWarmth, r);
        this.empathy = individual(type.empathy(), s, zEmpathy, r);
        this.genuineness = individual(type.genuineness(), s, zGenuineness, r);
        this.consistency = individual(type.consistency(), s, zConsistency, r);
        this.repairSkill = individual(type.repairSkill(), s, zRepair, r);
        this.balance = individual(type.balance(), s, zBalance);
        // The outcome skill, correlated with the retention skill by k.correlation().
        double zOutcome = k.correlation() * zRetention
                + Math.sqrt(1 - k.correlation() * k.correlation()) * zOutcomeOwn;
        this.engagement = k.engagementSd() * zRetention;
        this.focus = k.outcomeSd() == 0 ? 1 : Math.exp(k.outcomeSd() * zOutcome);
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
        return individual(q, spread, z, 0);
    }

    /**
     * The quality {@code q} of one therapist, also shifted by their retention skill {@code skill}
     * (quality units at the median): logit(q_j) = logit(q) + (spread z + skill) / (q (1 - q)).
     * A type value of exactly 0 or 1 is kept.
     */
    static double individual(double q, double spread, double z, double skill) {
        if (q <= 0 || q >= 1 || (spread == 0 && skill == 0)) {
            return q;
        }
        double logit = Math.log(q / (1 - q)) + spread / (q * (1 - q)) * z + skill / (q * (1 - q));
        return 1 / (1 + Math.exp(-logit));
    }

    boolean hasCapacity() {
        return load < type.caseload();
    }
}
