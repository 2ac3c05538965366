package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;

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
 * <p>The error sds that give the configured reliabilities are solved once, when the measurement is
 * made ({@link #of}, {@link WholePointReliability}), and shared by its recorders.
 * Immutable and thread-safe; each recorder belongs to one replication's thread.
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
    private final double[] raterErrorSd;
    private final double[] itemErrorSd;

    private Measurement(MeasurementSpec spec, RandomStreams streams, double[] raterErrorSd, double[] itemErrorSd) {
        this.spec = spec;
        this.streams = streams;
        this.raterErrorSd = raterErrorSd;
        this.itemErrorSd = itemErrorSd;
    }

    private Measurement(MeasurementSpec spec, RandomStreams streams) {
        this(spec, streams, new double[Dimension.values().length], new double[Dimension.values().length]);
        for (Dimension d : Dimension.values()) {
            raterErrorSd[d.ordinal()] = errorSd(d, false, spec.softaO().reliability(d));
            itemErrorSd[d.ordinal()] = errorSd(d, true,
                    SelfReport.itemReliability(spec.softaS().alpha(d), SelfReport.ITEMS_PER_SCALE));
        }
    }

    /** A solved error sd: which dimension, rater (false) or self-report item (true), and the reliability. */
    private record ErrorSdKey(Dimension dimension, boolean item, double reliability) {}

    /** Most solved error sds kept (a sweep over reliabilities solves a few per point; beyond this, solved anew). */
    private static final int MOST_SOLVED = 4096;
    private static final java.util.concurrent.ConcurrentHashMap<ErrorSdKey, Double> SOLVED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The error sd giving {@code reliability} on {@code d}'s scale ({@link WholePointReliability#errorSd}),
     * solved once per (dimension, instrument, reliability) in the process: the bisection costs
     * milliseconds, and ABC-SMC makes a measurement for every simulation of a study target. The solution
     * depends on its key only, so the memo changes no value.
     */
    private static double errorSd(Dimension d, boolean item, double reliability) {
        ErrorSdKey key = new ErrorSdKey(d, item, reliability);
        Double known = SOLVED.get(key);
        if (known != null) {
            return known;
        }
        double sd = WholePointReliability.errorSd(ReferenceDistribution.counts(d, item),
                item ? WholePointReliability.SOFTA_S_ITEM : WholePointReliability.SOFTA_O, reliability);
        if (SOLVED.size() < MOST_SOLVED) {
            SOLVED.putIfAbsent(key, sd);
        }
        return sd;
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
        return new Measurement(spec, RandomStreams.of(seed), raterErrorSd, itemErrorSd);
    }

    /** The instruments, schedule and missingness in use. */
    public MeasurementSpec spec() {
        return spec;
    }

    /** The master seed of the measurement's streams. */
    public long seed() {
        return streams.masterSeed();
    }

    /** The sd of one rater's error on {@code d} before rounding (SOFTA points). */
    double raterErrorSd(Dimension d) {
        return raterErrorSd[d.ordinal()];
    }

    /** The sd of one SOFTA-s item's error on {@code d}'s subscale before rounding (item points). */
    double itemErrorSd(Dimension d) {
        return itemErrorSd[d.ordinal()];
    }

    /**
     * A listener for replication {@code replication} that hands each family's truth and scores to
     * {@code sink} when its course ends. Not thread-safe: one per replication.
     */
    public Recorder recorder(int replication, Sink sink) {
        return new Recorder(this, streams, replication, Objects.requireNonNull(sink, "sink"));
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
