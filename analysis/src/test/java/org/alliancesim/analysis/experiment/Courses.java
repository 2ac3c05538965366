package org.alliancesim.analysis.experiment;

import java.util.List;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.Experience;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;

/** Constructed course and session records for tests of the tallies. */
public final class Courses {

    private Courses() {}

    /** A course of family {@code family} with therapist {@code therapist} and the fields the tallies read. */
    public static CourseRecord course(int family, int therapist, EndReason end, int sessions, double improvement,
            int ruptures, int repairs) {
        return new CourseRecord(0, family, "f", 2, Referral.VOLUNTARY, 0.3, true, therapist,
                therapist < 0 ? null : "t", therapist < 0 ? null : Experience.EXPERIENCED, sessions, 0, end, sessions,
                7.0 * sessions, 0, improvement, improvement >= 1, improvement >= 1 ? sessions : 0, ruptures, repairs,
                0, 0, 0, 0, Double.NaN, 0);
    }

    /** Session {@code session} of a two-member family whose members' composites average {@code alliance}. */
    public static SessionRecord session(int family, int session, double alliance) {
        MemberSession a = new MemberSession(0, Role.PARENT, false, 0, 0, 0, alliance - 0.1, 0, 0, 1, false, false);
        MemberSession b = new MemberSession(1, Role.ADOLESCENT, true, 0, 0, 0, alliance + 0.1, 0, 0, 1, false, false);
        return new SessionRecord(0, family, session, 7.0 * session, 0.3, 0, 0.5, 0.3, 0, 0.2, Double.NaN, 0,
                List.of(a, b));
    }
}
