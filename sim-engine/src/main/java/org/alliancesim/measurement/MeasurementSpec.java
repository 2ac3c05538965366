package org.alliancesim.measurement;

import java.util.List;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * The {@code measurement:} section of a scenario: which instruments observe the model, when, and
 * with how much error and missing data (docs/measurement.md). {@link #defaults()} applies when a
 * file has no such section.
 *
 * <p>The instruments are registered here: each is a component whose type implements
 * {@link MeasuringInstrument}, listed in {@link #instruments()}.
 *
 * @param enabled whether {@code run} measures and writes measures.csv; a file's {@code measurement:}
 *     section turns it on unless it says {@code enabled: false}
 * @param softaO SOFTA-o observer ratings
 * @param softaS SOFTA-s self-report
 * @param outcome the family-functioning outcome
 * @param schedule when each instrument is given
 * @param nonresponse probability that one self-report answer is missing (each SOFTA-s item, each
 *     outcome administration during treatment), in [0, 1)
 * @param followUp the follow-up outcome measurement
 */
public record MeasurementSpec(
        @Doc("whether run measures and writes measures.csv; a measurement section in a file turns it on unless it says enabled: false (default false)") boolean enabled,
        @Doc("SOFTA-o observer ratings: raters, reliability per dimension, rater leniency") ObserverRatings softaO,
        @Doc("SOFTA-s self-report (members aged 12 and up): Cronbach's alpha per subscale") SelfReport softaS,
        @Doc("the family-functioning outcome: reliability, baseline, points per unit of improvement") OutcomeMeasure outcome,
        @Doc("which sessions are rated; the outcome at baseline, every k sessions and at the end") Schedule schedule,
        @Doc(value = "probability that one self-report answer (a SOFTA-s item, an outcome administration) is missing (default 0.02, an assumption)", min = 0, max = 1, exclusiveMax = true) double nonresponse,
        @Doc("a follow-up outcome for every family that started, dropouts too") FollowUp followUp) {

    /** Validates presence and bounds. */
    public MeasurementSpec {
        present("softaO", softaO);
        present("softaS", softaS);
        present("outcome", outcome);
        present("schedule", schedule);
        Bounds.checkAll(MeasurementSpec.class, enabled, softaO, softaS, outcome, schedule, nonresponse, followUp);
        present("followUp", followUp);
    }

    /** Every instrument's defaults; not enabled. */
    public static MeasurementSpec defaults() {
        return new MeasurementSpec(false, ObserverRatings.defaults(), SelfReport.defaults(), OutcomeMeasure.defaults(),
                Schedule.defaults(), 0.02, FollowUp.defaults());
    }

    /**
     * The instruments, in the order they measure a family (the order of their rows in measures.csv
     * within each phase, {@link MeasuringInstrument}): the one registration of an instrument.
     */
    public List<MeasuringInstrument> instruments() {
        return List.of(softaO, softaS, outcome);
    }

    /** A copy that is enabled or not. */
    public MeasurementSpec withEnabled(boolean on) {
        return new MeasurementSpec(on, softaO, softaS, outcome, schedule, nonresponse, followUp);
    }

    /** A copy given on {@code s}, enabled. */
    public MeasurementSpec withSchedule(Schedule s) {
        return new MeasurementSpec(true, softaO, softaS, outcome, s, nonresponse, followUp);
    }

    private static void present(String field, Object v) {
        if (v == null) {
            throw new ParameterException(field, null, "given");
        }
    }
}
