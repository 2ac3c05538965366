package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancesim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * What a replication reports at its edges, each checked against counts made here from the records
 * it streams: the course ended by no-shows in a row, its totals, the therapists it tells of, who is
 * prepared, and the family conflict kept on its scale.
 */
class ReplicationEdgesTest {

    private static final long SEED = 20261207L;

    private static List<CourseRecord> run(ModelParameters p, List<TherapistProfile> drawn, List<Object> events,
            Replication.Totals[] totals) {
        List<CourseRecord> out = new ArrayList<>();
        Replication.Totals t = Replication.run(p, RandomStreams.of(SEED), 0, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                out.add(c);
                events.add(c);
            }

            @Override
            public void therapistDrawn(TherapistProfile th) {
                drawn.add(th);
                events.add(th);
            }
        }, false);
        if (totals != null) {
            totals[0] = t;
        }
        return out;
    }

    private static List<CourseRecord> run(ModelParameters p) {
        return run(p, new ArrayList<>(), new ArrayList<>(), null);
    }

    /**
     * Every occasion after the first session a no-show (no cancellation, no dropout hazard to speak of:
     * logit -10, 4.5e-5 an occasion): the third no-show in a row ends the course as dropout, at session 2,
     * with 1 session attended and 3 no-shows.
     */
    @Test
    void theThirdNoShowInARowEndsTheCourseAsDropout() {
        ModelParameters p = Variants.set(Variants.base(60), "dynamics.attendance.noShowBase", 1.0,
                "dynamics.attendance.cancellation", 0.0, "dynamics.attendance.intercept", -10.0,
                "dynamics.attendance.barrierSd", 0.0, "dynamics.attendance.maxConsecutiveNoShows", 3);
        List<CourseRecord> cs = run(p);
        assertEquals(60, cs.size());
        int byNoShows = 0;
        for (CourseRecord c : cs) {
            assertEquals(1, c.sessionsAttended(), "family " + c.familyId());
            if (c.endReason() == EndReason.GOALS_MET) {
                continue; // its goal reached at the first session
            }
            assertEquals(EndReason.DROPOUT, c.endReason(), "family " + c.familyId());
            assertEquals(3, c.noShows(), "family " + c.familyId());
            assertEquals(2, c.endSession(), "family " + c.familyId());
            byNoShows++;
        }
        assertTrue(byNoShows >= 50, "ended by no-shows: " + byNoShows);
    }

    /** The totals are the records' counts: courses, sessions attended, member-sessions. */
    @Test
    void totalsAreTheCountsOfTheRecords() {
        Replication.Totals[] t = new Replication.Totals[1];
        List<CourseRecord> cs = run(Variants.base(80), new ArrayList<>(), new ArrayList<>(), t);
        assertEquals(80, t[0].families());
        assertEquals(cs.stream().mapToLong(CourseRecord::sessionsAttended).sum(), t[0].sessions());
        assertEquals(cs.stream().mapToLong(c -> (long) c.sessionsAttended() * c.size()).sum(), t[0].memberSessions());
        assertTrue(t[0].events() >= t[0].sessions());
    }

    /**
     * The listener hears each therapist once, before any of their courses ends: in a clinic all of them
     * (ids 0 to therapists - 1) at the start; in a cohort each therapist a family meets.
     */
    @Test
    void everyTherapistIsToldOnceBeforeTheirCourses() {
        ModelParameters clinic = ModelParameters.defaults().withRun(new RunSpec(RunMode.CLINIC, 60, 200, 12))
                .withClinic(new ClinicSpec(10, 4, 0.05));
        for (ModelParameters p : List.of(clinic, Variants.base(60))) {
            List<TherapistProfile> drawn = new ArrayList<>();
            List<Object> events = new ArrayList<>();
            List<CourseRecord> cs = run(p, drawn, events, null);
            Set<Integer> ids = new HashSet<>();
            Map<Integer, Integer> toldAt = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof TherapistProfile th) {
                    assertTrue(ids.add(th.therapistId()), "told twice: " + th.therapistId());
                    toldAt.put(th.therapistId(), i);
                    assertTrue(p.therapists().stream().anyMatch(t -> t.name().equals(th.therapistType())));
                    assertEquals(0, th.replication());
                } else {
                    CourseRecord c = (CourseRecord) events.get(i);
                    if (c.therapistId() >= 0) {
                        assertTrue(toldAt.containsKey(c.therapistId()) && toldAt.get(c.therapistId()) < i,
                                "therapist " + c.therapistId() + " told before the course");
                    }
                }
            }
            Set<Integer> met = new HashSet<>();
            cs.stream().filter(c -> c.therapistId() >= 0).forEach(c -> met.add(c.therapistId()));
            if (p == clinic) {
                assertEquals(Set.of(0, 1, 2, 3), ids, "a clinic draws all its therapists");
            } else {
                assertEquals(met, ids, "a cohort draws the therapists its families meet");
            }
            assertTrue(met.size() >= 2);
        }
    }

    /** A family is prepared by its type or by the setting's orientation session, and only by them. */
    @Test
    void preparedByTheTypeOrByAnOrientation() {
        ModelParameters base = Variants.base(20);
        for (boolean typePrepared : new boolean[] {false, true}) {
            for (boolean orientation : new boolean[] {false, true}) {
                ModelParameters p = Variants.onlyFamily(Variants.observed(base, orientation),
                        Variants.family(Referral.VOLUNTARY, 0.5, typePrepared));
                for (CourseRecord c : run(p)) {
                    assertEquals(typePrepared || orientation, c.prepared(), typePrepared + " " + orientation);
                }
            }
        }
    }

    /**
     * A family's conflict is its type's plus noise, kept in [0, 1]: types at 0 and at 1 with a wide
     * spread put about half their families on the bound itself, none beyond it.
     */
    @Test
    void conflictIsClampedToItsScale() {
        for (double mean : new double[] {0.0, 1.0}) {
            ModelParameters p = Variants.set(Variants.onlyFamily(Variants.base(40),
                    Variants.family(Referral.VOLUNTARY, mean, false)), "dynamics.climate.conflictSd", 0.5);
            List<CourseRecord> cs = run(p);
            long onBound = cs.stream().filter(c -> c.conflict() == mean).count();
            assertTrue(cs.stream().allMatch(c -> c.conflict() >= 0 && c.conflict() <= 1), "mean " + mean);
            assertTrue(onBound >= 10 && onBound <= 30, "on the bound " + mean + ": " + onBound + " of 40");
        }
    }
}
