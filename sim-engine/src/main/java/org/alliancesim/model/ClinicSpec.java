package org.alliancesim.model;

/**
 * The clinic layer, used in {@link RunMode#CLINIC}.
 *
 * @param referralsPerWeek Poisson arrival rate of referred families, (0, 1000]
 * @param therapists number of therapists, 1..10,000; each is drawn from the pool's mixture and
 *     sees at most its type's caseload at once
 * @param waitlistHazardPerWeek weekly probability that a waiting family gives up, [0, 1)
 */
public record ClinicSpec(
        @Doc(value = "Poisson arrival rate of referred families, (0, 1000]", min = 0, exclusiveMin = true, max = 1000) double referralsPerWeek,
        @Doc(value = "number of therapists, 1..10,000; each is drawn from the pool's mixture and sees at most its type's caseload at once", min = 1, max = 10_000) int therapists,
        @Doc(value = "weekly probability that a waiting family gives up, [0, 1)", min = 0, max = 1, exclusiveMax = true) double waitlistHazardPerWeek) {

    /** Validates the specification. */
    public ClinicSpec {
        if (!(referralsPerWeek > 0 && referralsPerWeek <= 1000)) {
            throw new IllegalArgumentException("referralsPerWeek must be in (0, 1000], was " + referralsPerWeek);
        }
        Check.range("therapists", therapists, 1, 10_000);
        if (!(waitlistHazardPerWeek >= 0 && waitlistHazardPerWeek < 1)) {
            throw new IllegalArgumentException("waitlistHazardPerWeek must be in [0, 1), was " + waitlistHazardPerWeek);
        }
    }
}
