package org.alliancesim.measurement;

import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.SessionRecord;

/**
 * An instrument that observes the model: its settings (a record of the scenario's
 * {@code measurement:} section, {@link MeasurementSpec}) and how it measures a family. The
 * {@link Recorder} knows no instrument: it asks each of {@link MeasurementSpec#instruments()}, in
 * that order, which sessions to keep, and hands each family's course to every instrument in turn
 * (docs/measurement.md, "Adding an instrument").
 *
 * <p>A family that attended at least one session is measured when its course ends, in phases, each
 * phase instrument by instrument in registration order: {@link ReplicationScoring#family} (what is
 * given at baseline), then for each kept session in order {@link FamilyScoring#afterSession}, then
 * {@link FamilyScoring#end}. The rows of measures.csv follow that order. Each instrument draws from
 * streams of purposes of its own ({@link Scores#stream}), so adding one moves no other instrument's
 * draw.
 *
 * <p>Adding an instrument: one record implementing this interface (its settings with their
 * {@code @Doc} bounds, its sessions, its draws) and one registration: a component of
 * {@link MeasurementSpec}, listed in {@link MeasurementSpec#instruments()}. The scenario loader,
 * {@code --set}, the JSON Schema and the errors follow from the record, as for the model's rules.
 */
public interface MeasuringInstrument {

    /** Its name in measures.csv's {@code instrument} column. */
    Instrument instrument();

    /**
     * The last session after which it is given under {@code spec}: 0 when never after a session,
     * {@link Integer#MAX_VALUE} when it has no last one (every k-th session).
     */
    int lastSession(MeasurementSpec spec);

    /** Whether it is given after session {@code session} (to a family that attends it) under {@code spec}. */
    boolean givenAfter(int session, MeasurementSpec spec);

    /**
     * The instrument ready to measure under {@code spec}: what is solved once (error sds for the
     * configured reliabilities), made once per {@link Measurement} and shared by its recorders and
     * {@link Measurement#withSeed} copies.
     */
    Administration administration(MeasurementSpec spec);

    /** An instrument ready to measure. Immutable and thread-safe. */
    @FunctionalInterface
    interface Administration {
        /** Measuring in replication {@code replication}, drawing from {@code streams}; one per replication's thread. */
        ReplicationScoring replication(RandomStreams streams, int replication);
    }

    /** One replication's measuring (what is drawn once per replication, such as a rater's leniency). Not thread-safe. */
    @FunctionalInterface
    interface ReplicationScoring {
        /**
         * Starts measuring the family of {@code scores} (who attended at least one session): what is given at
         * baseline goes to {@code scores} now.
         */
        FamilyScoring family(Scores scores);
    }

    /** One family's measuring, after its baseline. */
    interface FamilyScoring {
        /** After kept session {@code s} (one the family attended and some instrument is given after). */
        default void afterSession(SessionRecord s) {}

        /** At the end of the course, after every session. */
        default void end() {}
    }
}
