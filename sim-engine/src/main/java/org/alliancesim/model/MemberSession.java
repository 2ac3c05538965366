package org.alliancesim.model;

/**
 * One member's state at the end of one attended session (alliance after the session's updates).
 *
 * @param memberId member number within the family, from 0
 * @param role the member's role
 * @param identifiedPatient whether the member is the identified patient
 * @param engagement SOFTA engagement
 * @param connection SOFTA emotional connection with the therapist
 * @param safety SOFTA safety within the therapeutic system
 * @param alliance composite: mean of the three
 * @param allianceBefore composite before the session
 * @param discomfort discomfort felt in the session (discomfort units, >= 0)
 * @param capacity what the member's alliance could hold this session (discomfort units)
 * @param rupture whether discomfort exceeded capacity
 * @param repaired whether the rupture was repaired
 */
public record MemberSession(int memberId, Role role, boolean identifiedPatient, double engagement,
        double connection, double safety, double alliance, double allianceBefore, double discomfort,
        double capacity, boolean rupture, boolean repaired) {
}
