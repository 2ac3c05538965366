package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The stepping entry point is the model: with the policy's own choices it gives every family the
 * records of a normal run, to the last bit (their full text compared), and a choice reaches the
 * session only where it says.
 */
class CourseStepperTest {

    private static final long SEED = 20261207L;
    private static final int FAMILIES = 120;

    /** Each family's records of a normal run (replication 1), as text: its sessions then its course. */
    private static Map<Integer, List<String>> normalRun(ModelParameters p, RandomStreams streams) {
        Map<Integer, List<String>> out = new HashMap<>();
        Replication.run(p, streams, 1, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                out.computeIfAbsent(c.familyId(), k -> new ArrayList<>()).add(c.toString());
            }

            @Override
            public void sessionAttended(SessionRecord s) {
                out.computeIfAbsent(s.familyId(), k -> new ArrayList<>()).add(s.toString());
            }
        }, true);
        return out;
    }

    private static List<String> stepped(ModelParameters p, RandomStreams streams, int k, boolean explicitPolicy) {
        CourseStepper c = CourseStepper.start(p, streams, 1, k);
        while (!c.ended()) {
            c.step(explicitPolicy ? c.policyChoice() : null);
        }
        List<String> out = new ArrayList<>();
        c.sessions().forEach(s -> out.add(s.toString()));
        out.add(c.course().toString());
        return out;
    }

    /** Parameter sets that between them take every policy, ruptures, repairs, novices, dropout and the limit. */
    private static List<ModelParameters> variants() {
        ModelParameters base = Variants.base(FAMILIES);
        return List.of(base,
                Variants.onlyTherapist(Variants.observed(base, false),
                        Variants.withChallenge(Variants.experienced(), ChallengePolicy.ESCALATING, 0.8)),
                Variants.onlyTherapist(base, Variants.withExperience(
                        Variants.withChallenge(Variants.experienced(), ChallengePolicy.FIXED, 1.4), Experience.NOVICE)));
    }

    @Test
    void thePolicysChoicesGiveTheNormalRunsCoursesBitForBit() {
        RandomStreams streams = RandomStreams.of(SEED);
        int ruptures = 0;
        int repairs = 0;
        int dropouts = 0;
        for (ModelParameters p : variants()) {
            Map<Integer, List<String>> normal = normalRun(p, streams);
            assertEquals(FAMILIES, normal.size());
            for (int k = 0; k < FAMILIES; k++) {
                assertEquals(normal.get(k), stepped(p, streams, k, true), "family " + k + " with the policy's choices");
            }
            // Families out of order, and null choices, give the same.
            for (int k = FAMILIES - 1; k >= 0; k -= 7) {
                assertEquals(normal.get(k), stepped(p, streams, k, false), "family " + k + " with null choices");
            }
            for (int k = 0; k < FAMILIES; k++) {
                CourseRecord c = CourseStepper.play(p, streams, 1, k, s -> s.policyChoice());
                ruptures += c.ruptures();
                repairs += c.repairs();
                dropouts += c.endReason() == EndReason.DROPOUT ? 1 : 0;
            }
        }
        // The comparison covered the paths that matter (else it could pass by missing them).
        assertTrue(ruptures > 50 && repairs > 10 && dropouts > 30,
                "ruptures " + ruptures + ", repairs " + repairs + ", dropouts " + dropouts);
    }

    @Test
    void declinedRepairLeavesEveryRuptureUnrepairedAndShiftsNoLaterDraw() {
        ModelParameters p = variants().get(2);
        RandomStreams streams = RandomStreams.of(SEED);
        int ruptures = 0;
        int firstDiffers = 0;
        for (int k = 0; k < 60; k++) {
            CourseStepper no = CourseStepper.start(p, streams, 1, k);
            CourseStepper yes = CourseStepper.start(p, streams, 1, k);
            if (no.ended()) {
                continue;
            }
            SessionChoice policy = yes.policyChoice();
            SessionRecord a = no.step(new SessionChoice(policy.challenge(), SessionChoice.NO_FOCUS, policy.support(), false));
            SessionRecord b = yes.step(policy);
            // Session 1 has the same discomfort and ruptures either way (the repair comes after).
            for (int i = 0; i < a.members().size(); i++) {
                assertEquals(b.members().get(i).discomfort(), a.members().get(i).discomfort());
                assertEquals(b.members().get(i).rupture(), a.members().get(i).rupture());
                assertFalse(a.members().get(i).repaired());
                ruptures += a.members().get(i).rupture() ? 1 : 0;
                firstDiffers += b.members().get(i).repaired() ? 1 : 0;
            }
        }
        assertTrue(ruptures > 10, "ruptures in session 1: " + ruptures);
        assertTrue(firstDiffers > 0, "some rupture would have been repaired");
    }

    @Test
    void aFocusGivesTheOthersHalfTheChallengeByHand() {
        ModelParameters p = variants().get(0);
        RandomStreams streams = RandomStreams.of(SEED);
        Dynamics.Climate climate = p.dynamics().climate();
        int checked = 0;
        for (int k = 0; k < 40; k++) {
            CourseStepper plain = CourseStepper.start(p, streams, 1, k);
            CourseStepper focused = CourseStepper.start(p, streams, 1, k);
            if (plain.ended()) {
                continue;
            }
            double support = plain.therapistSupport();
            SessionRecord a = plain.step(new SessionChoice(1.2, SessionChoice.NO_FOCUS, support, true));
            SessionRecord b = focused.step(new SessionChoice(1.2, 0, support, true));
            // Draws per member: a normal, then a uniform if the member ruptured (Session); once a
            // member ruptures in one run and not the other, later members' noise comes from other draws.
            for (int i = 0; i < a.members().size(); i++) {
                if (i > 0 && a.members().get(i - 1).rupture() != b.members().get(i - 1).rupture()) {
                    break;
                }
                MemberSession x = a.members().get(i);
                MemberSession y = b.members().get(i);
                double sens = climate.challengeSensitivity().of(x.role());
                // Session 1: nothing learned yet (challenge scale 1); discomfort is only clipped at 0.
                double expected = i == 0 ? x.discomfort() : Math.max(0, x.discomfort() - 0.5 * 1.2 * sens);
                if (x.discomfort() > 0.6 * 1.2 * sens || i == 0) {
                    assertEquals(expected, y.discomfort(), 1e-12, "family " + k + " member " + i);
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }

    @Test
    void anotherChoiceChangesTheCourseOfTheSameFamily() {
        ModelParameters p = variants().get(0);
        RandomStreams streams = RandomStreams.of(SEED);
        int changed = 0;
        for (int k = 0; k < 30; k++) {
            List<String> policy = stepped(p, streams, k, true);
            CourseStepper c = CourseStepper.start(p, streams, 1, k);
            while (!c.ended()) {
                c.step(new SessionChoice(2.0, SessionChoice.NO_FOCUS, 0.1, false));
            }
            List<String> harsh = new ArrayList<>();
            c.sessions().forEach(s -> harsh.add(s.toString()));
            harsh.add(c.course().toString());
            changed += policy.equals(harsh) ? 0 : 1;
        }
        assertTrue(changed >= 25, "courses changed by a harsh therapist: " + changed + " of 30");
    }

    @Test
    void refusesWhatItCannotStep() {
        ModelParameters base = Variants.base(FAMILIES);
        RandomStreams streams = RandomStreams.of(SEED);
        ModelParameters clinic = base.withRun(new RunSpec(RunMode.CLINIC, 50, 365, 20));
        assertThrows(IllegalArgumentException.class, () -> CourseStepper.start(clinic, streams, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CourseStepper.start(base, streams, 0, FAMILIES));
        assertThrows(IllegalArgumentException.class, () -> new SessionChoice(2.5, -1, 0.5, true));
        assertThrows(IllegalArgumentException.class, () -> new SessionChoice(1, -1, 1.5, true));
        CourseStepper c = CourseStepper.start(base, streams, 0, 3);
        assertFalse(c.ended());
        assertThrows(IllegalArgumentException.class, () -> c.step(new SessionChoice(1, 9, 0.5, true)));
        CourseRecord done = CourseStepper.play(base, streams, 0, 3, s -> null);
        assertNotEquals(null, done);
    }
}
