package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancesim.analysis.stats.RandomInterceptLogistic;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.Referral;
import org.alliancesim.model.TherapistProfile;

/**
 * Every {@link Metric} of a replication, summed as its courses end (in the order they end, so the
 * same doubles as a loop over the families), with the replication's courses per therapist
 * ({@link TherapistTally}) for the therapist share of dropout; {@link #merge} keeps each
 * replication's values in replication order, and the snapshot is one row per replication. What a
 * metrics-only run (sweep point, calibration evaluation, ABC-SMC simulation) counts, and nothing else.
 */
public final class MetricsTally implements Tally<MetricsTally, List<double[]>> {

    /** The kind of this tally. */
    public static final Tally.Kind<MetricsTally> KIND = new Tally.Kind<>("metrics", limit -> new MetricsTally());

    private final TherapistTally therapists = new TherapistTally();
    /** Sessions attended per family (for the median), in the order the courses ended. */
    private int[] attended = new int[64];
    private int n;
    private long ruptures;
    private long repairs;
    private int dropouts;
    private int early;
    private int completed;
    private int goals;
    private int waitlist;
    private int censored;
    private int reliable;
    private int improvedBy8;
    private int at8;
    private double improvementSum;
    private double sessionsSum;
    private double a1;
    private int n1;
    private double a3;
    private int n3;
    private double aLast;
    private int nLast;
    private double split;
    private int involuntaryFamilies;
    private int involuntaryDropouts;
    /** The merged replications' values, in replication order. */
    private final List<double[]> rows = new ArrayList<>();
    /** {@link #values()} once computed, until another course ends. */
    private double[] values;

    private MetricsTally() {}

    @Override
    public void therapistDrawn(TherapistProfile t) {
        therapists.drawn(t);
    }

    @Override
    public void courseEnded(CourseRecord c) {
        values = null;
        if (n == attended.length) {
            attended = Arrays.copyOf(attended, 2 * n);
        }
        int att = c.sessionsAttended();
        attended[n++] = att;
        therapists.add(c);
        ruptures += c.ruptures();
        repairs += c.repairs();
        EndReason r = c.endReason();
        int rel = c.reliableSession();
        if (c.referral() == Referral.INVOLUNTARY) {
            involuntaryFamilies++;
            involuntaryDropouts += r == EndReason.DROPOUT ? 1 : 0;
        }
        if (r == EndReason.DROPOUT) {
            dropouts++;
            if (att <= 2) {
                early++;
            }
        }
        completed += r.isCompletion() ? 1 : 0;
        goals += r == EndReason.GOALS_MET ? 1 : 0;
        waitlist += r == EndReason.WAITLIST_DROPOUT ? 1 : 0;
        censored += r == EndReason.CENSORED ? 1 : 0;
        reliable += rel > 0 ? 1 : 0;
        boolean by8 = rel > 0 && rel <= 8;
        if (att >= 8 || by8) {
            at8++;
            improvedBy8 += by8 ? 1 : 0;
        }
        improvementSum += c.improvement();
        sessionsSum += att;
        if (!Double.isNaN(c.allianceFirst())) {
            a1 += c.allianceFirst();
            n1++;
        }
        if (!Double.isNaN(c.allianceThird())) {
            a3 += c.allianceThird();
            n3++;
        }
        if (!Double.isNaN(c.allianceLast())) {
            aLast += c.allianceLast();
            nLast++;
        }
        split += c.splitMax();
    }

    /** This replication's courses summed per therapist. */
    public TherapistTally therapists() {
        return therapists;
    }

    /** Number of courses heard. */
    public int families() {
        return n;
    }

    /**
     * This replication's value of every {@link Metric}, indexed by ordinal; NaN where undefined. Computed
     * once (the therapist share is a model fit): {@link Experiment} asks for it on the replication's
     * worker thread, so the merge on the calling thread only copies it.
     */
    public double[] values() {
        if (values == null) {
            values = compute();
        }
        return values.clone();
    }

    private double[] compute() {
        double[] m = new double[Metric.values().length];
        m[Metric.DROPOUT_SHARE.ordinal()] = ratio(dropouts, n);
        m[Metric.EARLY_DROPOUT_SHARE.ordinal()] = ratio(early, dropouts);
        m[Metric.MEDIAN_SESSIONS.ordinal()] = median(attended, n);
        m[Metric.MEAN_SESSIONS.ordinal()] = ratio(sessionsSum, n);
        m[Metric.COMPLETION_SHARE.ordinal()] = ratio(completed, n);
        m[Metric.GOALS_MET_SHARE.ordinal()] = ratio(goals, n);
        m[Metric.MEAN_IMPROVEMENT.ordinal()] = ratio(improvementSum, n);
        m[Metric.RELIABLE_IMPROVEMENT_SHARE.ordinal()] = ratio(reliable, n);
        m[Metric.IMPROVED_BY_SESSION_8.ordinal()] = ratio(improvedBy8, at8);
        m[Metric.ALLIANCE_SESSION_1.ordinal()] = ratio(a1, n1);
        m[Metric.ALLIANCE_SESSION_3.ordinal()] = ratio(a3, n3);
        m[Metric.ALLIANCE_FINAL.ordinal()] = ratio(aLast, nLast);
        m[Metric.RUPTURES_PER_FAMILY.ordinal()] = ratio(ruptures, n);
        m[Metric.REPAIRED_SHARE.ordinal()] = ratio(repairs, ruptures);
        m[Metric.SPLIT_MAX.ordinal()] = ratio(split, n);
        m[Metric.WAITLIST_DROPOUT_SHARE.ordinal()] = ratio(waitlist, n);
        m[Metric.CENSORED_SHARE.ordinal()] = ratio(censored, n);
        m[Metric.DROPOUT_SHARE_INVOLUNTARY.ordinal()] = ratio(involuntaryDropouts, involuntaryFamilies);
        m[Metric.DROPOUT_SHARE_VOLUNTARY.ordinal()] = ratio(dropouts - involuntaryDropouts, n - involuntaryFamilies);
        m[Metric.THERAPIST_DROPOUT_ICC.ordinal()] = therapistDropoutIcc(therapists);
        return m;
    }

    @Override
    public void merge(MetricsTally later) {
        rows.add(later.values());
    }

    /** One row per merged replication, in replication order, each indexed by {@link Metric} ordinal. */
    @Override
    public List<double[]> snapshot() {
        List<double[]> out = new ArrayList<>(rows.size());
        for (double[] r : rows) {
            out.add(r.clone());
        }
        return List.copyOf(out);
    }

    /** The number of merged replications. */
    int replications() {
        return rows.size();
    }

    /** Metric {@code m} in each merged replication, in replication order. */
    double[] values(Metric m) {
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[m.ordinal()];
        }
        return out;
    }

    /**
     * The latent-scale therapist share of dropout (Saxon, Barkham, Foster and Parry 2017): a
     * random-intercept logistic model, Laplace approximation, the replication's therapists as clusters;
     * NaN when it cannot be fitted (fewer than 2 therapists, no dropout or only dropouts).
     */
    static double therapistDropoutIcc(TherapistTally t) {
        int k = t.therapists();
        int[] families = new int[k];
        int[] dropouts = new int[k];
        for (int i = 0; i < k; i++) {
            families[i] = t.families(i);
            dropouts[i] = t.dropouts(i);
        }
        try {
            return RandomInterceptLogistic.iccEstimate(families, dropouts, 1);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    private static double median(int[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
