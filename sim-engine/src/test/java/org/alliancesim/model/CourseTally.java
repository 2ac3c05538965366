package org.alliancesim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.alliancesim.engine.RandomStreams;

/**
 * Test helper: runs replications and keeps every course record, then computes the calibration
 * statistics of LITERATURE.md with the definitions of docs/model.md ("Calibration").
 */
final class CourseTally implements CourseListener {

    final List<CourseRecord> courses = new ArrayList<>();
    final List<SessionRecord> sessions = new ArrayList<>();
    long memberSessions;

    @Override
    public void courseEnded(CourseRecord course) {
        courses.add(course);
    }

    @Override
    public void sessionAttended(SessionRecord session) {
        sessions.add(session);
    }

    static CourseTally run(ModelParameters p, long seed, int replications) {
        return run(p, seed, replications, false);
    }

    static CourseTally run(ModelParameters p, long seed, int replications, boolean detail) {
        CourseTally t = new CourseTally();
        RandomStreams streams = RandomStreams.of(seed);
        for (int r = 0; r < replications; r++) {
            t.memberSessions += Replication.run(p, streams, r, t, detail).memberSessions();
        }
        return t;
    }

    List<CourseRecord> where(Predicate<CourseRecord> filter) {
        return courses.stream().filter(filter).toList();
    }

    static double share(List<CourseRecord> list, Predicate<CourseRecord> event) {
        return list.isEmpty() ? Double.NaN : (double) list.stream().filter(event).count() / list.size();
    }

    double dropoutShare() {
        return share(courses, c -> c.endReason() == EndReason.DROPOUT);
    }

    /** Share of dropouts who left after attending one or two sessions. */
    double earlyDropoutShare() {
        return share(where(c -> c.endReason() == EndReason.DROPOUT), c -> c.sessionsAttended() <= 2);
    }

    double medianSessions() {
        int[] s = courses.stream().mapToInt(CourseRecord::sessionsAttended).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    /**
     * Share reliably improved by session 8, among families who either attended 8 sessions or
     * reached reliable change within their first 8 (those who left unimproved earlier are out).
     */
    double improvedBySession8() {
        List<CourseRecord> at = where(c -> c.sessionsAttended() >= 8
                || (c.reliableSession() > 0 && c.reliableSession() <= 8));
        return share(at, c -> c.reliableSession() > 0 && c.reliableSession() <= 8);
    }

    /** Dropouts at each session (index = end session), for the retention shape. */
    int[] dropoutsBySession(int max) {
        int[] out = new int[max + 1];
        for (CourseRecord c : courses) {
            if (c.endReason() == EndReason.DROPOUT && c.endSession() <= max) {
                out[c.endSession()]++;
            }
        }
        return out;
    }

    String summary() {
        return String.format(java.util.Locale.ROOT,
                "n=%d dropout=%.3f early=%.3f median=%.1f improved8=%.3f goals=%.3f limit=%.3f censored=%.3f"
                        + " dropInv=%.3f dropVol=%.3f ruptures/fam=%.2f repairs/rupt=%.2f a1=%.2f a3=%.2f aLast=%.2f"
                        + " meanSessions=%.2f dropNov=%.3f dropExp=%.3f bySession=%s",
                courses.size(), dropoutShare(), earlyDropoutShare(), medianSessions(), improvedBySession8(),
                share(courses, c -> c.endReason() == EndReason.GOALS_MET),
                share(courses, c -> c.endReason() == EndReason.SESSION_LIMIT),
                share(courses, c -> c.endReason() == EndReason.CENSORED),
                share(where(c -> c.referral() == Referral.INVOLUNTARY), c -> c.endReason() == EndReason.DROPOUT),
                share(where(c -> c.referral() == Referral.VOLUNTARY), c -> c.endReason() == EndReason.DROPOUT),
                courses.stream().mapToInt(CourseRecord::ruptures).average().orElse(0),
                (double) courses.stream().mapToInt(CourseRecord::repairs).sum()
                        / Math.max(1, courses.stream().mapToInt(CourseRecord::ruptures).sum()),
                courses.stream().mapToDouble(CourseRecord::allianceFirst).filter(Double::isFinite).average().orElse(0),
                courses.stream().mapToDouble(CourseRecord::allianceThird).filter(Double::isFinite).average().orElse(0),
                courses.stream().mapToDouble(CourseRecord::allianceLast).filter(Double::isFinite).average().orElse(0),
                courses.stream().mapToInt(CourseRecord::sessionsAttended).average().orElse(0),
                share(where(c -> c.therapistExperience() == Experience.NOVICE), c -> c.endReason() == EndReason.DROPOUT),
                share(where(c -> c.therapistExperience() == Experience.EXPERIENCED),
                        c -> c.endReason() == EndReason.DROPOUT),
                Arrays.toString(dropoutsBySession(12)));
    }
}
