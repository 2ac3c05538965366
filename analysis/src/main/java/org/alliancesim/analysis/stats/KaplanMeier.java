package org.alliancesim.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan-Meier product-limit estimator of a survival function, with Greenwood's variance and
 * a pointwise 95% band (Kaplan and Meier 1958; Greenwood 1926).
 *
 * <p>Times are discrete here (sessions), but any non-negative values work. Ties: at a time where
 * events and censorings coincide, the censored subjects count as at risk for the events (the
 * usual convention). Add subjects with {@link #add(double, boolean)}; read the curve with
 * {@link #steps()}. Not thread-safe; merge per-thread estimators with {@link #addAll}.
 */
public final class KaplanMeier {

    /**
     * The curve just after {@code time}.
     *
     * @param time the event time
     * @param atRisk subjects at risk just before {@code time}
     * @param events events at {@code time}
     * @param survival S(time), the estimated probability of no event by {@code time}
     * @param standardError Greenwood's standard error of S(time)
     * @param lower lower 95% bound (S - 1.96 se, clipped to [0, 1])
     * @param upper upper 95% bound (S + 1.96 se, clipped to [0, 1])
     */
    public record Step(double time, long atRisk, long events, double survival, double standardError,
            double lower, double upper) {}

    /** Per time: [events, censored]. */
    private final TreeMap<Double, long[]> counts = new TreeMap<>();
    private long subjects;

    /** Adds one subject observed until {@code time}, with an event there or censored. */
    public void add(double time, boolean event) {
        add(time, event, 1);
    }

    /**
     * Adds {@code subjects} subjects observed until {@code time}, all with an event there or all
     * censored: the same estimator as adding each one (for counts made elsewhere, e.g. per
     * replication on a worker thread). Adding 0 subjects changes nothing.
     */
    public void add(double time, boolean event, long subjects) {
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time must be finite and >= 0, was " + time);
        }
        if (subjects < 0) {
            throw new IllegalArgumentException("subjects must be >= 0, was " + subjects);
        }
        if (subjects == 0) {
            return;
        }
        counts.computeIfAbsent(time, t -> new long[2])[event ? 0 : 1] += subjects;
        this.subjects += subjects;
    }

    /** Adds every subject of {@code other}. */
    public void addAll(KaplanMeier other) {
        other.counts.forEach((t, c) -> {
            long[] mine = counts.computeIfAbsent(t, k -> new long[2]);
            mine[0] += c[0];
            mine[1] += c[1];
        });
        subjects += other.subjects;
    }

    /** Number of subjects added. */
    public long subjects() {
        return subjects;
    }

    /**
     * The estimate at every time with at least one event, in time order:
     * {@code S(t) = prod_{t_i <= t} (1 - d_i / n_i), Var = S^2 sum_{t_i <= t} d_i / (n_i (n_i - d_i))}.
     */
    public List<Step> steps() {
        List<Step> out = new ArrayList<>();
        for (Row r : rows()) {
            if (r.events() > 0) {
                out.add(new Step(r.time(), r.atRisk(), r.events(), r.survival(), r.standardError(), r.lower(),
                        r.upper()));
            }
        }
        return out;
    }

    /**
     * The life table: one row per observed time (with events, censorings or both), in time order.
     *
     * @param time an observed time
     * @param atRisk subjects at risk just before {@code time}
     * @param events events at {@code time}
     * @param censored subjects censored at {@code time} (at risk for its events)
     * @param survival S(time), as in {@link #steps()}
     * @param standardError Greenwood's standard error of S(time)
     * @param lower lower 95% bound (S - 1.96 se, clipped to [0, 1])
     * @param upper upper 95% bound (S + 1.96 se, clipped to [0, 1])
     */
    public record Row(double time, long atRisk, long events, long censored, double survival, double standardError,
            double lower, double upper) {}

    /** Every observed time with its counts and the estimate just after it (see {@link #steps()} for the formulas). */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        long atRisk = subjects;
        double s = 1;
        double greenwood = 0;
        for (var e : counts.entrySet()) {
            long d = e.getValue()[0];
            long c = e.getValue()[1];
            if (d > 0) {
                s *= 1 - (double) d / atRisk;
                greenwood += atRisk == d ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
            }
            double se = s == 0 ? 0 : s * Math.sqrt(greenwood);
            out.add(new Row(e.getKey(), atRisk, d, c, s, se, clamp(s - 1.96 * se), clamp(s + 1.96 * se)));
            atRisk -= d + c;
        }
        return out;
    }

    /** S(t): the estimate at the last event time at or before {@code t}; 1 before the first event. */
    public double survivalAt(double t) {
        double s = 1;
        for (Step step : steps()) {
            if (step.time() > t) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? v : Math.max(0, Math.min(1, v));
    }
}
