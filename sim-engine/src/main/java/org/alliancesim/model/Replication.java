package org.alliancesim.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancesim.engine.Event;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.engine.Simulation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One replication of the family therapy model on the discrete-event kernel.
 *
 * <p>Events: a family's <i>session occasion</i> (the day a session is due: the clinic may cancel
 * it, the family may drop out or not show, or it is attended), and in clinic mode a
 * <i>referral</i> (a family arrives) and a <i>waitlist dropout</i> (a waiting family gives up;
 * cancelled when a therapist takes the family first). The run stops at the horizon; families
 * still waiting or in treatment are then censored.
 *
 * <p>Random streams, keyed (seed, replication, entity, purpose): family {@code k} draws its
 * composition from (k, "family"), its sessions from (k, "session") and its attendance from
 * (k, "attendance"); therapist {@code j} its type and individual qualities from (j, "therapist");
 * clinic referrals from (-1, "referrals"). Family {@code k} is therefore the same family in every scenario that shares
 * the seed and the population (common random numbers).
 */
public final class Replication {

    /**
     * Totals of a finished replication.
     *
     * @param families courses recorded
     * @param sessions sessions attended
     * @param memberSessions member-sessions simulated (sessions attended times members present)
     * @param events kernel events fired
     */
    public record Totals(int families, long sessions, long memberSessions, long events) {}

    private static final long FAMILY = RandomStreams.purposeCode("family");
    private static final long SESSION = RandomStreams.purposeCode("session");
    private static final long ATTENDANCE = RandomStreams.purposeCode("attendance");
    private static final long THERAPIST = RandomStreams.purposeCode("therapist");
    private static final long REFERRALS = RandomStreams.purposeCode("referrals");
    /** Days in a month, for the waiting term (per 30 days). */
    private static final double DAYS_PER_MONTH = 30;
    /** Days in a week, for referral rates given per week. */
    private static final double DAYS_PER_WEEK = 7;
    /** Fewest days between a family's session occasions, and from assignment to the first session. */
    private static final double MIN_GAP_DAYS = 1;

    private final ModelParameters p;
    private final RandomStreams streams;
    private final int replication;
    private final CourseListener listener;
    /** The last session recorded for the listener (0 without session detail; its {@link CourseListener#sessionsWanted}). */
    private final int detail;
    private final Session session;
    private final Dynamics.Attendance att;
    private final AttendanceRule attendanceRule;
    private final Simulation sim;
    private final List<Family> families = new ArrayList<>();
    private final Therapist[] therapists;
    private final ArrayDeque<Family> waitlist = new ArrayDeque<>();
    private final double[] familyShareCdf;
    private long sessionsAttended;
    private long memberSessions;
    private int recorded;

    private final Event occasion = (s, k) -> occasion(families.get(k));
    private final Event intake = (s, k) -> attend(families.get(k));
    /**
     * Stepping ({@link CourseStepper}): an attended session pauses the run before the session, so
     * the caller can choose the therapist's decisions; {@link #awaiting} is the family it waits for.
     */
    private boolean stepping;
    private Family awaiting;
    private final Event referral = (s, k) -> refer();
    private final Event leaveWaitlist = (s, k) -> leaveWaitlist(families.get(k));
    private UniformRandomProvider referralRng;
    /** Clinic mode: the therapists with capacity, least loaded first (null in cohort mode). */
    private final TherapistQueue freeTherapists;

    private Replication(ModelParameters p, RandomStreams streams, int replication, CourseListener listener,
            boolean detail) {
        this.p = p;
        this.streams = streams;
        this.replication = replication;
        this.listener = listener;
        this.detail = detail ? listener.sessionsWanted() : 0;
        this.session = new Session(p);
        this.att = p.dynamics().attendance();
        this.attendanceRule = AttendanceRule.of(p.rules().attendance());
        this.sim = new Simulation(p.run().mode() == RunMode.COHORT ? 4 : Math.min(p.run().families(), 1 << 16));
        this.familyShareCdf = cdf(p.families().stream().mapToDouble(FamilyType::share).toArray());
        this.therapists = buildTherapists();
        this.freeTherapists = p.run().mode() == RunMode.CLINIC ? new TherapistQueue(therapists) : null;
    }

