package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * What a {@link CourseStepper} shows between sessions, against the records the sessions leave and
 * the course's own record; the refusals' messages; and a course the horizon cuts off.
 */
class CourseStepperStateTest {

    private static final long SEED = 20261207L;

    /** A therapist type without spread or skills, so support and repair are the type's own numbers. */
    private static ModelParameters model(Experience experience, Referral referral) {
        TherapistType t = Variants.with(Variants.with(Variants.withExperience(Variants.experienced(), experience),
                "spread", 0.0), "consistency", 1.0);
        ModelParameters p = Variants.withSkills(Variants.onlyTherapist(Variants.base(40), t), Variants.NO_SKILLS);
        return Variants.onlyFamily(p, Variants.family(referral, 0.6, false));
    }

    @Test
    void betweenSessionsTheStateIsWhatTheLastSessionLeft() {
        for (Experience x : Experience.values()) {
            for (Referral referral : Referral.values()) {
                ModelParameters p = model(x, referral);
                CourseStepper c = CourseStepper.start(p, RandomStreams.of(SEED), 0, 5);
                TherapistType type = p.therapists().get(0);
                double repair = type.repairSkill() * (x == Experience.NOVICE ? p.dynamics().rupture().noviceRepairFactor()
                        : 1);
                assertEquals(repair, c.therapistRepair(), 1e-15);
                assertTrue(c.therapistRepair() > 0);
                assertEquals(referral == Referral.INVOLUNTARY, c.involuntary());
                assertEquals("test-family", c.familyType());
                assertEquals("test-therapist", c.therapistType());
                int steps = 0;
                while (!c.ended()) {
                    assertEquals(c.sessions().size() + 1, c.nextSession());
                    SessionRecord s = c.step(c.policyChoice());
                    steps++;
                    assertEquals(0.7, c.therapistSupport(), 1e-12, "the type's quality, 0.7 for each of the three");
                    if (x == Experience.EXPERIENCED) {
                        assertEquals(s.support(), c.therapistSupport(), 1e-15, "the policy's support, before balance");
                    }
                    if (!c.ended()) {
                        assertEquals(s.sharedPurpose(), c.sharedPurpose(), 0.0);
                        assertEquals(s.conflict(), c.conflict(), 0.0);
                        List<CourseStepper.MemberNow> now = c.members();
                        assertEquals(s.members().size(), now.size());
                        for (int i = 0; i < now.size(); i++) {
                            MemberSession m = s.members().get(i);
                            CourseStepper.MemberNow n = now.get(i);
                            assertEquals(m.memberId(), n.memberId());
                            assertEquals(m.role(), n.role());
                            assertEquals(m.identifiedPatient(), n.identifiedPatient());
                            assertEquals(m.engagement(), n.engagement(), 0.0);
                            assertEquals(m.connection(), n.connection(), 0.0);
                            assertEquals(m.safety(), n.safety(), 0.0);
                        }
                    }
                }
                CourseRecord course = c.course();
                assertEquals(steps, course.sessionsAttended());
                assertEquals(course.noShows(), c.noShows());
                assertEquals(course.familyType(), c.familyType());
                assertEquals(course.therapistType(), c.therapistType());
                assertEquals(course.referral() == Referral.INVOLUNTARY, c.involuntary());
            }
        }
    }

    /** Somebody in the family had no-shows: the count the stepper shows is the course's. */
    @Test
    void noShowsAreCounted() {
        ModelParameters p = Variants.set(model(Experience.EXPERIENCED, Referral.VOLUNTARY),
                "dynamics.attendance.noShowBase", 0.4, "dynamics.attendance.maxConsecutiveNoShows", 20);
        int withNoShows = 0;
        for (int k = 0; k < 10; k++) {
            CourseStepper c = CourseStepper.start(p, RandomStreams.of(SEED), 0, k);
            while (!c.ended()) {
                c.step(null);
            }
            assertEquals(c.course().noShows(), c.noShows());
            withNoShows += c.noShows() > 0 ? 1 : 0;
        }
        assertTrue(withNoShows >= 5, "families with no-shows: " + withNoShows);
    }

    @Test
    void refusalsSayWhatIsAllowed() {
        ModelParameters p = Variants.base(40);
        CourseStepper c = CourseStepper.start(p, RandomStreams.of(SEED), 0, 1);
        int size = c.members().size();
        IllegalArgumentException focus = assertThrows(IllegalArgumentException.class,
                () -> c.step(new SessionChoice(1, size, 0.5, true)));
        assertEquals("focus: expected a member number 0.." + (size - 1) + " or -1 (none), found " + size,
                focus.getMessage());
        c.step(new SessionChoice(1, size - 1, 0.5, true)); // the last member is a member
        IllegalArgumentException family = assertThrows(IllegalArgumentException.class,
                () -> CourseStepper.start(p, RandomStreams.of(SEED), 0, 40));
        assertEquals("family: expected 0..39, found 40", family.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CourseStepper.start(p, RandomStreams.of(SEED), 0, -1));
    }

    /**
     * A horizon of 20 days cuts courses off after a few weekly sessions: stepped with the policy's
     * choices, each is censored with the very record the normal run gives it.
     */
    @Test
    void theHorizonCensorsASteppedCourseAsItDoesARun() {
        ModelParameters p = Variants.base(30).withRun(new RunSpec(RunMode.COHORT, 30, 20, 20));
        List<String> normal = new ArrayList<>();
        Replication.run(p, RandomStreams.of(SEED), 2, c -> normal.add(c.toString()), false);
        int censored = 0;
        for (int k = 0; k < 30; k++) {
            CourseRecord c = CourseStepper.play(p, RandomStreams.of(SEED), 2, k, s -> null);
            assertEquals(normal.get(k), c.toString(), "family " + k);
            censored += c.endReason() == EndReason.CENSORED ? 1 : 0;
        }
        assertTrue(censored >= 15, "censored by the horizon: " + censored);
    }

    /** After the end neither a choice nor a step is offered: both say so. */
    @Test
    void anEndedCourseRefusesAChoiceAndAStep() {
        CourseStepper c = CourseStepper.start(Variants.base(40), RandomStreams.of(SEED), 0, 2);
        while (!c.ended()) {
            c.step(null);
        }
        assertEquals("the course has ended", assertThrows(IllegalStateException.class, c::policyChoice).getMessage());
        assertEquals("the course has ended", assertThrows(IllegalStateException.class, () -> c.step(null)).getMessage());
    }
}
