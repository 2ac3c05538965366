package org.alliancesim.analysis.experiment;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.alliancesim.analysis.experiment.ExperimentResult.Moments;
import org.alliancesim.analysis.stats.Histogram;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * The family-level outcomes of a run: the distribution of improvement by end reason (0.01-wide bins
 * up to 20, in constant memory) and the moments of improvement, sessions attended and the final
 * alliance (for standardised effect sizes). A replication keeps its families' four values in the order
 * their courses ended (21 bytes a family); {@link #merge} adds them family by family, in replication
 * order, so the moments are the same doubles whatever the thread count.
 */
public final class OutcomeTally implements Tally<OutcomeTally, OutcomeTally.Values> {

    /** The kind of this tally. */
    public static final Tally.Kind<OutcomeTally> KIND = new Tally.Kind<>("outcomes", limit -> new OutcomeTally());

    private static final EndReason[] REASONS = EndReason.values();

    /**
     * The run's outcomes.
     *
     * @param improvementByEnd improvement by end reason, for the box plot (the end reasons that occurred)
     * @param improvement moments of improvement over all families
     * @param sessions moments of sessions attended
     * @param alliance moments of the alliance after the last session, over families who attended one
     * @param families every family of the merged replications
     */
    public record Values(Map<EndReason, Histogram> improvementByEnd, Moments improvement, Moments sessions,
            Moments alliance, long families) {

        public Values {
            improvementByEnd = Collections.unmodifiableMap(new EnumMap<>(improvementByEnd));
        }
    }

    // This replication's families, in the order their courses ended.
    private int n;
    private byte[] endReason = new byte[64];
    private int[] attended = new int[64];
    private double[] improvement = new double[64];
    private double[] allianceLast = new double[64];

    // The run's (merged) distributions and moments.
    private final Map<EndReason, Histogram> improvementByEnd = new EnumMap<>(EndReason.class);
    private final Mean improvementMean = Mean.create();
    private final Variance improvementVariance = Variance.create();
    private final Mean sessionsMean = Mean.create();
    private final Variance sessionsVariance = Variance.create();
    private final Mean allianceMean = Mean.create();
    private final Variance allianceVariance = Variance.create();
    private long allianceN;
    private long families;

    private OutcomeTally() {}

    @Override
    public void courseEnded(CourseRecord c) {
        if (n == endReason.length) {
            int capacity = 2 * n;
            endReason = Arrays.copyOf(endReason, capacity);
            attended = Arrays.copyOf(attended, capacity);
            improvement = Arrays.copyOf(improvement, capacity);
            allianceLast = Arrays.copyOf(allianceLast, capacity);
        }
        endReason[n] = (byte) c.endReason().ordinal();
        attended[n] = c.sessionsAttended();
        improvement[n] = c.improvement();
        allianceLast[n] = c.allianceLast();
        n++;
    }

    @Override
    public void merge(OutcomeTally later) {
        for (int i = 0; i < later.n; i++) {
            double x = later.improvement[i];
            improvementByEnd.computeIfAbsent(REASONS[later.endReason[i]], k -> new Histogram(20, 2_000)).add(x);
            improvementMean.accept(x);
            improvementVariance.accept(x);
            sessionsMean.accept(later.attended[i]);
            sessionsVariance.accept(later.attended[i]);
            if (!Double.isNaN(later.allianceLast[i])) {
                allianceMean.accept(later.allianceLast[i]);
                allianceVariance.accept(later.allianceLast[i]);
                allianceN++;
            }
        }
        families += later.n;
    }

    /** The run's outcomes; the histograms are the run's own (read them, do not add to them). */
    @Override
    public Values snapshot() {
        return new Values(improvementByEnd, new Moments(improvementMean.getAsDouble(),
                improvementVariance.getAsDouble(), families),
                new Moments(sessionsMean.getAsDouble(), sessionsVariance.getAsDouble(), families),
                new Moments(allianceMean.getAsDouble(), allianceVariance.getAsDouble(), allianceN), families);
    }
}
