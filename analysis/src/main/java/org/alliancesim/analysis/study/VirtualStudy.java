package org.alliancesim.analysis.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.measurement.FamilyTruth;
import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.measurement.Measurement;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.measurement.Recorder;
import org.alliancesim.measurement.Schedule;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.FamilySlots;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.StudySpec;

/**
 * Draws the sample of a virtual study from a scenario (docs/studies.md): a cohort of N families
 * (the scenario's population, therapists and dynamics) run as one replication with session detail
 * and measured with the scenario's {@code measurement:} section, the design's early session added to
 * the SOFTA-o schedule. The families are spread over the design's therapists: every therapist type's
 * caseload is set to {@link StudySpec#familiesPerTherapist}, so the cohort has that many therapists
 * at most, each family assigned to one at random (the model's cohort rule).
 *
 * <p>Random numbers: the model's and the instruments' keyed streams of the given seed and replication;
 * a sample depends on nothing else (not on threads, nor on other samples). {@link #powerSeed} keys a
 * seed per sample size, so the samples of different sizes are independent. Immutable, thread-safe.
 */
public final class VirtualStudy {

    private static final long POWER = RandomStreams.purposeCode("study-power-sample-size");

    /** One sample: a row per family that started (in the order their courses ended) and its measures. */
    public record Sample(List<StudyFamily> families, List<Measure> measures) {

        /** Copies the lists. */
        public Sample {
            families = List.copyOf(families);
            measures = List.copyOf(measures);
        }
    }

    private final Scenario scenario;
    private final StudySpec design;
    private final MeasurementSpec measurement;
    /** The instruments with their error sds solved once; each sample draws from its own seed's streams. */
    private final Measurement instruments;
    /** The same without the single raters' rows, for samples that keep no measures ({@link #draw}). */
    private final Measurement consensus;

    private VirtualStudy(Scenario scenario, StudySpec design, MeasurementSpec measurement) {
        this.scenario = scenario;
        this.design = design;
        this.measurement = measurement;
        this.instruments = Measurement.of(measurement, design.seed());
        this.consensus = instruments.withoutRaterRows();
    }

    /** The virtual study of {@code design} on {@code scenario}. */
    public static VirtualStudy of(Scenario scenario, StudySpec design) {
        MeasurementSpec m = scenario.measurement();
        Schedule s = m.schedule();
        List<Integer> rated = new ArrayList<>(s.softaOSessions());
        rated.add(design.earlySession());
        Schedule schedule = new Schedule(rated, s.softaSSessions(), s.outcomeEvery());
        return new VirtualStudy(scenario, design, m.withSchedule(schedule));
    }

    /**
     * The virtual study of {@code design} on {@code scenario}, measured exactly with {@code m} instead
     * of the scenario's {@code measurement:} section (a study's own instruments,
     * {@link StudyData#measurement}); its schedule must rate the design's early session.
     */
    public static VirtualStudy of(Scenario scenario, StudySpec design, MeasurementSpec m) {
        return new VirtualStudy(scenario, design, m.withEnabled(true));
    }

    /**
     * This study with only the ratings the early-alliance statistics read: SOFTA-o at the sessions up to
     * the early one, no SOFTA-s, and the outcome at baseline and end only (none in treatment). Every
     * instrument draws from its own stream per family, and a family's SOFTA-o draws are taken session
     * by session in order, so the early session's ratings, the dropouts and hence {@code d_dropout},
     * {@code or_dropout}, {@code or_split_dropout} and {@code icc_therapist_dropout} are the same, to
     * the bit, as this study's (its outcome end scores are not: fewer outcome draws come before them,
     * and none of those statistics reads them); the samples lack the other ratings, and the run records
     * no session after the early one (what ABC-SMC's study targets save: most of the recorder's work
     * and of the session records).
     */
    public VirtualStudy earlyRatingsOnly() {
        Schedule s = measurement.schedule();
        List<Integer> rated = s.softaOSessions().stream().filter(t -> t <= design.earlySession()).toList();
        return new VirtualStudy(scenario, design, measurement.withSchedule(new Schedule(rated, List.of(), 0)));
    }

    /** The design. */
    public StudySpec design() {
        return design;
    }

    /** The measurement in use: the scenario's, with the early session rated. */
    public MeasurementSpec measurement() {
        return measurement;
    }

    /**
     * The model of a sample of {@code families}: cohort mode, that many families, every therapist
     * type's caseload {@link StudySpec#familiesPerTherapist}.
     *
     * @throws ScenarioException if the scenario refuses the edits (not for sizes a request accepts)
     */
    public ModelParameters model(int families) throws ScenarioException {
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        edits.put(ParameterPath.parse("run.mode"), "cohort");
        edits.put(ParameterPath.parse("run.families"), families);
        int caseload = StudySpec.familiesPerTherapist(families, design.therapists());
        for (int i = 0; i < scenario.model().therapists().size(); i++) {
            edits.put(ParameterPath.parse("therapists[" + i + "].caseload"), caseload);
        }
        return scenario.with(edits, "study design").model();
    }

    /** The seed of the power analysis' samples of {@code families} families, keyed by the size. */
    public long powerSeed(int families) {
        return RandomStreams.of(design.seed()).stream(families, 0, POWER).nextLong();
    }

    /** Draws replication {@code replication} of {@code model} from {@code seed} and measures it. */
    public Sample draw(ModelParameters model, long seed, int replication) {
        return draw(model, seed, replication, true);
    }

