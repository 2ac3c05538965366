package org.alliancesim.model;

/**
 * What one replication simulates.
 *
 * @param mode cohort or clinic
 * @param families cohort: families that start together; clinic: referrals to simulate (fewer if
 *     the horizon comes first);
 * @param horizonDays the run stops at this simulated day; families still waiting or in treatment
 *     are censored;
 * @param sessionLimit most sessions a course may have; reaching it completes the course
 */
public record RunSpec(
        @Doc("cohort or clinic") RunMode mode,
        @Doc(value = "cohort: families that start together; clinic: referrals to simulate (fewer if the horizon comes first);", min = 1, max = 1_000_000) int families,
        @Doc(value = "the run stops at this simulated day; families still waiting or in treatment are censored;", min = 0, exclusiveMin = true, max = 36_500) double horizonDays,
        @Doc(value = "most sessions a course may have; reaching it completes the course", min = 1, max = 200) int sessionLimit) {

    /** Validates the specification. */
    public RunSpec {
        Check.present("mode", mode);
        Bounds.checkAll(RunSpec.class, mode, families, horizonDays, sessionLimit);
    }
}
