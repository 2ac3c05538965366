package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.experiment.ExperimentResult.Series;
import org.alliancesim.model.SessionRecord;

/**
 * The split of a family's alliance after each session (needs session detail): the spread between its
 * most and least allied member, and parents minus young people where a family has both; a
 * replication sums them per session, {@link #merge} keeps each replication's means, and the snapshot
 * is their mean over replications with a 95% interval.
 */
public final class SplitTally implements Tally<SplitTally, List<Series>> {

    /** The kind of this tally. */
    public static final Tally.Kind<SplitTally> KIND = new Tally.Kind<>("split", SplitTally::new);

    private final int sessionLimit;
    private final double[] splitSum;
    private final long[] splitCount;
    private final double[] gapSum;
    private final long[] gapCount;
    private final PerSession merged;

    private SplitTally(int sessionLimit) {
        this.sessionLimit = sessionLimit;
        splitSum = new double[sessionLimit + 1];
        splitCount = new long[sessionLimit + 1];
        gapSum = new double[sessionLimit + 1];
        gapCount = new long[sessionLimit + 1];
        merged = new PerSession(sessionLimit);
    }

    @Override
    public void courseEnded(org.alliancesim.model.CourseRecord course) {
        // Per session only.
    }

    @Override
    public void sessionAttended(SessionRecord s) {
        int t = s.session();
        splitSum[t] += s.split();
        splitCount[t]++;
        if (!Double.isNaN(s.gap())) {
            gapSum[t] += s.gap();
            gapCount[t]++;
        }
    }

    @Override
    public void merge(SplitTally later) {
        double[][] v = new double[2][sessionLimit + 1];
        for (int t = 0; t <= sessionLimit; t++) {
            v[0][t] = PerSession.mean(later.splitSum[t], later.splitCount[t]);
            v[1][t] = PerSession.mean(later.gapSum[t], later.gapCount[t]);
        }
        merged.add(v);
    }

    /** The spread (max - min member), and the parent-minus-young gap where some replications have it. */
    @Override
    public List<Series> snapshot() {
        List<Series> out = new ArrayList<>();
        out.add(merged.series("spread (max - min member)", 0));
        Series g = merged.series("parents minus young people", 1);
        if (g.sessions().length > 0) {
            out.add(g);
        }
        return List.copyOf(out);
    }
}
