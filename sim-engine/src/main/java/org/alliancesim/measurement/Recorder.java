package org.alliancesim.measurement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
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
    private final Map<Integer, List<SessionRecord>> pending = new HashMap<>();
    private final int keepUpTo;
    private final boolean raterRows;

    Recorder(Measurement measurement, RandomStreams streams, int replication, Measurement.Sink sink) {
        this.spec = measurement.spec();
        this.streams = streams;
        this.replication = replication;
        this.sink = sink;
        this.instruments = spec.instruments();
        this.raterRows = measurement.raterRows();
        int last = 0;
        for (int i = 0; i < instruments.size(); i++) {
            scoring.add(measurement.administration(i).replication(streams, replication));
            last = Math.max(last, instruments.get(i).lastSession(spec));
        }
        keepUpTo = last;
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
        if (t <= keepUpTo && given(t)) {
            pending.computeIfAbsent(s.familyId(), k -> new ArrayList<>()).add(s);
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
        List<SessionRecord> sessions = pending.remove(c.familyId());
        Scores scores = new Scores(streams, replication, c, raterRows);
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