    /**
     * Runs one replication, streaming its records to {@code listener}.
     *
     * @param p the model's parameters
     * @param streams the random streams (master seed)
     * @param replication replication number, part of every stream's key
     * @param listener receives one {@link CourseRecord} per family and, if {@code sessionDetail},
     *     one {@link SessionRecord} per attended session
     * @param sessionDetail whether to emit session records
     * @return totals
     */
    public static Totals run(ModelParameters p, RandomStreams streams, int replication, CourseListener listener,
            boolean sessionDetail) {
        Objects.requireNonNull(p, "parameters");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(listener, "listener");
        Replication r = new Replication(p, streams, replication, listener, sessionDetail);
        return r.simulate();
    }

    private Totals simulate() {
        RunSpec run = p.run();
        if (run.mode() == RunMode.COHORT) {
            // Cohort families share nothing (no capacity, no waitlist), so each course runs to its
            // end on its own, with a calendar that holds only that family's next event. Records
            // then come out in family order.
            for (int k = 0; k < run.families(); k++) {
                Family f = startCohortFamily(k);
                sim.runUntil(run.horizonDays());
                if (!f.ended) {
                    end(f, EndReason.CENSORED, f.attended);
                }
            }
        } else {
            referralRng = streams.stream(replication, -1, REFERRALS);
            sim.schedule(nextReferralGap(), referral, 0);
            sim.runUntil(run.horizonDays());
            // Censor what the horizon interrupted, in family order.
            for (Family f : families) {
                if (f != null && !f.ended) {
                    end(f, EndReason.CENSORED, f.attended);
                }
            }
        }
        return new Totals(recorded, sessionsAttended, memberSessions, sim.eventsFired());
    }

    /**
     * Cohort mode: an empty calendar, then family {@code k} (the next in {@link #families}), its
     * therapist, and its first session scheduled within the first week, without waiting.
     */
    private Family startCohortFamily(int k) {
        sim.reset();
        Family f = newFamily(k, 0.0);
        f.assign(therapist((int) (f.attendanceRng.nextDouble() * therapists.length)));
        f.therapist.load++;
        // Cohort: everyone starts in the first week, without waiting.
        double first = f.attendanceRng.nextDouble() * att.intervalDays();
        f.referralDay = first;
        startCourse(f, first);
        return f;
    }

    private Therapist[] buildTherapists() {
        List<TherapistType> pool = p.therapists();
        double[] cdf = cdf(pool.stream().mapToDouble(TherapistType::share).toArray());
        int count;
        if (p.run().mode() == RunMode.CLINIC) {
            count = p.clinic().therapists();
        } else {
            double meanCaseload = pool.stream().mapToDouble(t -> t.share() * t.caseload()).sum();
            count = (int) Math.max(1, Math.ceil(p.run().families() / meanCaseload));
        }
        therapistCdf = cdf;
        Therapist[] out = new Therapist[count];
        // Clinic mode looks at every therapist's load; a cohort only meets the therapists its families
        // draw, so they are drawn when first met (each from its own stream: the same therapists either way).
        if (p.run().mode() == RunMode.CLINIC) {
            for (int j = 0; j < count; j++) {
                out[j] = drawTherapist(j);
            }
        }
        return out;
    }

    private double[] therapistCdf;

    /** Therapist {@code j}, drawn on first use. */
    private Therapist therapist(int j) {
        Therapist th = therapists[j];
        if (th == null) {
            th = drawTherapist(j);
            therapists[j] = th;
        }
        return th;
    }

    private Therapist drawTherapist(int j) {
        // The therapist's stream: one uniform for the type, then six normals for the individual.
        UniformRandomProvider rng = streams.stream(replication, j, THERAPIST);
        TherapistType type = p.therapists().get(pick(therapistCdf, rng.nextDouble()));
        Therapist t = new Therapist(j, type, p.dynamics(), ZigguratSampler.NormalizedGaussian.of(rng));
        listener.therapistDrawn(new TherapistProfile(replication, j, type.name(), t.warmth, t.empathy, t.genuineness,
                t.consistency, t.repairSkill, t.balance, t.engagement, t.focus));
        return t;
    }

