package org.alliancesim.analysis.experiment;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancesim.measurement.Measure;
import org.alliancesim.measurement.Measurement;
import org.alliancesim.model.CourseListener;

/**
 * measures.csv (docs/outputs.md): the observed scores of a run's replications in long format. A
 * run composes {@link #listener(int)} with each replication ({@link Experiment}) and writes each
 * replication's rows with {@link #write(ReplicationData, Writer)} as it is consumed, in replication
 * order. Thread-safe: listeners of different replications may run on different threads.
 */
public final class MeasuresCsv {

    /** measures.csv header. */
    public static final String HEADER = "replication,family_id,therapist_id,member_id,role,session,instrument,scale,"
            + "rater,score\n";

    private final Measurement measurement;
    private final Map<Integer, StringBuilder> rows = new ConcurrentHashMap<>();

    /** Rows of {@code measurement}'s scores. */
    public MeasuresCsv(Measurement measurement) {
        this.measurement = measurement;
    }

    /** A listener measuring replication {@code replication} into this table's rows. */
    public CourseListener listener(int replication) {
        StringBuilder sb = new StringBuilder(1 << 16);
        rows.put(replication, sb);
        return measurement.recorder(replication, (truth, measures) -> {
            for (Measure m : measures) {
                append(sb, m);
            }
        });
    }

    /** Appends the rows of {@code data}'s replication (no header) and forgets them. */
    public void write(ReplicationData data, Writer w) throws IOException {
        StringBuilder sb = rows.remove(data.replication);
        if (sb == null) {
            throw new IllegalStateException("replication " + data.replication + " was not measured");
        }
        w.append(sb);
    }

    /** Appends one row: empty fields for {@link Measure#NONE}, a null role and a missing score. */
    public static StringBuilder append(StringBuilder sb, Measure m) {
        sb.append(m.replication()).append(',').append(m.familyId()).append(',').append(m.therapistId()).append(',');
        whole(sb, m.memberId()).append(',');
        sb.append(m.role() == null ? "" : m.role().name().toLowerCase(Locale.ROOT)).append(',');
        whole(sb, m.session()).append(',').append(m.instrument().csvName()).append(',').append(m.scale()).append(',');
        whole(sb, m.rater()).append(',');
        return Csv.append(sb, m.score()).append('\n');
    }

    private static StringBuilder whole(StringBuilder sb, int v) {
        return v == Measure.NONE ? sb : sb.append(v);
    }
}
