package org.alliancesim.model;

import java.util.List;

/**
 * One kind of family in the population mixture.
 *
 * @param name short label, used in outputs (for example "two-parent-adolescent")
 * @param share fraction of the population; the shares of a population sum to 1
 * @param roles the members' roles, 2 to 6 of them (the family size is their number)
 * @param identifiedPatient index into {@code roles} of the identified patient (the member whose
 *     problem brought the family), or -1 for none
 * @param referral voluntary or involuntary
 * @param conflict mean family conflict, 0 (calm) to 1 (openly hostile); each family's own level
 *     is drawn around it with sd {@link Dynamics.Climate#conflictSd()}
 * @param prepared whether families of this kind were told beforehand what the setting involves
 *     (reflecting team, mirror, cameras)
 */
public record FamilyType(
        @Doc("short label, used in outputs (for example \"two-parent-adolescent\")") String name,
        @Doc(value = "fraction of the population; the shares of a population sum to 1", min = 0, exclusiveMin = true, max = 1) double share,
        @Doc("the members' roles, 2 to 6 of them (the family size is their number)") List<Role> roles,
        @Doc(value = "index into roles of the identified patient (the member whose problem brought the family), or -1 for none", min = -1, max = 5) int identifiedPatient,
        @Doc("voluntary or involuntary") Referral referral,
        @Doc(value = "mean family conflict, 0 (calm) to 1 (openly hostile); each family's own level is drawn around it with sd conflictSd", min = 0, max = 1) double conflict,
        @Doc("whether families of this kind were told beforehand what the setting involves (reflecting team, mirror, cameras)") boolean prepared) {

    /** Smallest and largest family. */
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 6;

    /** Validates the type. */
    public FamilyType {
        Check.present("name", name);
        Check.present("roles", roles);
        for (Role r : roles) {
            if (r == null) {
                throw new ParameterException("roles", "an empty entry", "a list of roles without empty entries");
            }
        }
        roles = List.copyOf(roles);
        if (roles.size() < MIN_SIZE || roles.size() > MAX_SIZE) {
            throw new ParameterException("roles", roles.size() + " members", "a list of " + MIN_SIZE + " to "
                    + MAX_SIZE + " members");
        }
        Check.range("identifiedPatient", identifiedPatient, -1, roles.size() - 1);
        Check.present("referral", referral);
        // After the identified patient's own, narrower, check (its bound is the family's size).
        Bounds.checkAll(FamilyType.class, name, share, roles, identifiedPatient, referral, conflict, prepared);
    }

    /** Number of members. */
    public int size() {
        return roles.size();
    }
}
