package org.alliancesim.model;

import java.util.List;

/**
 * One attended session of one family, emitted only when a run asks for session detail.
 *
 * @param replication replication number
 * @param familyId family number
 * @param session session number, from 1
 * @param day simulated day of the session
 * @param challenge the challenge the therapist set
 * @param novelty the setting's novelty discomfort this session
 * @param support the therapist's support this session (before balance)
 * @param conflict family conflict after the session (work lowers it)
 * @param sharedPurpose family shared sense of purpose after the session
 * @param split spread of member composite alliance after the session (max - min)
 * @param gap parent-minus-young-person alliance gap after the session; NaN if not applicable
 * @param improvement accumulated improvement after the session
 * @param members each member's state
 */
public record SessionRecord(int replication, int familyId, int session, double day, double challenge,
        double novelty, double support, double conflict, double sharedPurpose, double split, double gap, double improvement,
        List<MemberSession> members) {

    /** Copies the member list. */
    public SessionRecord {
        members = List.copyOf(members);
    }
}
