package org.alliancesim.analysis.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.SessionRecord;

/**
 * What one replication produced: its {@link Tally tallies} (the kinds its run reads, the metrics
 * always) plus its rows of families.csv (when asked) and sessions.csv (when asked). Filled by the
 * model through {@link CourseListener} on the replication's worker thread, so the per-family work
 * (rows, counts, tallies) is spread over the workers; read once the replication is over, or, for
 * rows, drained while it runs ({@link #drainRowsEvery}). Not thread-safe: one per replication.
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
    private final boolean trajectories;
    private final boolean familyRows;

    private int n;
    /** The tallies this replication counts, in the order of their kinds; the metrics tally always among them. */
    private final List<Tally.Kind<?>> kinds;
    private final CourseListener[] tallies;
    private final MetricsTally metrics;

    final StringBuilder familiesCsv;
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
     * formatted at all and {@link #writeFamilies} writes nothing. Counts every standard tally.
     */
    public ReplicationData(int replication, int sessionLimit, boolean familyRows, boolean trajectories) {
        this(replication, sessionLimit, familyRows, trajectories, Tally.standard());
    }

    /** As above, counting the tallies of {@code kinds} (and the metrics, always). */
    ReplicationData(int replication, int sessionLimit, boolean familyRows, boolean trajectories,
            List<Tally.Kind<?>> kinds) {
        this.replication = replication;
        this.trajectories = trajectories;
        this.familyRows = familyRows;
        this.familiesCsv = familyRows ? new StringBuilder(1 << 16) : new StringBuilder(0);
        this.sessionsCsv = trajectories ? new StringBuilder(1 << 18) : null;
        List<Tally.Kind<?>> all = new ArrayList<>(kinds);
        if (!all.contains(MetricsTally.KIND)) {
            all.add(0, MetricsTally.KIND);
        }
        this.kinds = List.copyOf(all);
        this.tallies = new CourseListener[all.size()];
        for (int i = 0; i < tallies.length; i++) {
            tallies[i] = all.get(i).create(sessionLimit);
        }
        this.metrics = tally(MetricsTally.KIND);
    }

    /** This replication's tally of {@code kind}; refused when it does not count that kind. */
    public <T extends CourseListener> T tally(Tally.Kind<T> kind) {
        int i = kinds.indexOf(kind);
        if (i < 0) {
            throw new IllegalStateException("replication " + replication + " did not count " + kind.name());
        }
        @SuppressWarnings("unchecked")
        T t = (T) tallies[i];
        return t;
    }

    /** Whether this replication counts {@code kind}. */
    boolean counts(Tally.Kind<?> kind) {
        return kinds.contains(kind);
    }

    /** Called on the replication's thread once its courses have ended: does the tallies' last work there. */
    void finish() {
        metrics.values();
    }

    @Override
    public void courseEnded(CourseRecord c) {
        n++;
        for (CourseListener t : tallies) {
            t.courseEnded(c);
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
        for (CourseListener tally : tallies) {
            tally.therapistDrawn(t);
        }
    }

    @Override
    public void sessionAttended(SessionRecord s) {
        int t = s.session();
        for (CourseListener tally : tallies) {
            tally.sessionAttended(s);
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
        therapists().write(w, replication);
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
        return metrics.therapists();
    }

    /** This replication's validation patterns (repair and outcome, V-shaped alliance, good enough). */
    public PatternTally patterns() {
        return tally(PatternTally.KIND);
    }

    /** Number of courses recorded. */
    public int families() {
        return n;
    }

    /** This replication's value of every {@link Metric}, indexed by ordinal; NaN where undefined. */
    public double[] metrics() {
        return metrics.values();
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
}
