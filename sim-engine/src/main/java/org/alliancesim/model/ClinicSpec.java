package org.alliancesim.model;

/**
 * The clinic layer, used in {@link RunMode#CLINIC}.
 *
 * @param referralsPerWeek Poisson arrival rate of referred families
 * @param therapists number of therapists; each is drawn from the pool's mixture and
 *     sees at most its type's caseload at once
 * @param waitlistHazardPerWeek weekly probability that a waiting family gives up
 */
public record ClinicSpec(
        @Doc(value = "Poisson arrival rate of referred families", min = 0, exclusiveMin = true, max = 1000) double referralsPerWeek,
        @Doc(value = "number of therapists; each is drawn from the pool's mixture and sees at most its type's caseload at once", min = 1, max = 10_000) int therapists,
        @Doc(value = "weekly probability that a waiting family gives up", min = 0, max = 1, exclusiveMax = true) double waitlistHazardPerWeek) {

    /** Validates the specification. */
    public ClinicSpec {
        Bounds.checkAll(ClinicSpec.class, referralsPerWeek, therapists, waitlistHazardPerWeek);
    }
}
