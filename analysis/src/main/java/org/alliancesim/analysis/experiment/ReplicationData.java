package org.alliancesim.analysis.experiment;

import java.util.Arrays;
import java.util.Locale;
import org.alliancesim.analysis.stats.RandomInterceptLogistic;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;

/**
 * What one replication produced, as compact arrays (one entry per family) and per-session sums,
 * the retention counts (events and censored courses by sessions attended), plus its rows of
 * families.csv (when asked) and sessions.csv (when asked). Filled by the model through
 * {@link CourseListener} on the replication's worker thread, so the per-family work (rows,
 * counts, tallies) is spread over the workers; read once the replication is over, or, for rows,
 * drained while it runs ({@link #drainRowsEvery}). Not thread-safe: one per replication.
 */
public final class ReplicationData implements CourseListener {

    /** families.csv header. */
    public static final String FAMILIES_HEADER = "replication,family_id,family_type,size,referral,conflict,prepared,"
            + "therapist_id,therapist_type,therapist_experience,sessions_attended,no_shows,end_reason,end_session,"
            + "end_day,wait_days,improvement,reliable_improvement,reliable_session,ruptures,repairs,alliance_first,"
            + "alliance_third,alliance_last,split_max,gap_max,shared_purpose_last\n";

    /** sessions.csv header. */
    public static final String SESSIONS_HEADER = "replication,family_id,session,day,member_id,role,"
            + "identified_patient,engagement,connection,safety,shared_purpose,alliance,alliance_before,challenge,"
            + "novelty,support,discomfort,capacity,rupture,repaired,split\n";

    final int replication;
    final int sessionLimit;
    private final boolean trajectories;
    private final boolean familyRows;

    int n;
    /*
     * Per family, only what a later step needs family by family, in family order: the run's moments and
     * improvement histograms (ExperimentResult.add: end reason, sessions attended, improvement, final
     * alliance) and the median of sessions attended. 21 bytes a family; everything else is summed as
     * the courses end, in the same family order as a loop over arrays would (so the same doubles).
     */
    private static final EndReason[] REASONS = EndReason.values();
    byte[] endReason = new byte[64];
    int[] attended = new int[64];
    double[] improvement = new double[64];
    double[] allianceLast = new double[64];
    /** [end session]: dropouts that ended at that session (ExperimentResult's dropout timing). */
    long[] dropoutsAtSession = new long[0];
    long ruptures;
    long repairs;
    // The sums of metrics(), accumulated in family order as courses end.
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

    /** [session][role ordinal]: sum and count of member alliance after the session. */
    final double[][] roleAllianceSum;
    final long[][] roleAllianceCount;
    /** [session]: sums and counts of spread and parent-minus-young gap. */
    final double[] splitSum;
    final long[] splitCount;
    final double[] gapSum;
    final long[] gapCount;

    /** [curve: all, voluntary, involuntary][sessions attended][0 event, 1 censored]: Kaplan-Meier counts. */
    final long[][][] retentionCounts;

    final StringBuilder familiesCsv;
    private final TherapistTally therapists = new TherapistTally();
    private final PatternTally patterns = new PatternTally();
    final StringBuilder sessionsCsv;

    private int drainAt = Integer.MAX_VALUE;
    private Runnable drain;

    /** A replication's data with its families.csv rows (and sessions.csv rows if {@code trajectories}). */
    public ReplicationData(int replication, int sessionLimit, boolean trajectories) {
        this(replication, sessionLimit, true, trajectories);
    }

    /**
     * As above, choosing whether to format families.csv rows: without them ({@code familyRows} false;
     * for sweeps, calibration and the classroom, which write no families.csv) the rows are not
     * formatted at all and {@link #writeFamilies} writes nothing.
     */
    public ReplicationData(int replication, int sessionLimit, boolean familyRows, boolean trajectories) {
        this.replication = replication;
        this.sessionLimit = sessionLimit;
        this.trajectories = trajectories;
        this.familyRows = familyRows;
        this.familiesCsv = familyRows ? new StringBuilder(1 << 16) : new StringBuilder(0);
        this.sessionsCsv = trajectories ? new StringBuilder(1 << 18) : null;
        this.retentionCounts = new long[3][sessionLimit + 1][2];
        int roles = Role.values().length;
        roleAllianceSum = new double[sessionLimit + 1][roles];
        roleAllianceCount = new long[sessionLimit + 1][roles];
        splitSum = new double[sessionLimit + 1];
        splitCount = new long[sessionLimit + 1];
        gapSum = new double[sessionLimit + 1];
        gapCount = new long[sessionLimit + 1];
    }

