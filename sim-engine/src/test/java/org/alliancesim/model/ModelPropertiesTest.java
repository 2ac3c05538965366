package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants under random but valid parameters: every course ends exactly once, alliance stays on
 * the SOFTA scale, counts add up. Fixed jqwik seed for reproducibility.
 */
class ModelPropertiesTest {

    @Provide
    Arbitrary<FamilyType> familyTypes() {
        Arbitrary<List<Role>> roles = Arbitraries.of(Role.class).list().ofMinSize(2).ofMaxSize(6);
        return Combinators.combine(roles, Arbitraries.integers().between(-1, 5), Arbitraries.of(Referral.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false))
                .as((r, ip, ref, conflict, prepared) -> new FamilyType("random", 1.0, r,
                        Math.min(ip, r.size() - 1), ref, conflict, prepared));
    }

    @Provide
    Arbitrary<TherapistType> therapistTypes() {
        Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(Arbitraries.of(Experience.class), unit, unit, unit, unit,
                Arbitraries.of(ChallengePolicy.class), Arbitraries.doubles().between(0, 2),
                Arbitraries.integers().between(1, 30))
                .as((exp, quality, consistency, repair, balance, policy, challenge, caseload) ->
                        new TherapistType("random", 1.0, exp, quality, quality, quality, consistency, repair,
                                balance, policy, challenge, caseload, 0.2));
    }

    @Provide
    Arbitrary<Setting> settings() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Combinators.combine(b, b, b, b).as(Setting::new);
    }

    @Property(tries = 150, seed = "20261125")
    void everyCourseEndsOnceAndAllianceStaysOnScale(@ForAll("familyTypes") FamilyType family,
            @ForAll("therapistTypes") TherapistType therapist, @ForAll("settings") Setting setting,
            @ForAll RunMode mode, @ForAll long seed) {
        ModelParameters p = ModelParameters.defaults()
                .withRun(new RunSpec(mode, 60, 200, 12))
                .withFamilies(List.of(family))
                .withTherapists(List.of(therapist))
                .withSetting(setting)
                .withClinic(new ClinicSpec(8, 2, 0.05));
        CourseTally t = CourseTally.run(p, seed, 1, true);

        Set<Integer> ids = new HashSet<>();
        for (CourseRecord c : t.courses) {
            assertTrue(ids.add(c.familyId()), "one record per family: " + c.familyId());
            assertTrue(c.sessionsAttended() >= 0 && c.sessionsAttended() <= 12);
            assertTrue(c.improvement() >= 0);
            for (double a : new double[] {c.allianceFirst(), c.allianceThird(), c.allianceLast(), c.sharedPurposeLast()}) {
                assertTrue(Double.isNaN(a) || (a >= -3 && a <= 3), "alliance on scale: " + a);
            }
            assertTrue(c.splitMax() >= 0 && c.splitMax() <= 6);
        }
        if (mode == RunMode.COHORT) {
            assertEquals(60, t.courses.size());
        } else {
            assertTrue(t.courses.size() <= 60);
            assertEquals(ids.size(), t.courses.size());
            for (int k = 0; k < ids.size(); k++) {
                assertTrue(ids.contains(k), "family ids are 0..n-1");
            }
        }
        for (SessionRecord s : t.sessions) {
            for (MemberSession m : s.members()) {
                for (double a : new double[] {m.engagement(), m.connection(), m.safety(), m.alliance()}) {
                    assertTrue(a >= -3 && a <= 3, "member alliance on scale: " + a);
                }
                assertTrue(m.discomfort() >= 0);
            }
            assertTrue(s.challenge() >= 0 && s.challenge() <= 3);
            assertTrue(s.support() >= 0 && s.support() <= 1);
        }
    }
}
