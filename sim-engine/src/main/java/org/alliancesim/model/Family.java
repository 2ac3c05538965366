package org.alliancesim.model;

import org.alliancesim.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A family during a replication: its members, fixed traits, course state and running statistics.
 * Mutable; owned by the {@link Replication} that created it.
 *
 * <p>Random draws: composition comes from the family's "family" stream (consumed entirely in
 * {@link Replication}'s factory), session dynamics from its "session" stream, and attendance
 * (cancellations, dropout, no-shows, session days) from its "attendance" stream, so a change in one
 * mechanism never shifts another's numbers.
 */
final class Family {

    final int id;
    final FamilyType type;
    final Member[] members;
    /** Conflict at intake, 0..1. */
    final double conflictIntake;
    final boolean prepared;
    final boolean involuntary;
    final double goal;
    final double responsiveness;
    /** The family's practical barriers to attending, on the dropout hazard's log-odds (0 average). */
    final double barrier;
    /**
     * The practical barriers as they stand with this family's therapist: {@link #barrier} less
     * the therapist's engagement work ({@link Therapist#engagement}); set by {@link #assign}.
     */
    double practicalBarrier;
    final double decisionWeightSum;
    /** Day of referral; in cohort mode the day of the first session (cohort families do not wait). */
    double referralDay;

    final UniformRandomProvider sessionRng;
    final NormalizedGaussianSampler sessionNormal;
    final UniformRandomProvider attendanceRng;
    final NormalizedGaussianSampler attendanceNormal;

    Therapist therapist;
    /**
     * Family conflict now, 0..1: a state that therapeutic work on family patterns lowers
     * ({@link Dynamics.Climate#conflictResolution()}); the identified patient's discomfort follows it.
     */
    double conflict;
    double purpose;
    double startDay = Double.NaN;
    int attended;
    int noShows;
    int consecutiveNoShows;
    double improvement;
    int reliableSession;
    int ruptures;
    int repairs;
    double allianceFirst = Double.NaN;
    double allianceThird = Double.NaN;
    double allianceLast = Double.NaN;
    /** Family alliance (mean member composite) after the last session; set by {@link #trackSplit()}. */
    double alliance;
    double split;
    double splitMax;
    double gap = Double.NaN;
    double gapMax = Double.NaN;
    boolean ended;
    /**
     * The trend attendance rules' memory ({@link AttendanceRule.Trend}): the deciding alliance after
     * the last sessions, a ring indexed by sessions attended; null under the level rule.
     */
    double[] allianceHistory;
    /** Clinic mode: the pending waitlist-dropout event. */
    long waitlistEvent = Simulation.NO_EVENT;

    Family(int id, FamilyType type, Member[] members, double conflict, boolean prepared, double purpose,
            double goal, double responsiveness, double barrier, double referralDay, UniformRandomProvider sessionRng,
            UniformRandomProvider attendanceRng) {
        this.id = id;
        this.type = type;
        this.members = members;
        this.conflictIntake = conflict;
        this.conflict = conflict;
        this.prepared = prepared;
        this.involuntary = type.referral() == Referral.INVOLUNTARY;
        this.purpose = Member.clamp(purpose);
        this.goal = goal;
        this.responsiveness = responsiveness;
        this.barrier = barrier;
        this.practicalBarrier = barrier;
        this.referralDay = referralDay;
        this.sessionRng = sessionRng;
        this.sessionNormal = ZigguratSampler.NormalizedGaussian.of(sessionRng);
        this.attendanceRng = attendanceRng;
        this.attendanceNormal = ZigguratSampler.NormalizedGaussian.of(attendanceRng);
        double w = 0;
        for (Member m : members) {
            w += m.decisionWeight;
        }
        this.decisionWeightSum = w;
    }

    /** Decision-weighted mean composite alliance: the alliance of those who decide attendance. */
    double decidingAlliance() {
        if (decisionWeightSum <= 0) {
            return familyAlliance();
        }
        double s = 0;
        for (Member m : members) {
            s += m.decisionWeight * m.composite();
        }
        return s / decisionWeightSum;
    }

    /** Unweighted mean composite alliance over members. */
    double familyAlliance() {
        double s = 0;
        for (Member m : members) {
            s += m.composite();
        }
        return s / members.length;
    }

    /** Recomputes family alliance, split and gap after a session and updates their running maxima. */
    void trackSplit() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double adult = 0;
        double young = 0;
        double sum = 0;
        int na = 0;
        int ny = 0;
        for (Member m : members) {
            double a = m.composite();
            sum += a;
            min = Math.min(min, a);
            max = Math.max(max, a);
            if (m.role.isAdult()) {
                adult += a;
                na++;
            } else {
                young += a;
                ny++;
            }
        }
        alliance = sum / members.length;
        split = max - min;
        splitMax = Math.max(splitMax, split);
        if (na > 0 && ny > 0) {
            gap = adult / na - young / ny;
            if (Double.isNaN(gapMax) || Math.abs(gap) > Math.abs(gapMax)) {
                gapMax = gap;
            }
        }
    }

    /** Days between referral and the first session; 0 before the first session. */
    double waitDays() {
        return Double.isNaN(startDay) ? 0 : startDay - referralDay;
    }

    /**
     * Days waited as recorded when the course ends on day {@code now}: referral to first session;
     * for a family that never started, referral to {@code now}, and 0 if its referral day lies after
     * {@code now} (a cohort family, whose referral day is its first appointment, censored by a horizon
     * that comes before that appointment has not waited). Never negative.
     */
    double waitDaysAt(double now) {
        if (!Double.isNaN(startDay)) {
            return startDay - referralDay;
        }
        return Math.max(0, now - referralDay);
    }

    /** Assigns the family's therapist, whose engagement work lowers its practical barriers. */
    void assign(Therapist th) {
        therapist = th;
        practicalBarrier = barrier - th.engagement;
    }
}
