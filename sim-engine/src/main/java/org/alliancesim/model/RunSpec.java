package org.alliancesim.model;

/**
 * What one replication simulates.
 *
 * @param mode cohort or clinic
 * @param families cohort: families that start together; clinic: referrals to simulate (fewer if
 *     the horizon comes first); 1..1,000,000
 * @param horizonDays the run stops at this simulated day; families still waiting or in treatment
 *     are censored; (0, 36500]
 * @param sessionLimit most sessions a course may have, 1..200; reaching it completes the course
 */
public record RunSpec(
        @Doc("cohort or clinic") RunMode mode,
        @Doc(value = "cohort: families that start together; clinic: referrals to simulate (fewer if the horizon comes first); 1..1,000,000", min = 1, max = 1_000_000) int families,
        @Doc(value = "the run stops at this simulated day; families still waiting or in treatment are censored; (0, 36500]", min = 0, exclusiveMin = true, max = 36_500) double horizonDays,
        @Doc(value = "most sessions a course may have, 1..200; reaching it completes the course", min = 1, max = 200) int sessionLimit) {

    /** Validates the specification. */
    public RunSpec {
        Check.present("mode", mode);
        Check.range("families", families, 1, 1_000_000);
        if (!(horizonDays > 0 && horizonDays <= 36_500)) {
            throw new IllegalArgumentException("horizonDays must be in (0, 36500], was " + horizonDays);
        }
        Check.range("sessionLimit", sessionLimit, 1, 200);
    }
}