    @Override
    public void courseEnded(CourseRecord c) {
        if (n == endReason.length) {
            grow();
        }
        endReason[n] = (byte) c.endReason().ordinal();
        attended[n] = c.sessionsAttended();
        improvement[n] = c.improvement();
        allianceLast[n] = c.allianceLast();
        n++;
        count(c);
        ruptures += c.ruptures();
        repairs += c.repairs();
        therapists.add(c);
        patterns.courseEnded(c);
        int attendedSessions = c.sessionsAttended();
        if (attendedSessions >= 1) {
            int kind = c.endReason() == EndReason.DROPOUT ? 0 : 1;
            long[][] curve = retentionCounts[c.referral() == Referral.INVOLUNTARY ? 2 : 1];
            if (attendedSessions >= curve.length) {
                growRetention(attendedSessions + 1);
                curve = retentionCounts[c.referral() == Referral.INVOLUNTARY ? 2 : 1];
            }
            retentionCounts[0][attendedSessions][kind]++;
            curve[attendedSessions][kind]++;
        }
        if (familyRows) {
            appendFamilyRow(c);
            if (familiesCsv.length() >= drainAt) {
                drain.run();
            }
        }
    }

    private void appendFamilyRow(CourseRecord c) {
        StringBuilder sb = familiesCsv;
        sb.append(c.replication()).append(',').append(c.familyId()).append(',').append(Csv.text(c.familyType()))
                .append(',').append(c.size()).append(',').append(lower(c.referral())).append(',');
        Csv.append(sb, c.conflict()).append(',').append(c.prepared()).append(',').append(c.therapistId()).append(',')
                .append(Csv.text(c.therapistType())).append(',').append(lower(c.therapistExperience())).append(',')
                .append(c.sessionsAttended()).append(',').append(c.noShows()).append(',').append(lower(c.endReason()))
                .append(',').append(c.endSession()).append(',');
        Csv.append(sb, c.endDay()).append(',');
        Csv.append(sb, c.waitDays()).append(',');
        Csv.append(sb, c.improvement()).append(',').append(c.reliableImprovement()).append(',')
                .append(c.reliableSession()).append(',').append(c.ruptures()).append(',').append(c.repairs()).append(',');
        Csv.append(sb, c.allianceFirst()).append(',');
        Csv.append(sb, c.allianceThird()).append(',');
        Csv.append(sb, c.allianceLast()).append(',');
        Csv.append(sb, c.splitMax()).append(',');
        Csv.append(sb, c.gapMax()).append(',');
        Csv.append(sb, c.sharedPurposeLast()).append('\n');
    }

    @Override
    public void therapistDrawn(org.alliancesim.model.TherapistProfile t) {
        therapists.drawn(t);
    }

    @Override
    public void sessionAttended(SessionRecord s) {
        int t = s.session();
        patterns.sessionAttended(s);
        for (MemberSession m : s.members()) {
            roleAllianceSum[t][m.role().ordinal()] += m.alliance();
            roleAllianceCount[t][m.role().ordinal()]++;
        }
        splitSum[t] += s.split();
        splitCount[t]++;
        if (!Double.isNaN(s.gap())) {
            gapSum[t] += s.gap();
            gapCount[t]++;
        }
        if (trajectories) {
            StringBuilder sb = sessionsCsv;
            for (MemberSession m : s.members()) {
                sb.append(s.replication()).append(',').append(s.familyId()).append(',').append(t).append(',');
                Csv.append(sb, s.day()).append(',').append(m.memberId()).append(',').append(lower(m.role())).append(',')
                        .append(m.identifiedPatient()).append(',');
                Csv.append(sb, m.engagement()).append(',');
                Csv.append(sb, m.connection()).append(',');
                Csv.append(sb, m.safety()).append(',');
                Csv.append(sb, s.sharedPurpose()).append(',');
                Csv.append(sb, m.alliance()).append(',');
                Csv.append(sb, m.allianceBefore()).append(',');
                Csv.append(sb, s.challenge()).append(',');
                Csv.append(sb, s.novelty()).append(',');
                Csv.append(sb, s.support()).append(',');
                Csv.append(sb, m.discomfort()).append(',');
                Csv.append(sb, m.capacity()).append(',').append(m.rupture()).append(',').append(m.repaired()).append(',');
                Csv.append(sb, s.split()).append('\n');
            }
            if (sessionsCsv.length() >= drainAt) {
                drain.run();
            }
        }
    }

