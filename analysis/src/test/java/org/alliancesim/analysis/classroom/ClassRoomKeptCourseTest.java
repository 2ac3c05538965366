package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.SessionChoice;
import org.junit.jupiter.api.Test;

/**
 * Class mode keeps each student's course paused between requests (a step runs one session). The
 * kept course must be the replay of the student's choices from the start, to the last bit: the
 * same state JSON (every double as the replay prints it) after every step, after the kept course
 * is dropped (idle) and rebuilt, and after the teacher changes the plan. Catches a kept course
 * stepped twice or not at all, rebuilt from the wrong plan, family or seed, or kept across a new
 * plan; and checks the memory bound (one course per student at most, none after reset or leave).
 */
class ClassRoomKeptCourseTest {

    /** The state of {@code choices} replayed from the start on the plan, as the practice screen's API computes it. */
    static String replayed(String preset, int family, List<SessionChoice> choices) throws Exception {
        List<String> parts = new ArrayList<>();
        for (SessionChoice c : choices) {
            parts.add(c.challenge() + "," + c.focus() + "," + c.support() + "," + (c.attemptRepair() ? 1 : 0));
        }
        Map<String, String> q = Map.of("preset", preset, "family", Integer.toString(family),
                "choices", String.join(";", parts));
        return Practice.parse(q::get).state().toString();
    }

    /** The kept course's answer without the two class fields the replay does not have. */
    static String kept(ObjectNode o) {
        o.remove("nickname");
        o.remove("revealed");
        return o.toString();
    }

    /** Varied choices: challenge up and down, focus on a member or none, support, repair declined now and then. */
    static SessionChoice choice(int i) {
        return new SessionChoice(0.15 * (i % 9), i % 3 == 0 ? -1 : i % 2, 0.4 + 0.05 * (i % 7), i % 4 != 1);
    }

    @Test
    void aKeptCourseIsTheReplayFromTheStartToTheLastBit() throws Exception {
        ClassRoom room = new ClassRoom(5, new SecureRandom());
        room.plan("rupture-repair-resistance-as-information", 11);
        ClassRoom.Student s = room.student(room.join("a", room.code, "ann"));
        List<SessionChoice> choices = new ArrayList<>();
        int steps = 0;
        while (true) {
            SessionChoice c = choice(steps);
            ObjectNode o;
            try {
                o = room.step(s, c);
            } catch (BadRequest e) {
                assertTrue(e.getMessage().contains("the course ended"), e.getMessage());
                break;
            }
            choices.add(c);
            steps++;
            assertEquals(replayed("rupture-repair-resistance-as-information", 11, choices), kept(o), "after step " + steps);
            if (steps == 3) {
                s.drop(); // as after idling: the next request rebuilds the course from the choices
                assertFalse(s.keepsCourse());
            }
        }
        assertTrue(steps >= 2, "the family came to at least two sessions: " + steps);
        assertEquals(replayed("rupture-repair-resistance-as-information", 11, choices), kept(room.me(s)));
    }

    @Test
    void aNewPlanStartsEveryCourseAgainOnTheNewFamily() throws Exception {
        ClassRoom room = new ClassRoom(5, new SecureRandom());
        ClassRoom.Student s = room.student(room.join("a", room.code, "ann"));
        room.step(s, choice(0));
        room.step(s, choice(1));
        room.plan("default", 4);
        assertFalse(s.keepsCourse(), "the old plan's course is dropped");
        assertEquals(replayed("default", 4, List.of()), kept(room.me(s)));
        assertEquals(replayed("default", 4, List.of(choice(5))), kept(room.step(s, choice(5))));
    }

    @Test
    void atMostOneCoursePerStudentAndNoneAfterLeaving() throws Exception {
        ClassRoom room = new ClassRoom(3, new SecureRandom());
        String token = room.join("a", room.code, "ann");
        ClassRoom.Student ann = room.student(token);
        ClassRoom.Student bob = room.student(room.join("a", room.code, "bob"));
        assertFalse(ann.keepsCourse(), "nothing kept before a student plays");
        room.step(ann, choice(0));
        room.step(bob, choice(0));
        assertTrue(ann.keepsCourse() && bob.keepsCourse());
        room.leave(ann, token);
        assertFalse(ann.keepsCourse(), "dropped on leaving");
        BadRequest gone = assertThrows(BadRequest.class, () -> room.student(token));
        assertTrue(gone.getMessage().contains("not joined"), gone.getMessage());
        // A left student's rows stay in the anonymous export (replayed, not kept again).
        assertTrue(room.csv().lines().anyMatch(l -> l.startsWith("1,1,")), room.csv());
        room.dashboard();
        assertFalse(ann.keepsCourse(), "reading a left student's course for the dashboard keeps nothing");
    }
}
