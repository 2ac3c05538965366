package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queue of free therapists chooses exactly as the scan over all therapists did. */
class TherapistQueueTest {

    /**
     * Caseloads whose relative loads often tie as doubles (1/2 = 2/4 = 3/6 = 5/10, 1/3 = 2/6 = 4/12,
     * 1/4 = 3/12 = 5/20 ...), so the lowest-index tie rule is exercised, not only the ordering.
     */
    private static final int[] CASELOADS = {1, 2, 3, 4, 6, 10, 12, 20, 100};

    /**
     * Free capacity written out here (load strictly below the caseload, docs/model.md), not through
     * Therapist.hasCapacity: the oracle must not share the code under test.
     */
    private static boolean free(Therapist th) {
        return th.load < th.type.caseload();
    }

    /** The choice as Replication made it before the queue: the first strictly lowest load / caseload. */
    private static Therapist scan(Therapist[] therapists) {
        Therapist best = null;
        double bestLoad = Double.POSITIVE_INFINITY;
        for (Therapist th : therapists) {
            if (free(th)) {
                double load = (double) th.load / th.type.caseload();
                if (load < bestLoad) {
                    best = th;
                    bestLoad = load;
                }
            }
        }
        return best;
    }

    @ParameterizedTest(name = "{0} therapists, seed {1}")
    @CsvSource({"1, 1", "7, 2", "50, 3", "50, 4", "1000, 5"})
    void choosesAsTheLinearScanOnRandomAssignmentsAndReleases(int count, long seed) {
        UniformRandomProvider rng = RandomStreams.of(seed).stream(0, count, "therapist-queue-test");
        Dynamics d = Dynamics.defaults();
        Therapist[] therapists = new Therapist[count];
        int capacity = 0;
        for (int j = 0; j < count; j++) {
            TherapistType type = Variants.with(Variants.experienced(), "caseload", CASELOADS[rng.nextInt(CASELOADS.length)]);
            therapists[j] = Therapist.typical(j, type, d);
            // Start from a random load, as a queue built mid-run would see.
            therapists[j].load = rng.nextInt(type.caseload() + 1);
            capacity += type.caseload();
        }
        TherapistQueue queue = new TherapistQueue(therapists);
        // Phases that fill the clinic and phases that empty it, long enough for both ends to be reached.
        int phase = Math.max(2000, 4 * capacity);
        int steps = 4 * phase;
        int ties = 0;
        int full = 0;
        for (int step = 0; step < steps; step++) {
            Therapist expected = scan(therapists);
            assertSame(expected, queue.leastLoaded(), "step " + step);
            if (expected == null) {
                full++;
            } else if (tied(therapists, expected)) {
                ties++;
            }
            boolean filling = (step / phase) % 2 == 0;
            if (expected != null && rng.nextDouble() < (filling ? 0.7 : 0.3)) {
                expected.load++;
                queue.loadChanged(expected);
            } else {
                Therapist th = therapists[rng.nextInt(count)];
                if (th.load > 0) {
                    th.load--;
                    queue.loadChanged(th);
                }
            }
        }
        // The cases the rule is about must have occurred (not a property that holds by construction).
        assertTrue(full > 0, "the clinic was never full");
        if (count > 1) {
            assertTrue(ties > steps / 100, "too few ties: " + ties);
        }
    }

    /** Whether another therapist with capacity has the same relative load as {@code chosen}. */
    private static boolean tied(Therapist[] therapists, Therapist chosen) {
        double load = (double) chosen.load / chosen.type.caseload();
        for (Therapist th : therapists) {
            if (th != chosen && free(th) && (double) th.load / th.type.caseload() == load) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "therapist {0} of 3 with the wrong id")
    @CsvSource({"0", "2"})
    void rejectsTherapistsOutOfIndexOrder(int wrong) {
        Dynamics d = Dynamics.defaults();
        Therapist[] therapists = new Therapist[3];
        for (int j = 0; j < 3; j++) {
            therapists[j] = Therapist.typical(j == wrong ? 9 : j, Variants.experienced(), d);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TherapistQueue(therapists));
        assertEquals("therapist at index " + wrong + " has id 9", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aTherapistAtTheCaseloadLeavesTheQueueAndOneBelowItStays() {
        // Wrong code: hasCapacity as `load <= caseload` keeps a full therapist in the queue.
        Dynamics d = Dynamics.defaults();
        Therapist th = Therapist.typical(0, Variants.with(Variants.experienced(), "caseload", 2), d);
        TherapistQueue queue = new TherapistQueue(new Therapist[] {th});
        th.load = 1;
        queue.loadChanged(th);
        assertTrue(th.hasCapacity());
        assertSame(th, queue.leastLoaded());
        th.load = 2;
        queue.loadChanged(th);
        assertEquals(false, th.hasCapacity());
        assertEquals(null, queue.leastLoaded(), "a therapist with 2 of 2 families takes no more");
    }
}