    /**
     * Has {@code drain} called, on the thread filling this replication, whenever its families.csv or
     * sessions.csv rows reach {@code chars} characters; {@code drain} writes them out with
     * {@link #writeFamilies(java.io.Writer)} and {@link #writeSessions(java.io.Writer)}, which empty
     * them. So a replication that is written as it runs (the only one running) holds at most about
     * {@code chars} characters of rows, however many families it has.
     */
    public void drainRowsEvery(int chars, Runnable drain) {
        this.drainAt = chars;
        this.drain = drain;
    }

    /** Appends this replication's families.csv rows not written yet (no header), and forgets them. */
    public void writeFamilies(java.io.Writer w) throws java.io.IOException {
        w.append(familiesCsv);
        familiesCsv.setLength(0);
    }

    /**
     * Appends this replication's families.csv rows not written yet, each prefixed with {@code first}
     * and a comma, and forgets them.
     */
    public void writeFamilies(java.io.Writer w, String first) throws java.io.IOException {
        int start = 0;
        for (int i = 0; i < familiesCsv.length(); i++) {
            if (familiesCsv.charAt(i) == '\n') {
                w.append(first).append(',').append(familiesCsv, start, i + 1);
                start = i + 1;
            }
        }
        familiesCsv.setLength(0);
    }

    /** Appends this replication's therapists.csv rows (no header; {@link TherapistTally#HEADER}). */
    public void writeTherapists(java.io.Writer w) throws java.io.IOException {
        therapists.write(w, replication);
    }

    /**
     * Appends this replication's sessions.csv rows not written yet (no header), and forgets them;
     * nothing unless trajectories were asked for.
     */
    public void writeSessions(java.io.Writer w) throws java.io.IOException {
        if (sessionsCsv != null) {
            w.append(sessionsCsv);
            sessionsCsv.setLength(0);
        }
    }

    /** This replication's courses summed per therapist (therapists.csv, therapist effects). */
    public TherapistTally therapists() {
        return therapists;
    }

    /** This replication's validation patterns (repair and outcome, V-shaped alliance, good enough). */
    public PatternTally patterns() {
        return patterns;
    }

    /** Number of courses recorded. */
    public int families() {
        return n;
    }

    /** This replication's value of every {@link Metric}, indexed by ordinal; NaN where undefined. */
    public double[] metrics() {
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

    /** Adds one ended course to the sums of {@link #metrics()}, as its loop over families once did. */
    private void count(CourseRecord c) {
        EndReason r = c.endReason();
        int att = c.sessionsAttended();
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
            int s = c.endSession();
            if (s >= 0) {
                if (s >= dropoutsAtSession.length) {
                    dropoutsAtSession = Arrays.copyOf(dropoutsAtSession, Math.max(s + 1, sessionLimit + 2));
                }
                dropoutsAtSession[s]++;
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

    /** The end reason of the {@code i}-th family to end. */
    EndReason endReason(int i) {
        return REASONS[endReason[i]];
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

    private static String lower(Enum<?> e) {
        return e == null ? "" : LOWER_NAMES.get(e.getDeclaringClass())[e.ordinal()];
    }

    /** Each enum's constant names in lower case, made once per enum instead of once per row. */
    private static final ClassValue<String[]> LOWER_NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            }
            return names;
        }
    };

    private void growRetention(int sessions) {
        for (int k = 0; k < retentionCounts.length; k++) {
            long[][] grown = Arrays.copyOf(retentionCounts[k], sessions);
            for (int t = retentionCounts[k].length; t < sessions; t++) {
                grown[t] = new long[2];
            }
            retentionCounts[k] = grown;
        }
    }

    private void grow() {
        int c = endReason.length * 2;
        endReason = Arrays.copyOf(endReason, c);
        attended = Arrays.copyOf(attended, c);
        improvement = Arrays.copyOf(improvement, c);
        allianceLast = Arrays.copyOf(allianceLast, c);
    }
}
