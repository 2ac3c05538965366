package org.alliancesim.model;

/**
 * The therapy room. Observation devices unsettle families at first, less so once they habituate,
 * and much less if they were prepared (LITERATURE.md, situation 6).
 *
 * @param reflectingTeam a team of colleagues watches and comments in the family's presence
 * @param oneWayMirror colleagues watch from behind a one-way mirror
 * @param cameras sessions are filmed
 * @param orientationSession every family has an orientation visit before its first session,
 *     which prepares it for the setting and counts as a first exposure
 */
public record Setting(
        @Doc("a team of colleagues watches and comments in the family's presence") boolean reflectingTeam,
        @Doc("colleagues watch from behind a one-way mirror") boolean oneWayMirror,
        @Doc("sessions are filmed") boolean cameras,
        @Doc("every family has an orientation visit before its first session, which prepares it for the setting and counts as a first exposure") boolean orientationSession) {

    /** An ordinary outpatient room: no observation, no orientation. */
    public static Setting plainRoom() {
        return new Setting(false, false, false, false);
    }
}
