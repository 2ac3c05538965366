package org.alliancesim.model;

/**
 * One kind of therapist in the pool. Qualities are on (0 none, 1 exemplary). Therapists are
 * individuals: each therapist of this type draws their own warmth, empathy, genuineness,
 * consistency, repair skill and balance around the type's values, with sd about {@code spread}
 * (logit-normal, so every quality stays in [0, 1]; see {@link Therapist}).
 *
 * @param name short label, used in outputs
 * @param share fraction of the pool; the shares of a pool sum to 1
 * @param experience novice or experienced
 * @param warmth feeds the bond (Rogers; Bordin's bond)
 * @param empathy
 * @param genuineness
 * @param consistency 1 gives the same support every session; lower values make it vary
 * @param repairSkill probability of repairing a rupture (an experienced therapist's)
 * @param balance 1 allies evenly with every member; lower values favour the adults and
 *     split the family's alliance
 * @param policy how the challenge of each session is chosen
 * @param challenge the base challenge of a session (0 purely supportive, 1 a demanding
 *     session, 2 confrontational)
 * @param caseload families the therapist can see at once (clinic mode; in cohort mode it
 *     sizes the therapist pool)
 * @param spread sd of each quality among the therapists of this type (0: all alike)
 */
public record TherapistType(
        @Doc("short label, used in outputs") String name,
        @Doc(value = "fraction of the pool; the shares of a pool sum to 1", min = 0, exclusiveMin = true, max = 1) double share,
        @Doc("novice or experienced") Experience experience,
        @Doc(value = "feeds the bond (Rogers; Bordin's bond)", min = 0, max = 1) double warmth,
        @Doc(value = "feeds the bond (Rogers)", min = 0, max = 1) double empathy,
        @Doc(value = "feeds the bond (Rogers)", min = 0, max = 1) double genuineness,
        @Doc(value = "1 gives the same support every session; lower values make it vary", min = 0, max = 1) double consistency,
        @Doc(value = "probability of repairing a rupture (an experienced therapist's)", min = 0, max = 1) double repairSkill,
        @Doc(value = "1 allies evenly with every member; lower values favour the adults and split the family's alliance", min = 0, max = 1) double balance,
        @Doc("how the challenge of each session is chosen") ChallengePolicy policy,
        @Doc(value = "the base challenge of a session (0 purely supportive, 1 a demanding session, 2 confrontational)", min = 0, max = 2) double challenge,
        @Doc(value = "families the therapist can see at once (clinic mode; in cohort mode it sizes the therapist pool)", min = 1, max = 100) int caseload,
        @Doc(value = "sd of each quality (warmth, empathy, genuineness, consistency, repair skill, balance) among the therapists of this type (0: all alike)", min = 0, max = 0.5) double spread) {

    /** Validates the type. */
    public TherapistType {
        Check.present("name", name);
        Bounds.checkAll(TherapistType.class, name, share, experience, warmth, empathy, genuineness, consistency,
                repairSkill, balance, policy, challenge, caseload, spread);
        Check.present("experience", experience);
        Check.present("policy", policy);
    }
}