    /** Creates family {@code k}; every draw of its composition comes from its "family" stream. */
    private Family newFamily(int k, double referralDay) {
        UniformRandomProvider rng = streams.stream(replication, k, FAMILY);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        Dynamics d = p.dynamics();
        Dynamics.Start st = d.start();
        FamilyType type = p.families().get(pick(familyShareCdf, rng.nextDouble()));
        double conflict = clamp(type.conflict() + d.climate().conflictSd() * normal.sample(), 0, 1);
        boolean involuntary = type.referral() == Referral.INVOLUNTARY;
        List<Role> roles = type.roles();
        Member[] members = new Member[roles.size()];
        double familyShift = st.familyAllianceSd() * normal.sample();
        for (int i = 0; i < members.length; i++) {
            Role role = roles.get(i);
            boolean ip = i == type.identifiedPatient();
            // Starting alliance: role, identified patient (blamed in proportion to the family's
            // conflict) and involuntary referral shift the mean on every dimension (Sotero et al.:
            // involuntary clients start lower on all four).
            double mean = st.allianceMean() + st.roleOffset().of(role)
                    + (ip ? st.identifiedPatientOffset() * conflict : 0)
                    - (involuntary ? st.involuntaryOffset() : 0) + familyShift;
            double e = mean + st.allianceSd() * normal.sample();
            double c = mean + st.allianceSd() * normal.sample();
            double s = mean + st.allianceSd() * normal.sample();
            double tolerance = Math.max(0,
                    st.toleranceMean() + st.toleranceOffset().of(role) + st.toleranceSd() * normal.sample());
            members[i] = new Member(i, role, ip, tolerance, st.decisionWeight().of(role),
                    d.climate().challengeSensitivity().of(role), e, c, s);
        }
        double purpose = st.purposeMean() - st.purposeConflict() * conflict
                - (involuntary ? st.purposeInvoluntary() : 0) + st.purposeSd() * normal.sample();
        Dynamics.Outcome oc = d.outcome();
        double goal = Math.max(oc.goalMin(), oc.goalMean() + oc.goalSd() * normal.sample());
        double responsiveness = Math.exp(oc.responsivenessSd() * normal.sample());
        double barrier = d.attendance().barrierSd() * normal.sample();
        boolean prepared = type.prepared() || p.setting().orientationSession();
        Family f = new Family(k, type, members, conflict, prepared, purpose, goal, responsiveness, barrier, referralDay,
                streams.stream(replication, k, SESSION), streams.stream(replication, k, ATTENDANCE));
        families.add(f);
        return f;
    }

    private void startCourse(Family f, double delay) {
        sim.schedule(delay, intake, f.id);
    }

    /** A session is due: cancellation, dropout hazard, no-show, or attendance. */
    private void occasion(Family f) {
        int next = f.attended + 1;
        UniformRandomProvider rng = f.attendanceRng;
        if (rng.nextDouble() < att.cancellation()) {
            scheduleNext(f);
            return;
        }
        double deciding = f.decidingAlliance();
        if (rng.nextDouble() < dropoutHazard(f, deciding)) {
            end(f, EndReason.DROPOUT, next);
            return;
        }
        if (rng.nextDouble() < noShowProbability(deciding)) {
            f.noShows++;
            if (++f.consecutiveNoShows >= att.maxConsecutiveNoShows()) {
                end(f, EndReason.DROPOUT, next);
            } else {
                scheduleNext(f);
            }
            return;
        }
        attend(f);
    }

