package org.alliancesim.model;

/**
 * A family member during a replication: fixed traits and the three per-member SOFTA dimensions
 * (-3..+3). Mutable; owned by its {@link Family}.
 */
final class Member {

    static final double MIN_ALLIANCE = -3;
    static final double MAX_ALLIANCE = 3;
    private static final double ONE_THIRD = 1.0 / 3;

    final int id;
    final Role role;
    final boolean identifiedPatient;
    /** Discomfort the member can take regardless of alliance (discomfort units). */
    final double tolerance;
    /** Weight in deciding attendance. */
    final double decisionWeight;
    /** +1 for adults, -1 for young people: the side an unbalanced therapist favours or neglects. */
    final double side;
    /** Discomfort per unit of challenge (by role). */
    final double sensitivity;

    double engagement;
    double connection;
    double safety;
    /**
     * What the therapist has learned about this member: the challenge the member gets is the
     * session's challenge times this (1 until a repaired rupture teaches the therapist otherwise).
     */
    double challengeScale = 1;
    /**
     * How much less this member pays for a later uncomfortable session (safety for discomfort, trust
     * for an unrepaired rupture), 0..1, grown by repaired
     * ruptures under the tested-trust repair rule ({@link RepairRule.TestedTrust}); 0 under every
     * other rule.
     */
    double resilience;
    /**
     * The Bayesian trust rule's memory ({@link TrustRule.BetaReputation}): the weight left to the
     * starting alliance (1, discounted each session), and the sessions of evidence since (discounted).
     */
    double trustPriorWeight = 1;
    double trustEvidence;

    Member(int id, Role role, boolean identifiedPatient, double tolerance, double decisionWeight,
            double sensitivity, double engagement, double connection, double safety) {
        this.id = id;
        this.role = role;
        this.identifiedPatient = identifiedPatient;
        this.tolerance = tolerance;
        this.decisionWeight = decisionWeight;
        this.side = role.isAdult() ? 1 : -1;
        this.sensitivity = sensitivity;
        this.engagement = clamp(engagement);
        this.connection = clamp(connection);
        this.safety = clamp(safety);
    }

    /** The composite alliance: mean of engagement, connection and safety. */
    double composite() {
        return (engagement + connection + safety) * ONE_THIRD;
    }

    /**
     * The alliance that holds discomfort, weighted toward safety: a client carries on through an
     * uncomfortable session because they still feel safe (LITERATURE.md, situation 2).
     *
     * @param safetyShare weight of safety; connection and engagement share the rest equally
     */
    double holding(double safetyShare) {
        return safetyShare * safety + (1 - safetyShare) * 0.5 * (connection + engagement);
    }

    static double clamp(double a) {
        return a < MIN_ALLIANCE ? MIN_ALLIANCE : (a > MAX_ALLIANCE ? MAX_ALLIANCE : a);
    }
}
