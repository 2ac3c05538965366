package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.Role;

/**
 * Measures simulated families as a study would: the library entry point of measurement
 * (docs/measurement.md). Given a {@link MeasurementSpec} and the run's master seed, it turns the
 * records one replication emits into {@link Measure} rows and a {@link FamilyTruth} per family.
 *
 * <p>Two ways in: {@link #measure(ModelParameters, int)} runs one replication and returns its rows
 * (what a study calls); {@link #recorder(int, Sink)} gives a {@link CourseListener} to compose with
 * other listeners of a replication that is run anyway (what {@code run --measure} does). The
 * replication must be run with session detail, or only the families' truths come out.
 *
 * <p>Random numbers: from streams of {@link RandomStreams} with purposes of their own, never the
 * model's, so a run with and without measurement simulates the same families: family {@code k}'s
 * SOFTA-o errors from (replication, k, "measure-softa-o"), its SOFTA-s answers from (replication, k,
 * "measure-softa-s"), its outcome from (replication, k, "measure-outcome"), and rater {@code j}'s
 * leniency from (replication, j, "measure-rater-leniency"). Each family's draws are taken in a fixed
 * order when its course ends, so measured values do not depend on threads or on other families.
 *
 * <p>The instruments are those of {@link MeasurementSpec#instruments()} ({@link MeasuringInstrument}):
 * each is made ready once, when the measurement is made ({@link #of}: the error sds that give the
 * configured reliabilities, {@link WholePointReliability}), and shared by its recorders.
 * Immutable and thread-safe; each recorder belongs to one replication's thread.
 *
 * <p>For less work per family, a reader that wants only the raters' consensus gets the same rows
 * minus those of single raters ({@link #withoutRaterRows()}), and one that summarises the scores
 * itself gets them one by one without rows ({@link #recorder(int, Scored, Sink)}); a virtual study
 * that keeps no measures does both.
 */
public final class Measurement {

    /** Receives one family's truth and observed scores when its course ends. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param truth the family's latent values
         * @param measures its observed scores in a fixed order (empty if it never started)
         */
        void family(FamilyTruth truth, List<Measure> measures);
    }

    /**
     * Receives a family's scores one at a time, as its instruments give them, instead of as
     * {@link Measure} rows ({@link #recorder(int, Scored, Sink)}).
     */
    @FunctionalInterface
    public interface Scored {
        /**
         * One score: the fields of the row it would be ({@link Measure}) but the family's replication,
         * number and therapist, which the truth handed to the sink next carries.
         */
        void score(int memberId, Role role, int session, Instrument instrument, String scale, int rater, double score);
    }

    /**
     * One replication measured.
     *
     * @param families one truth per family, in the order their courses ended
     * @param measures every observed score, family by family in the same order
     */
    public record Result(List<FamilyTruth> families, List<Measure> measures) {

        /** Copies the lists. */
        public Result {
            families = List.copyOf(families);
            measures = List.copyOf(measures);
        }
    }

    private final MeasurementSpec spec;
    private final RandomStreams streams;
    /** Each instrument of {@link MeasurementSpec#instruments()} ready to measure, in that order. */
    private final List<MeasuringInstrument.Administration> administrations;
    /** Whether each rater's own score is a row ({@link #withoutRaterRows}). */
    private final boolean raterRows;

    private Measurement(MeasurementSpec spec, RandomStreams streams,
            List<MeasuringInstrument.Administration> administrations, boolean raterRows) {
        this.spec = spec;
        this.streams = streams;
        this.administrations = administrations;
        this.raterRows = raterRows;
    }

    private Measurement(MeasurementSpec spec, RandomStreams streams) {
        this(spec, streams, spec.instruments().stream().map(i -> i.administration(spec)).toList(), true);
    }

    /**
     * Measurement with {@code spec}, drawing from streams of {@code seed} (the run's master seed).
     *
     * @throws NullPointerException if {@code spec} is null
     */
    public static Measurement of(MeasurementSpec spec, long seed) {
        return new Measurement(Objects.requireNonNull(spec, "spec"), RandomStreams.of(seed));
    }

    /**
     * The same measurement drawing from streams of {@code seed}: the error sds, which depend on the
     * spec only, are shared rather than solved again (a power analysis measures hundreds of samples).
     */
    public Measurement withSeed(long seed) {
        return new Measurement(spec, RandomStreams.of(seed), administrations, raterRows);
    }

    /**
     * The same measurement without the rows of single raters: each family's list is this
     * measurement's list with every row whose {@link Measure#rater()} is not {@link Measure#NONE}
     * left out, the others the same and in the same order (the raters' consensus, SOFTA-s, the
     * outcome), and the same truths. Nothing is drawn differently: every rater's error is still drawn
     * and enters the consensus, only the row recording it is not made ({@link Scores#member}). For
     * readers of the consensus alone, such as a virtual study that keeps no measures
     * ({@code VirtualStudy.draw} with {@code keepMeasures} false): with two raters that is more
     * than half of a family's rows not made, nor scanned.
     */
    public Measurement withoutRaterRows() {
        return new Measurement(spec, streams, administrations, false);
    }

    /** Whether each rater's own score is a row (false after {@link #withoutRaterRows}). */
    public boolean raterRows() {
        return raterRows;
    }

    /** The instruments, schedule and missingness in use. */
    public MeasurementSpec spec() {
        return spec;
    }

    /** The master seed of the measurement's streams. */
    public long seed() {
        return streams.masterSeed();
    }

    /** Instrument {@code i} of {@link MeasurementSpec#instruments()}, ready to measure. */
    MeasuringInstrument.Administration administration(int i) {
        return administrations.get(i);
    }

    /**
     * A listener for replication {@code replication} that hands each family's truth and scores to
     * {@code sink} when its course ends. Not thread-safe: one per replication.
     */
    public Recorder recorder(int replication, Sink sink) {
        return new Recorder(this, streams, replication, null, Objects.requireNonNull(sink, "sink"));
    }

    /**
     * A listener like {@link #recorder(int, Sink)} that makes no rows: when a family's course ends its
     * scores go to {@code scored}, one call per row {@link #recorder(int, Sink)} would make and in the
     * same order, then its truth to {@code sink} with an empty list. The same draws and the same
     * values; for a reader that folds the scores into a summary of its own (a virtual study's family
     * row) rather than keeping them. Not thread-safe: one per replication.
     */
    public Recorder recorder(int replication, Scored scored, Sink sink) {
        return new Recorder(this, streams, replication, Objects.requireNonNull(scored, "scored"),
                Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Runs replication {@code replication} of {@code model} (with session detail, on this thread,
     * from the same seed) and measures it.
     */
    public Result measure(ModelParameters model, int replication) {
        List<FamilyTruth> truths = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        Replication.run(model, streams, replication, recorder(replication, (t, m) -> {
            truths.add(t);
            measures.addAll(m);
        }), true);
        return new Result(truths, measures);
    }
}