    /**
     * The discrete-time dropout hazard before a session after the first: a logistic function of
     * the family's state only, the deciding members' alliance (Kazdin 1996: parents control
     * attendance), shared purpose and split, and of practical barriers: the family's own (less
     * what its therapist's engagement work takes off them), and the days waited. What it reads of the alliance is the attendance rule's ({@link AttendanceRule}:
     * its level, by default). No
     * situation has a term here; referral, therapist, setting and ruptures reach it through the
     * state they changed.
     */
    double dropoutHazard(Family f, double deciding) {
        double x = att.intercept() + f.practicalBarrier
                - attendanceRule.allianceTerm(f, deciding)
                - att.purpose() * f.purpose
                + att.split() * f.split
                + att.waitPerMonth() * f.waitDays() / DAYS_PER_MONTH;
        return 1 / (1 + Math.exp(-x));
    }

    /** No-show: a base chance and a low-alliance chance, as independent causes. */
    private double noShowProbability(double deciding) {
        double low = Math.max(0, -deciding) / Member.MAX_ALLIANCE;
        return 1 - (1 - att.noShowBase()) * (1 - att.noShowLowAlliance() * low);
    }

    private void attend(Family f) {
        if (stepping) {
            awaiting = f;
            sim.stop();
            return;
        }
        attend(f, null);
    }

    /** Attends session {@code attended + 1} with {@code choice} (null: the therapist type's policy). */
    private void attend(Family f, SessionChoice choice) {
        int t = f.attended + 1;
        if (t == 1) {
            f.startDay = sim.now();
            attendanceRule.courseStarted(f);
        }
        session.run(f, t, choice);
        f.attended = t;
        attendanceRule.sessionAttended(f);
        f.consecutiveNoShows = 0;
        sessionsAttended++;
        memberSessions += f.members.length;
        double a = f.alliance;
        if (t == 1) {
            f.allianceFirst = a;
        } else if (t == 3) {
            f.allianceThird = a;
        }
        f.allianceLast = a;
        if (f.reliableSession == 0 && f.improvement >= p.dynamics().outcome().reliableChange()) {
            f.reliableSession = t;
        }
        if (t <= detail) {
            listener.sessionAttended(session.record(replication, f, t, sim.now()));
        }
        if (f.improvement >= f.goal) {
            end(f, EndReason.GOALS_MET, t);
        } else if (t >= p.run().sessionLimit()) {
            end(f, EndReason.SESSION_LIMIT, t);
        } else {
            scheduleNext(f);
        }
    }

    private void scheduleNext(Family f) {
        double gap = att.intervalDays() + att.jitterSd() * f.attendanceNormal.sample();
        sim.schedule(Math.max(MIN_GAP_DAYS, gap), occasion, f.id);
    }

    private void end(Family f, EndReason reason, int endSession) {
        f.ended = true;
        Therapist th = f.therapist;
        boolean reliable = f.reliableSession > 0;
        listener.courseEnded(new CourseRecord(replication, f.id, f.type.name(), f.members.length,
                f.type.referral(), f.conflictIntake, f.prepared, th == null ? -1 : th.id, th == null ? null : th.type.name(),
                th == null ? null : th.type.experience(), f.attended, f.noShows, reason, endSession, sim.now(),
                f.waitDaysAt(sim.now()), f.improvement, reliable,
                f.reliableSession, f.ruptures, f.repairs, f.allianceFirst, f.allianceThird, f.allianceLast,
                f.splitMax, f.gapMax, f.purpose));
        recorded++;
        // Release the family: memory follows the families in progress, not all families.
        families.set(f.id, null);
        if (th != null && reason != EndReason.CENSORED) {
            th.load--;
            if (p.run().mode() == RunMode.CLINIC) {
                freeTherapists.loadChanged(th);
                admitFromWaitlist(th);
            }
        }
    }

    // ---- stepping (CourseStepper) ----------------------------------------------------------------

    /** A replication that pauses before each attended session; cohort mode only. */
    static Replication stepping(ModelParameters p, RandomStreams streams, int replication, CourseListener listener) {
        if (p.run().mode() != RunMode.COHORT) {
            throw new IllegalArgumentException("stepping runs cohort mode only (a clinic's families share therapists)");
        }
        Replication r = new Replication(p, streams, replication, listener, true);
        r.stepping = true;
        return r;
    }

