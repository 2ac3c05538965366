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
 * not kept; the instrument has drawn it all the same. Not thread-safe: one per family, on the
 * replication's thread.
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
    private double functioningBaseline = Double.NaN;
    private double functioningEnd = Double.NaN;

    Scores(RandomStreams streams, int replication, CourseRecord course, boolean raterRows) {
        this.streams = streams;
        this.replication = replication;
        this.course = course;
        this.raterRows = raterRows;
        this.measures = new ArrayList<>(raterRows ? 48 : 26);
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
        measures.add(new Measure(replication, course.familyId(), course.therapistId(), Measure.NONE, null, session,
                instrument, scale, Measure.NONE, score));
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
        measures.add(new Measure(replication, course.familyId(), course.therapistId(), memberId, role, session,
                instrument, scale, rater, score));
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