    /**
     * Draws replication {@code replication} of {@code model} from {@code seed} and measures it; with
     * {@code keepMeasures} false the sample's measures are left empty (its family rows are the same),
     * for analyses without the reliability rows ({@link StudyAnalysis#of} with {@code reliabilities}
     * false reads the rows only).
     *
     * <p>With {@code keepMeasures} false no measure row is made: the families are measured without
     * the single raters' scores ({@link Measurement#withoutRaterRows}), which a row does not read, and
     * the other scores go one by one into the family's row ({@link Measurement#recorder(int,
     * Measurement.Scored, Measurement.Sink)}) through the same code that reads a family's measures
     * ({@link #row}), in the same order. Every draw is taken as before, so the rows are the same to
     * the bit, for less work per family (what ABC-SMC's study targets draw; docs/performance.md).
     */
    public Sample draw(ModelParameters model, long seed, int replication, boolean keepMeasures) {
        Measurement m = (keepMeasures ? instruments : consensus).withSeed(seed);
        int early = design.earlySession();
        FamilySlots<SessionRecord> earlySessions = new FamilySlots<>(model.run().families());
        List<StudyFamily> rows = new ArrayList<>(model.run().families());
        List<Measure> measures = new ArrayList<>();
        Recorder recorder;
        if (keepMeasures) {
            recorder = m.recorder(replication, (truth, observed) -> {
                if (truth.started()) {
                    rows.add(row(truth, observed, earlySessions.take(truth.familyId()), early));
                    measures.addAll(observed);
                }
            });
        } else {
            RowScores scores = new RowScores(early);
            recorder = m.recorder(replication, scores, (truth, none) -> {
                if (truth.started()) { // a family that never started has no scores
                    rows.add(scores.row(truth, earlySessions.take(truth.familyId())));
                }
            });
        }
        Replication.run(model, RandomStreams.of(seed), replication, new CourseListener() {
            @Override
            public void sessionAttended(SessionRecord s) {
                if (s.session() == early) {
                    earlySessions.put(s.familyId(), s);
                }
                recorder.sessionAttended(s);
            }

            @Override
            public void courseEnded(CourseRecord c) {
                recorder.courseEnded(c);
            }

            @Override
            public int sessionsWanted() {
                return Math.max(early, recorder.sessionsWanted());
            }
        }, true);
        return new Sample(rows, measures);
    }

    /**
     * A family's row: its observed early composite and split from the consensus ratings, its truths.
     * The members' composites are averaged in the order the measures first name the members.
     */
    static StudyFamily row(FamilyTruth t, List<Measure> observed, SessionRecord early, int earlySession) {
        RowScores scores = new RowScores(earlySession);
        for (Measure x : observed) {
            scores.score(x.memberId(), x.role(), x.session(), x.instrument(), x.scale(), x.rater(), x.score());
        }
        return scores.row(t, early);
    }

    /**
     * What a family's row reads of its scores, taken one at a time in the order of its measures
     * (the rows of {@link #row}, or the scores themselves from a recorder that makes no rows): each
     * member's consensus SOFTA-o dimensions at the early session, summed per member in the order the
     * members first come, and the outcome's baseline, end and change index; nothing else. One per
     * sample, reset by each row; not thread-safe.
     */
    static final class RowScores implements Measurement.Scored {
        private final int earlySession;
        // Per member in order of first appearance: its id, sum of consensus dimensions and their count
        // (small arrays searched in turn: a family has a handful of members).
        private int[] ids = new int[6];
        private double[] sums = new double[6];
        private double[] counts = new double[6];
        private int members;
        private double baseline = Double.NaN;
        private double end = Double.NaN;
        private double rci = Double.NaN;

        RowScores(int earlySession) {
            this.earlySession = earlySession;
        }

        @Override
        public void score(int memberId, Role role, int session, Instrument instrument, String scale, int rater,
                double score) {
            if (instrument == Instrument.SOFTA_O && session == earlySession && rater == Measure.NONE
                    && memberId != Measure.NONE) {
                int k = 0;
                while (k < members && ids[k] != memberId) {
                    k++;
                }
                if (k == members) {
                    if (members == ids.length) {
                        ids = Arrays.copyOf(ids, 2 * members);
                        sums = Arrays.copyOf(sums, 2 * members);
                        counts = Arrays.copyOf(counts, 2 * members);
                    }
                    ids[k] = memberId;
                    sums[k] = 0;
                    counts[k] = 0;
                    members++;
                }
                sums[k] += score;
                counts[k]++;
            } else if (instrument == Instrument.OUTCOME) {
                switch (scale) {
                    case "baseline" -> baseline = score;
                    case "end" -> end = score;
                    case "rci" -> rci = score;
                    default -> { }
                }
            }
        }

        /** The row of the family whose scores came in since the last row, with its truth and early record. */
        StudyFamily row(FamilyTruth t, SessionRecord early) {
            double[] composites = new double[members];
            for (int k = 0; k < members; k++) {
                composites[k] = sums[k] / counts[k];
            }
            double allianceLatent = Double.NaN;
            double splitLatent = Double.NaN;
            if (early != null) {
                allianceLatent = early.members().stream().mapToDouble(MemberSession::alliance).average()
                        .orElse(Double.NaN);
                splitLatent = early.split();
            }
            StudyFamily f = new StudyFamily(t.replication(), t.familyId(), t.therapistId(), t.endReason(),
                    t.sessionsAttended(), mean(composites), allianceLatent, spread(composites), splitLatent, baseline,
                    end, rci, t.functioningBaseline(), t.functioningEnd());
            members = 0;
            baseline = Double.NaN;
            end = Double.NaN;
            rci = Double.NaN;
            return f;
        }
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double spread(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }
}
