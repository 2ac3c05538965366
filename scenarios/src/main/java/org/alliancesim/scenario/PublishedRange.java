package org.alliancesim.scenario;

import org.alliancesim.model.ParameterException;

/**
 * A statistic and the range the literature supports for it, with where it comes from: the one shape of
 * a calibration target ({@link CalibrationSpec.Target}) and a validation pattern
 * ({@link ValidationSpec.Pattern}).
 */
public interface PublishedRange {

    /** The statistic's key. */
    String statistic();

    /** Lowest value in range. */
    double min();

    /** Highest value in range. */
    double max();

    /** Where the range comes from. */
    String source();

    /** Whether {@code value} lies in the range. */
    default boolean inRange(double value) {
        return value >= min() && value <= max();
    }

    /**
     * Refuses a range whose {@code min} is not below its {@code max}.
     *
     * @throws ParameterException naming min, with max
     */
    static void checkOrdered(double min, double max) {
        if (!(min < max)) {
            throw new ParameterException("min", String.valueOf(min), "below max (" + max + ")");
        }
    }
}
