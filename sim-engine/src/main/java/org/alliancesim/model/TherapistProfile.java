package org.alliancesim.model;

/**
 * What one therapist of a replication was: the qualities drawn for them around their type
 * ({@link TherapistType}, docs/model.md 3.0), as the model uses them. Emitted once per therapist,
 * when the therapist is drawn ({@link CourseListener#therapistDrawn}).
 *
 * @param replication replication number
 * @param therapistId therapist number within the replication (as in {@link CourseRecord#therapistId()})
 * @param therapistType the type's name
 * @param warmth drawn warmth, 0..1
 * @param empathy drawn empathy, 0..1
 * @param genuineness drawn genuineness, 0..1
 * @param consistency drawn consistency, 0..1
 * @param repairSkill drawn repair skill, 0..1 (before the novice factor)
 * @param balance drawn balance, 0..1
 * @param engagement the retention skill's engagement work: log-odds taken off the practical barriers
 *     of the therapist's families (0 without {@code dynamics.skills.engagement_sd})
 * @param focus the outcome skill: multiplier (median 1) on the progress each unit of work makes
 */
public record TherapistProfile(int replication, int therapistId, String therapistType, double warmth, double empathy,
        double genuineness, double consistency, double repairSkill, double balance, double engagement,
        double focus) {}
