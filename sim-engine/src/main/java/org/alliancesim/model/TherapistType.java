package org.alliancesim.model;

/**
 * One kind of therapist in the pool. Qualities are on 0..1 (0 none, 1 exemplary).
 *
 * @param name short label, used in outputs
 * @param share fraction of the pool, in (0, 1]; the shares of a pool sum to 1
 * @param experience novice or experienced
 * @param warmth 0..1: feeds the bond (Rogers; Bordin's bond)
 * @param empathy 0..1
 * @param genuineness 0..1
 * @param consistency 0..1: 1 gives the same support every session; lower values make it vary
 * @param repairSkill 0..1: probability of repairing a rupture (an experienced therapist's)
 * @param balance 0..1: 1 allies evenly with every member; lower values favour the adults and
 *     split the family's alliance
 * @param policy how the challenge of each session is chosen
 * @param challenge 0..2: the base challenge of a session (0 purely supportive, 1 a demanding
 *     session, 2 confrontational)
 * @param caseload families the therapist can see at once, 1..100 (clinic mode; in cohort mode it
 *     sizes the therapist pool)
 */
public record TherapistType(
        @Doc("short label, used in outputs") String name,
        @Doc(value = "fraction of the pool, in (0, 1]; the shares of a pool sum to 1", min = 0, exclusiveMin = true, max = 1) double share,
        @Doc("novice or experienced") Experience experience,
        @Doc(value = "0..1: feeds the bond (Rogers; Bordin's bond)", min = 0, max = 1) double warmth,
        @Doc(value = "0..1", min = 0, max = 1) double empathy,
        @Doc(value = "0..1", min = 0, max = 1) double genuineness,
        @Doc(value = "0..1: 1 gives the same support every session; lower values make it vary", min = 0, max = 1) double consistency,
        @Doc(value = "0..1: probability of repairing a rupture (an experienced therapist's)", min = 0, max = 1) double repairSkill,
        @Doc(value = "0..1: 1 allies evenly with every member; lower values favour the adults and split the family's alliance", min = 0, max = 1) double balance,
        @Doc("how the challenge of each session is chosen") ChallengePolicy policy,
        @Doc(value = "0..2: the base challenge of a session (0 purely supportive, 1 a demanding session, 2 confrontational)", min = 0, max = 2) double challenge,
        @Doc(value = "families the therapist can see at once, 1..100 (clinic mode; in cohort mode it sizes the therapist pool)", min = 1, max = 100) int caseload) {

    /** Validates the type. */
    public TherapistType {
        Check.present("name", name);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        Check.present("experience", experience);
        Check.range("warmth", warmth, 0, 1);
        Check.range("empathy", empathy, 0, 1);
        Check.range("genuineness", genuineness, 0, 1);
        Check.range("consistency", consistency, 0, 1);
        Check.range("repairSkill", repairSkill, 0, 1);
        Check.range("balance", balance, 0, 1);
        Check.present("policy", policy);
        Check.range("challenge", challenge, 0, 2);
        Check.range("caseload", caseload, 1, 100);
    }
}
