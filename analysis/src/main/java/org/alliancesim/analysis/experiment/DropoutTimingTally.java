package org.alliancesim.analysis.experiment;

import java.util.Arrays;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;

/**
 * Dropouts by the session they did not come back for (the course's end session): a replication
 * counts them; {@link #merge} sums them over replications; the snapshot is the mean per replication,
 * indexed by session (0 to the session limit + 1).
 */
public final class DropoutTimingTally implements Tally<DropoutTimingTally, double[]> {

    /** The kind of this tally. */
    public static final Tally.Kind<DropoutTimingTally> KIND = new Tally.Kind<>("dropout timing",
            DropoutTimingTally::new);

    private final int sessionLimit;
    /** This replication's dropouts by end session (grown as needed), or the run's sums. */
    private long[] dropouts;
    private int replications;

    private DropoutTimingTally(int sessionLimit) {
        this.sessionLimit = sessionLimit;
        this.dropouts = new long[sessionLimit + 2];
    }

    @Override
    public void courseEnded(CourseRecord c) {
        int s = c.endSession();
        if (c.endReason() != EndReason.DROPOUT || s < 0) {
            return;
        }
        if (s >= dropouts.length) {
            dropouts = Arrays.copyOf(dropouts, Math.max(s + 1, sessionLimit + 2));
        }
        dropouts[s]++;
    }

    @Override
    public void merge(DropoutTimingTally later) {
        for (int s = 0; s < Math.min(later.dropouts.length, sessionLimit + 2); s++) {
            dropouts[s] += later.dropouts[s];
        }
        replications++;
    }

    /** Mean dropouts per replication before each session (index = the session not attended). */
    @Override
    public double[] snapshot() {
        double[] out = new double[sessionLimit + 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) dropouts[i] / Math.max(1, replications);
        }
        return out;
    }
}
