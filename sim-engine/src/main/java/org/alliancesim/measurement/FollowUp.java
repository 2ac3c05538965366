package org.alliancesim.measurement;

import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;

/**
 * A follow-up outcome measurement, given to every family that started treatment (dropouts too),
 * {@code weeks} after its course ended. The model does not simulate life after the course, so the
 * latent truth at follow-up is the truth at the end of the course.
 *
 * @param weeks weeks after the end of the course; 0 for no follow-up
 * @param nonresponse probability that a family's follow-up questionnaire is missing, in [0, 1)
 */
public record FollowUp(
        @Doc(value = "weeks after the course ended; 0 for no follow-up (default 0)", min = 0, max = 520) int weeks,
        @Doc(value = "probability that a family's follow-up questionnaire is missing (default 0.2, an assumption)", min = 0, max = 1, exclusiveMax = true) double nonresponse) {

    /** Validates the bounds of every field. */
    public FollowUp {
        Bounds.checkAll(FollowUp.class, weeks, nonresponse);
    }

    /** No follow-up (nonresponse 0.2 when one is configured). */
    public static FollowUp defaults() {
        return new FollowUp(0, 0.2);
    }

    /** Whether a follow-up is configured. */
    public boolean configured() {
        return weeks > 0;
    }
}
