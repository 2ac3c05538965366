package org.alliancesim.scenario;

import java.util.List;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A validation set (scenarios/targets/validation.yaml): patterns the literature reports that the
 * model should reproduce through its mechanisms. It is a file of its own and never an objective of a
 * fit: its statistics are not metrics of summary.json, so a calibration targets file naming one is
 * refused ({@link CalibrationSpecs}).
 *
 * @param patterns the patterns, each with its published range
 */
public record ValidationSpec(@Doc("the patterns and their published ranges") List<Pattern> patterns) {

    /** Validates the fields. */
    public ValidationSpec {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new ParameterException("patterns", "an empty list", "a list of at least one pattern");
        }
    }

    /**
     * One pattern: a statistic of the validation set (docs/calibration.md) and the range the
     * literature supports; a direction is a range bounded by 0 on one side.
     *
     * @param statistic the statistic's key, for example therapist_dropout_icc
     * @param min lowest value in range
     * @param max highest value in range
     * @param published what the literature reports, as text (a value, a range or a direction)
     * @param source where it comes from
     */
    public record Pattern(
            @Doc("a statistic of the validation set, for example therapist_dropout_icc") String statistic,
            @Doc("lowest value in range") double min,
            @Doc("highest value in range") double max,
            @Doc("what the literature reports (a value, a range or a direction)") String published,
            @Doc("where it comes from") String source) implements PublishedRange {
        /** Validates the range. */
        public Pattern {
            PublishedRange.checkOrdered(min, max);
        }
    }
}
