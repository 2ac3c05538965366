package org.alliancesim.analysis.experiment;

import java.util.Arrays;
import org.alliancesim.analysis.stats.Correlation;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.SessionRecord;

/**
 * One replication's course-level patterns of the validation set (LITERATURE.md), accumulated as the
 * courses stream past on the replication's worker thread, in memory of a few numbers per family:
 *
 * <ul>
 *   <li>repair and outcome: Pearson's r between a family's repaired share of ruptures and its
 *       improvement, over families with at least one rupture;
 *   <li>V-shaped alliance: a completer (goals met or session limit) with at least 3 sessions whose
 *       family alliance (mean of the members' composites) fell, at some session between the first and
 *       the last, at least {@link #V_DEPTH} SOFTA points below both its first and its last session
 *       (high-low-high; Kivlighan and Shaughnessy 2000). Needs session detail;
 *   <li>good enough: Pearson's r between sessions attended and improvement per session, over completers.
 * </ul>
 *
 * A {@link Tally}: the validation set reads each replication's tally ({@code ReplicationData.patterns()});
 * {@link #merge} pools later replications' families (their correlations' sums, their counts), and
 * {@link #snapshot} holds the four figures. Not thread-safe: one per replication.
 */
public final class PatternTally implements Tally<PatternTally, PatternTally.Patterns> {

    /** The kind of this tally. */
    public static final Tally.Kind<PatternTally> KIND = new Tally.Kind<>("patterns", limit -> new PatternTally());

    /**
     * The patterns counted: {@link #repairOutcomeR}, {@link #rateByLengthR}, {@link #vShapedShare},
     * {@link #vShapedGain} (NaN where undefined).
     */
    public record Patterns(double repairOutcomeR, double rateByLengthR, double vShapedShare, double vShapedGain) {}

    /** The dip, in SOFTA points below both ends, that makes a trajectory V-shaped. */
    public static final double V_DEPTH = 0.25;

    private double[] first = new double[64];
    private double[] last = new double[64];
    private double[] interiorMin = new double[64];
    private int[] seen = new int[64];

    private final Correlation repairOutcome = new Correlation();
    private final Correlation rateByLength = new Correlation();
    private long completersWithTrajectory;
    private long vShaped;
    private double vImprovement;
    private double otherImprovement;

    /** Follows the family's alliance after an attended session (sessions of one family come in order). */
    @Override
    public void sessionAttended(SessionRecord s) {
        int f = s.familyId();
        if (f >= seen.length) {
            int c = Math.max(f + 1, 2 * seen.length);
            first = Arrays.copyOf(first, c);
            last = Arrays.copyOf(last, c);
            interiorMin = Arrays.copyOf(interiorMin, c);
            seen = Arrays.copyOf(seen, c);
        }
        double sum = 0;
        for (MemberSession m : s.members()) {
            sum += m.alliance();
        }
        double a = sum / s.members().size();
        if (seen[f] == 0) {
            first[f] = a;
            interiorMin[f] = Double.POSITIVE_INFINITY;
        } else if (seen[f] >= 2) {
            // The session before this one is now known not to be the last.
            interiorMin[f] = Math.min(interiorMin[f], last[f]);
        }
        last[f] = a;
        seen[f]++;
    }

    /** Counts one ended course. */
    @Override
    public void courseEnded(CourseRecord c) {
        if (c.ruptures() > 0) {
            repairOutcome.add((double) c.repairs() / c.ruptures(), c.improvement());
        }
        if (!c.endReason().isCompletion() || c.sessionsAttended() == 0) {
            return;
        }
        rateByLength.add(c.sessionsAttended(), c.improvement() / c.sessionsAttended());
        int f = c.familyId();
        if (f < seen.length && seen[f] >= 3) {
            completersWithTrajectory++;
            double dip = interiorMin[f];
            if (first[f] - dip >= V_DEPTH && last[f] - dip >= V_DEPTH) {
                vShaped++;
                vImprovement += c.improvement();
            } else {
                otherImprovement += c.improvement();
            }
        }
    }

    /**
     * Adds a later replication's families: every figure becomes that of the families of both (a
     * family's trajectory is followed within its own replication's tally, so merge only finished
     * replications).
     */
    @Override
    public void merge(PatternTally later) {
        repairOutcome.merge(later.repairOutcome);
        rateByLength.merge(later.rateByLength);
        completersWithTrajectory += later.completersWithTrajectory;
        vShaped += later.vShaped;
        vImprovement += later.vImprovement;
        otherImprovement += later.otherImprovement;
    }

    @Override
    public Patterns snapshot() {
        return new Patterns(repairOutcomeR(), rateByLengthR(), vShapedShare(), vShapedGain());
    }

    /** r between repaired share of ruptures and improvement; NaN with fewer than 3 families with ruptures. */
    public double repairOutcomeR() {
        return repairOutcome.r();
    }

    /** r between sessions attended and improvement per session among completers. */
    public double rateByLengthR() {
        return rateByLength.r();
    }

    /** Share of completers with at least 3 sessions whose trajectory is V-shaped; NaN if none. */
    public double vShapedShare() {
        return completersWithTrajectory == 0 ? Double.NaN : (double) vShaped / completersWithTrajectory;
    }

    /** Mean improvement of V-shaped completers minus that of the other completers; NaN if a group is empty. */
    public double vShapedGain() {
        long others = completersWithTrajectory - vShaped;
        return vShaped == 0 || others == 0 ? Double.NaN : vImprovement / vShaped - otherImprovement / others;
    }
}
