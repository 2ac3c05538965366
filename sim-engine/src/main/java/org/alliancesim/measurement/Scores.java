package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.Role;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One family's observed scores as the instruments give them ({@link MeasuringInstrument}), in the
 * order given, and the latent functioning an outcome instrument drew. Under
 * {@link Measurement#withoutRaterRows()} a single rater's score ({@link #member} with a rater) is
 * not kept; the instrument has drawn it all the same. For a recorder with a
 * {@link Measurement.Scored} each score goes there as it is given and no row is made. Not
 * thread-safe: one per family, on the replication's thread.
 */
public final class Scores {

    private final RandomStreams streams;
    private final int replication;
    private final CourseRecord course;
    /**
     * Room for a family of four rated once by two raters and its outcome scores (about 40) without
     * the list growing: grown from ArrayList's default of 10 it copied itself three times per family
     * (in a JFR profile of 3000 early-ratings virtual studies, 152 of about 1,700 samples); without
     * the raters' own rows, for a family of six (about 25).
     */
    private final List<Measure> measures;
    private final boolean raterRows;
    /** Where each score goes instead of a row, or null. */
    private final Measurement.Scored scored;
    private double functioningBaseline = Double.NaN;
    private double functioningEnd = Double.NaN;

    Scores(RandomStreams streams, int replication, CourseRecord course, boolean raterRows,
            Measurement.Scored scored) {
        this.streams = streams;
        this.replication = replication;
        this.course = course;
        this.raterRows = raterRows;
        this.scored = scored;
        this.measures = scored != null ? List.of() : new ArrayList<>(raterRows ? 48 : 26);
    }

    /** The family's course. */
    public CourseRecord course() {
        return course;
    }

    /** This family's stream of {@code purpose} ({@link RandomStreams#purposeCode}): (replication, family, purpose). */
    public UniformRandomProvider stream(long purpose) {
        return streams.stream(replication, course.familyId(), purpose);
    }

    /** A family-level score (no member, no rater) after {@code session}. */
    public void family(int session, Instrument instrument, String scale, double score) {
        add(Measure.NONE, null, session, instrument, scale, Measure.NONE, score);
    }

    /**
     * A score of member {@code memberId} (or {@link Measure#NONE} for the family) by {@code rater} (or
     * NONE); a rater's score is not kept under {@link Measurement#withoutRaterRows()}.
     */
    public void member(int session, int memberId, Role role, Instrument instrument, String scale, int rater,
            double score) {
        if (rater != Measure.NONE && !raterRows) {
            return;
        }
        add(memberId, role, session, instrument, scale, rater, score);
    }

    private void add(int memberId, Role role, int session, Instrument instrument, String scale, int rater,
            double score) {
        if (scored != null) {
            scored.score(memberId, role, session, instrument, scale, rater, score);
        } else {
            measures.add(new Measure(replication, course.familyId(), course.therapistId(), memberId, role, session,
                    instrument, scale, rater, score));
        }
    }

    /** The latent family functioning at baseline and at the end, as an outcome instrument drew it ({@link FamilyTruth}). */
    public void functioning(double baseline, double end) {
        functioningBaseline = baseline;
        functioningEnd = end;
    }

    List<Measure> measures() {
        return measures;
    }

    double functioningBaseline() {
        return functioningBaseline;
    }

    double functioningEnd() {
        return functioningEnd;
    }
}
