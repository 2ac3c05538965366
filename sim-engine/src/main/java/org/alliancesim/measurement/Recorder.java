package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.FamilySlots;
import org.alliancesim.model.SessionRecord;

/**
 * Measures one replication as its records arrive ({@link Measurement#recorder}). Keeps the
 * sessions of families still in treatment after which some instrument is given, and measures a
 * family when its course ends. It knows no instrument: each of {@link MeasurementSpec#instruments()}
 * ({@link MeasuringInstrument}) says which sessions it is given after and measures the family in the
 * phases that interface describes, in registration order (for the built-in ones: the outcome's
 * baseline; after each kept session SOFTA-o, SOFTA-s, the outcome; the outcome's end, change and
 * follow-up). Each instrument draws from its own streams, in an order of its own (its class says
 * which), so measured values do not depend on threads, on other families or on other instruments.
 * Not thread-safe: one per replication, called from the replication's thread.
 */
public final class Recorder implements CourseListener {

    private final MeasurementSpec spec;
    private final RandomStreams streams;
    private final int replication;
    private final Measurement.Sink sink;
    private final List<MeasuringInstrument> instruments;
    private final List<MeasuringInstrument.ReplicationScoring> scoring = new ArrayList<>();
    /** The kept sessions of each family still in treatment; none for a family with none. */
    private final FamilySlots<List<SessionRecord>> pending = new FamilySlots<>(16);
    private final int keepUpTo;
    /**
     * Whether some instrument is given after session t, for t up to keepUpTo and at most
     * {@link Schedule#MAX_SESSION}, asked once here rather than of every instrument at every recorded
     * session (in a JFR profile of ABC-SMC's virtual studies that asking drew a tenth of the samples).
     */
    private final boolean[] kept;
    private final boolean raterRows;
    /** Where scores go one by one instead of rows (a {@link Measurement.Scored}); null: rows. */
    private final Measurement.Scored scored;

    Recorder(Measurement measurement, RandomStreams streams, int replication, Measurement.Scored scored,
            Measurement.Sink sink) {
        this.spec = measurement.spec();
        this.streams = streams;
        this.replication = replication;
        this.sink = sink;
        this.instruments = spec.instruments();
        this.raterRows = measurement.raterRows();
        this.scored = scored;
        int last = 0;
        for (int i = 0; i < instruments.size(); i++) {
            scoring.add(measurement.administration(i).replication(streams, replication));
            last = Math.max(last, instruments.get(i).lastSession(spec));
        }
        keepUpTo = last;
        kept = new boolean[Math.min(keepUpTo, Schedule.MAX_SESSION) + 1];
        for (int t = 0; t < kept.length; t++) {
            kept[t] = given(t);
        }
    }

    /** The last session this recorder measures anything after (the latest of its instruments'). */
    @Override
    public int sessionsWanted() {
        return keepUpTo;
    }

    /** Instrument {@code i}'s measuring of this replication (in {@link MeasurementSpec#instruments()} order). */
    MeasuringInstrument.ReplicationScoring scoring(int i) {
        return scoring.get(i);
    }

    @Override
    public void sessionAttended(SessionRecord s) {
        int t = s.session();
        if (t <= keepUpTo && (t < kept.length ? kept[t] : given(t))) {
            List<SessionRecord> sessions = pending.get(s.familyId());
            if (sessions == null) {
                sessions = new ArrayList<>(2);
                pending.put(s.familyId(), sessions);
            }
            sessions.add(s);
        }
    }

    private boolean given(int t) {
        for (MeasuringInstrument i : instruments) {
            if (i.givenAfter(t, spec)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void courseEnded(CourseRecord c) {
        List<SessionRecord> sessions = pending.take(c.familyId());
        Scores scores = new Scores(streams, replication, c, raterRows, scored);
        if (c.sessionsAttended() > 0) {
            List<MeasuringInstrument.FamilyScoring> family = new ArrayList<>(scoring.size());
            for (MeasuringInstrument.ReplicationScoring r : scoring) {
                family.add(r.family(scores));
            }
            for (SessionRecord s : sessions == null ? List.<SessionRecord>of() : sessions) {
                for (MeasuringInstrument.FamilyScoring f : family) {
                    f.afterSession(s);
                }
            }
            for (MeasuringInstrument.FamilyScoring f : family) {
                f.end();
            }
        }
        FamilyTruth truth = new FamilyTruth(replication, c.familyId(), c.therapistId(), c.endReason(),
                c.sessionsAttended(), c.allianceFirst(), c.allianceThird(), c.improvement(),
                scores.functioningBaseline(), scores.functioningEnd());
        sink.family(truth, scores.measures());
    }
}
