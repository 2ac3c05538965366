package org.alliancesim.model;

/** A therapist during a replication: a type, derived constants, and the current caseload. */
final class Therapist {

    final int id;
    final TherapistType type;
    final boolean novice;
    /** Base support per session, 0..1: the weighted mean of warmth, empathy and genuineness. */
    final double support;
    /** Probability of repairing a rupture: repair skill, reduced for novices. */
    final double repairProbability;
    /** Families currently seen (clinic mode). */
    int load;

    Therapist(int id, TherapistType type, Dynamics d) {
        this.id = id;
        this.type = type;
        this.novice = type.experience() == Experience.NOVICE;
        Dynamics.Trust t = d.trust();
        double wsum = t.warmthWeight() + t.empathyWeight() + t.genuinenessWeight();
        this.support = (t.warmthWeight() * type.warmth() + t.empathyWeight() * type.empathy()
                + t.genuinenessWeight() * type.genuineness()) / wsum;
        this.repairProbability = type.repairSkill() * (novice ? d.rupture().noviceRepairFactor() : 1);
    }

    boolean hasCapacity() {
        return load < type.caseload();
    }
}