    /**
     * Starts family {@code k}'s course exactly as {@link #simulate()} does in cohort mode (the
     * family's and its therapist's draws are keyed by their numbers, so no other family is needed)
     * and runs it to its first attended session or its end.
     */
    Family startStepping(int k) {
        if (k < 0 || k >= p.run().families()) {
            throw new IllegalArgumentException("family: expected 0.." + (p.run().families() - 1) + ", found " + k);
        }
        while (families.size() < k) {
            families.add(null);
        }
        Family f = startCohortFamily(k);
        runToNextSession(f);
        return f;
    }

    /** Attends the awaited session with {@code choice} (null: the policy's) and runs on to the next or the end. */
    void stepAwaiting(SessionChoice choice) {
        Family f = awaiting;
        if (f == null) {
            throw new IllegalStateException("the course has ended");
        }
        awaiting = null;
        attend(f, choice);
        runToNextSession(f);
    }

    /** The challenge the therapist type's policy sets for family {@code f}'s next session. */
    double policyChallenge(Family f) {
        return session.challenge(f.therapist.type, f, f.attended + 1);
    }

    private void runToNextSession(Family f) {
        if (f.ended) {
            return;
        }
        sim.runUntil(p.run().horizonDays());
        if (awaiting == null && !f.ended) {
            end(f, EndReason.CENSORED, f.attended);
        }
    }

    // ---- clinic mode ----------------------------------------------------------------------

    private double nextReferralGap() {
        return -Math.log(1 - referralRng.nextDouble()) * DAYS_PER_WEEK / p.clinic().referralsPerWeek();
    }

    private void refer() {
        int k = families.size();
        Family f = newFamily(k, sim.now());
        if (families.size() < p.run().families()) {
            sim.schedule(nextReferralGap(), referral, 0);
        }
        Therapist th = freeTherapist();
        if (th != null && waitlist.isEmpty()) {
            assign(f, th);
        } else {
            waitlist.addLast(f);
            double hazard = p.clinic().waitlistHazardPerWeek();
            if (hazard > 0) {
                // Weeks until the family gives up: geometric with the weekly hazard.
                double u = 1 - f.attendanceRng.nextDouble();
                double weeks = Math.ceil(Math.log(u) / Math.log(1 - hazard));
                f.waitlistEvent = sim.schedule(Math.max(1, weeks) * DAYS_PER_WEEK, leaveWaitlist, f.id);
            }
        }
    }

    /**
     * The therapist with capacity and the lowest {@code load / caseload}, ties to the lowest index
     * (a {@link TherapistQueue}, kept up to date on every assignment and release), or null.
     */
    private Therapist freeTherapist() {
        return freeTherapists.leastLoaded();
    }

    private void assign(Family f, Therapist th) {
        f.assign(th);
        th.load++;
        freeTherapists.loadChanged(th);
        // First appointment within the coming week.
        startCourse(f, MIN_GAP_DAYS + f.attendanceRng.nextDouble() * (att.intervalDays() - MIN_GAP_DAYS));
    }

    private void admitFromWaitlist(Therapist th) {
        while (!waitlist.isEmpty() && th.hasCapacity()) {
            Family f = waitlist.pollFirst();
            if (f.ended) {
                continue;
            }
            sim.cancel(f.waitlistEvent);
            f.waitlistEvent = Simulation.NO_EVENT;
            assign(f, th);
        }
    }

    private void leaveWaitlist(Family f) {
        f.waitlistEvent = Simulation.NO_EVENT;
        end(f, EndReason.WAITLIST_DROPOUT, 0);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static double[] cdf(double[] shares) {
        double[] c = new double[shares.length];
        double s = 0;
        for (int i = 0; i < shares.length; i++) {
            s += shares[i];
            c[i] = s;
        }
        return c;
    }

    private static int pick(double[] cdf, double u) {
        double x = u * cdf[cdf.length - 1];
        for (int i = 0; i < cdf.length; i++) {
            if (x < cdf[i]) {
                return i;
            }
        }
        return cdf.length - 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
