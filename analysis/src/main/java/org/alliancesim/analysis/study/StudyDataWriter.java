package org.alliancesim.analysis.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.measurement.OutcomeMeasure;
import org.alliancesim.model.CourseListener;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.StudyDataSpec;
import org.alliancesim.scenario.StudyDataSpecs;
import org.alliancesim.scenario.StudySpec;

/**
 * Writes a synthetic study folder (docs/fitting-your-data.md, "Recovery"): the model's virtual study of
 * a scenario, measured as a {@code study-data.yaml} says, written as a researcher's data would be
 * (study-data.yaml, families.csv, measures.csv), with made-up identifiers ({@code PREFIX-F0001},
 * {@code PREFIX-T001}). Used to show that {@code calibrate --data} recovers the parameters a study was
 * generated from; it never reads a real study. Stateless.
 */
public final class StudyDataWriter {

    private StudyDataWriter() {}

    /**
     * Writes the folder {@code dir} (created; refused if it exists and is not empty).
     *
     * @param scenario the scenario whose parameters the study is drawn from (then hidden)
     * @param studyData the text of the study-data.yaml to write (what the study measured)
     * @param families families in the study
     * @param therapists therapists they are spread over
     * @param seed the seed of the draw (replication 0)
     * @param prefix the identifiers' prefix
     * @return the virtual study's sample the files hold (with its latent values and every measure)
     * @throws ScenarioException if the study-data.yaml text is refused, or the scenario refuses the design
     * @throws IOException if writing fails, or {@code dir} is not empty
     */
    public static VirtualStudy.Sample write(Scenario scenario, String studyData, int families, int therapists, long seed,
            String prefix, Path dir) throws ScenarioException, IOException {
        StudyDataSpec spec = StudyDataSpecs.parse(StudyDataSpecs.FILE, studyData);
        OutcomeMeasure o = scenario.measurement().outcome();
        MeasurementSpec m = StudyData.measurement(spec, o.baselineMean(), o.baselineSd(),
                scenario.measurement().nonresponse());
        StudySpec design = new StudySpec(families, therapists, spec.earlySession(), 0.05, seed);
        VirtualStudy study = VirtualStudy.of(scenario, design, m);
        ModelParameters model = study.model(families);
        VirtualStudy.Sample sample = study.draw(model, seed, 0, true);
        // The families' intake (referral, type, conflict) from the same replication run again.
        List<CourseRecord> courses = new ArrayList<>();
        Replication.run(model, RandomStreams.of(seed), 0, new CourseListener() {
            @Override
            public void courseEnded(CourseRecord c) {
                courses.add(c);
            }
        }, true);
        Map<Integer, CourseRecord> byFamily = new HashMap<>();
        for (CourseRecord c : courses) {
            byFamily.put(c.familyId(), c);
        }
        for (StudyFamily f : sample.families()) {
            CourseRecord c = byFamily.get(f.familyId());
            if (c == null || c.sessionsAttended() != f.sessionsAttended() || c.endReason() != f.endReason()) {
                throw new IllegalStateException("the intake run differs from the study's at family " + f.familyId());
            }
        }
        if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
            throw new IOException(dir + ": exists and is not an empty folder");
        }
        Files.createDirectories(dir);
        StringBuilder fam = new StringBuilder("family_id,therapist_id,referral,sessions_attended,end_reason,"
                + "family_type,conflict\n");
        courses.sort(java.util.Comparator.comparingInt(CourseRecord::familyId));
        for (CourseRecord c : courses) {
            fam.append(familyId(prefix, c.familyId())).append(',').append(therapistId(prefix, c.therapistId()))
                    .append(',').append(c.referral().name().toLowerCase(Locale.ROOT)).append(',')
                    .append(c.sessionsAttended()).append(',').append(c.endReason().name().toLowerCase(Locale.ROOT))
                    .append(',').append(c.familyType()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", c.conflict())).append('\n');
        }
        StringBuilder mea = new StringBuilder("family_id,member_id,session,instrument,scale,score\n");
        for (Measure x : sample.measures()) {
            boolean consensus = x.instrument() == Instrument.SOFTA_O && x.rater() == Measure.NONE;
            boolean outcome = x.instrument() == Instrument.OUTCOME
                    && (x.scale().equals("baseline") || x.scale().equals("end"));
            if (!consensus && !outcome) {
                continue;
            }
            if (outcome && x.scale().equals("end") && x.missing()) {
                continue; // no end score: a dropout's, or not answered
            }
            mea.append(familyId(prefix, x.familyId())).append(',')
                    .append(x.memberId() == Measure.NONE ? "" : Integer.toString(x.memberId())).append(',')
                    .append(consensus ? Integer.toString(x.session()) : "").append(',')
                    .append(x.instrument().csvName()).append(',').append(x.scale()).append(',')
                    .append(x.missing() ? "" : String.format(Locale.ROOT, "%.4f", x.score())).append('\n');
        }
        Files.writeString(dir.resolve(StudyDataSpecs.FILE), studyData, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(StudyData.FAMILIES), fam, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(StudyData.MEASURES), mea, StandardCharsets.UTF_8);
        return sample;
    }

    /** The made-up id of family {@code k}. */
    public static String familyId(String prefix, int k) {
        return String.format(Locale.ROOT, "%s-F%04d", prefix, k + 1);
    }

    /** The made-up id of therapist {@code k}; a family never assigned has none. */
    public static String therapistId(String prefix, int k) {
        return k < 0 ? "" : String.format(Locale.ROOT, "%s-T%03d", prefix, k + 1);
    }
}
