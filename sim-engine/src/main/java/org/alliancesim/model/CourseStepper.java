package org.alliancesim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.alliancesim.engine.RandomStreams;

/**
 * One family's course, one attended session at a time, with the therapist's decisions for each
 * session ({@link SessionChoice}) given by the caller instead of the therapist type's policy: the
 * entry point of the classroom's "be the therapist" screen.
 *
 * <p>It is the model's own run, not a copy of it: a cohort-mode {@link Replication} of the same
 * parameters, seed and replication that pauses before each attended session. Family {@code k} is
 * drawn from its own keyed streams, its therapist from theirs, and cancellations, no-shows, dropout
 * and the session's dynamics run through the same code with the same streams; so when every choice
 * is {@link #policyChoice()}, the session and course records are those of {@link Replication#run}
 * for that family, to the last bit (CourseStepperTest), and the same family can be replayed with
 * other choices (common random numbers).
 *
 * <p>Not thread-safe; one course per instance.
 */
public final class CourseStepper {

    /**
     * A member's state now (before the next session; at the start, at intake).
     *
     * @param memberId member number, from 0
     * @param role the member's role
     * @param identifiedPatient whether the member is the identified patient
     * @param engagement SOFTA engagement, -3..3
     * @param connection SOFTA emotional connection with the therapist, -3..3
     * @param safety SOFTA safety within the therapeutic system, -3..3
     */
    public record MemberNow(int memberId, Role role, boolean identifiedPatient, double engagement,
            double connection, double safety) {}

    private final Replication replication;
    private final Family family;
    private final List<SessionRecord> sessions = new ArrayList<>();
    private CourseRecord course;

    private CourseStepper(ModelParameters p, RandomStreams streams, int rep, int k) {
        this.replication = Replication.stepping(p, streams, rep, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                course = c;
            }

            @Override
            public void sessionAttended(SessionRecord s) {
                sessions.add(s);
            }
        });
        this.family = replication.startStepping(k);
    }

    /**
     * Starts family {@code family}'s course of replication {@code replication} and runs it to its
     * first attended session (or its end: a family may drop out before coming at all).
     *
     * @throws IllegalArgumentException if the run is not in cohort mode or the family is out of range
     */
    public static CourseStepper start(ModelParameters p, RandomStreams streams, int replication, int family) {
        Objects.requireNonNull(p, "parameters");
        Objects.requireNonNull(streams, "streams");
        return new CourseStepper(p, streams, replication, family);
    }

    /**
     * Plays family {@code family}'s whole course, each session's choice from {@code chooser} (which
     * may return null for the policy's), and returns its course record.
     */
    public static CourseRecord play(ModelParameters p, RandomStreams streams, int replication, int family,
            Function<CourseStepper, SessionChoice> chooser) {
        CourseStepper c = start(p, streams, replication, family);
        while (!c.ended()) {
            c.step(chooser.apply(c));
        }
        return c.course();
    }

    /** Whether the course has ended (no further session). */
    public boolean ended() {
        return course != null;
    }

    /** The number of the next session (from 1); meaningful while the course goes on. */
    public int nextSession() {
        return family.attended + 1;
    }

    /** The choice the therapist type's policy makes for the next session. */
    public SessionChoice policyChoice() {
        requireOngoing();
        return new SessionChoice(replication.policyChallenge(family), SessionChoice.NO_FOCUS,
                family.therapist.support, true);
    }

    /**
     * Runs the next session with {@code choice} (null: the policy's), then the course on to the
     * next attended session or its end (cancellations, no-shows, dropout, goals met, the session
     * limit or the horizon).
     *
     * @return the session's record
     * @throws IllegalStateException if the course has ended
     * @throws IllegalArgumentException if the focus names no member of this family
     */
    public SessionRecord step(SessionChoice choice) {
        requireOngoing();
        if (choice != null && choice.focus() >= family.members.length) {
            throw new IllegalArgumentException("focus: expected a member number 0.." + (family.members.length - 1)
                    + " or -1 (none), found " + choice.focus());
        }
        replication.stepAwaiting(choice);
        return sessions.get(sessions.size() - 1);
    }

    /** The sessions attended so far, in order. */
    public List<SessionRecord> sessions() {
        return List.copyOf(sessions);
    }

    /** The course's record once it has ended; null before. */
    public CourseRecord course() {
        return course;
    }

    /** The members' states now. */
    public List<MemberNow> members() {
        List<MemberNow> out = new ArrayList<>(family.members.length);
        for (Member m : family.members) {
            out.add(new MemberNow(m.id, m.role, m.identifiedPatient, m.engagement, m.connection, m.safety));
        }
        return out;
    }

    /** The family's shared sense of purpose now (the fourth SOFTA dimension, the family's), -3..3. */
    public double sharedPurpose() {
        return family.purpose;
    }

    /** Family conflict now, 0..1. */
    public double conflict() {
        return family.conflict;
    }

    /** The family's type's name. */
    public String familyType() {
        return family.type.name();
    }

    /** Whether the family was referred against its wishes. */
    public boolean involuntary() {
        return family.involuntary;
    }

    /** Sessions missed by not coming, so far. */
    public int noShows() {
        return family.noShows;
    }

    /** The therapist's type's name. */
    public String therapistType() {
        return family.therapist.type.name();
    }

    /** The therapist's own base support (what the policy gives), 0..1. */
    public double therapistSupport() {
        return family.therapist.support;
    }

    /** The chance that this therapist repairs a rupture the alliance nearly held (skill, novice factor). */
    public double therapistRepair() {
        return family.therapist.repairProbability;
    }

    private void requireOngoing() {
        if (ended()) {
            throw new IllegalStateException("the course has ended");
        }
    }
}
