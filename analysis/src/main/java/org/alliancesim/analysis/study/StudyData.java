package org.alliancesim.analysis.study;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancesim.measurement.FamilyTruth;
import org.alliancesim.measurement.FollowUp;
import org.alliancesim.measurement.Instrument;
import org.alliancesim.measurement.Measure;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.measurement.ObserverRatings;
import org.alliancesim.measurement.OutcomeMeasure;
import org.alliancesim.measurement.Schedule;
import org.alliancesim.model.EndReason;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.StudyDataSpec;
import org.alliancesim.scenario.StudyDataSpecs;
import org.alliancesim.scenario.StudySpec;

/**
 * A study's own data (docs/fitting-your-data.md): a folder with {@code study-data.yaml} (what was
 * measured), {@code families.csv} (one row per family) and, optionally, {@code measures.csv} (scores
 * in long format), read strictly and turned into the rows a virtual study gives
 * ({@link VirtualStudy.Sample}, through the same {@link VirtualStudy#row}), so that the summaries of
 * the data and of the model's virtual study of the same design are computed by the same code
 * ({@link DataSummaries}).
 *
 * <p>The folder is only read. Identifiers are replaced by numbers on reading (families and therapists
 * in order of first appearance) and never kept: nothing derived from an instance holds a row of the
 * input. A file is refused, with one line naming file, line, field, what was found and what is
 * allowed ({@link ScenarioException}), for: a missing required column, an unknown column, a value of
 * the wrong type, an out-of-range value, an unknown end reason or referral, a duplicate family id, a
 * therapist with a single family when the summaries include therapist effects, a score for a family
 * not in families.csv, a score outside its instrument's scale, an empty file, a byte-order mark, and
 * Windows (CRLF) line ends. Immutable.
 */
public final class StudyData {

    /** The families file's name. */
    public static final String FAMILIES = "families.csv";
    /** The measures file's name. */
    public static final String MEASURES = "measures.csv";
    /** The columns families.csv must have. */
    public static final List<String> FAMILY_COLUMNS = List.of("family_id", "therapist_id", "referral",
            "sessions_attended", "end_reason");
    /** The columns families.csv may have besides. */
    public static final List<String> FAMILY_OPTIONAL = List.of("family_type", "conflict");
    /** The columns measures.csv must have. */
    public static final List<String> MEASURE_COLUMNS = List.of("family_id", "member_id", "session", "instrument",
            "scale", "score");
    /** The end reasons families.csv may give (the model's, docs/outputs.md). */
    public static final List<String> END_REASONS = List.of("goals_met", "session_limit", "dropout",
            "waitlist_dropout", "censored");
    /** The referrals families.csv may give. */
    public static final List<String> REFERRALS = List.of("voluntary", "involuntary");
    /** The SOFTA-o scales and the outcome occasions measures.csv may give. */
    static final List<String> SOFTA_SCALES = List.of("engagement", "connection", "safety", "shared_purpose");
    static final List<String> OUTCOME_SCALES = List.of("baseline", "end", "follow_up");
    /** The SOFTA-o scale: -3 to +3. */
    static final double SOFTA_MIN = -3;
    static final double SOFTA_MAX = 3;
    /** The largest file read (bytes). */
    static final long MAX_BYTES = 256L << 20;

    private final StudyDataSpec spec;
    private final int families;
    private final int therapists;
    private final VirtualStudy.Sample sample;
    private final boolean outcomeMeasured;
    private final double outcomeNonresponse;
    private final double baselineMean;
    private final double baselineSd;

    private StudyData(StudyDataSpec spec, int families, int therapists, VirtualStudy.Sample sample,
            boolean outcomeMeasured, double outcomeNonresponse, double baselineMean, double baselineSd) {
        this.spec = spec;
        this.families = families;
        this.therapists = therapists;
        this.sample = sample;
        this.outcomeMeasured = outcomeMeasured;
        this.outcomeNonresponse = outcomeNonresponse;
        this.baselineMean = baselineMean;
        this.baselineSd = baselineSd;
    }

    /**
     * Reads the study folder {@code dir}.
     *
     * @throws ScenarioException the first problem, located (file:line, field, found, allowed)
     * @throws IOException if a file cannot be read
     */
    public static StudyData read(Path dir) throws ScenarioException, IOException {
        if (!Files.isDirectory(dir)) {
            throw problem(dir.toString(), 0, "", "not a folder; give the study folder holding " + StudyDataSpecs.FILE
                    + ", " + FAMILIES + " and optionally " + MEASURES);
        }
        StudyDataSpec spec = StudyDataSpecs.load(dir);
        Path familiesFile = dir.resolve(FAMILIES);
        List<Row> rows = rows(familiesFile, FAMILY_COLUMNS, FAMILY_OPTIONAL);
        Map<String, Integer> familyIds = new HashMap<>();
        Map<String, Integer> therapistIds = new LinkedHashMap<>();
        Map<Integer, Integer> therapistRows = new HashMap<>();
        Map<Integer, Integer> therapistFirstLine = new HashMap<>();
        List<FamilyTruth> truths = new ArrayList<>();
        String fFile = familiesFile.toString();
        for (Row r : rows) {
            String id = r.text("family_id");
            if (id.isEmpty()) {
                throw problem(fFile, r.line, "family_id", "empty; give every family an id");
            }
            Integer before = familyIds.putIfAbsent(id, truths.size());
            if (before != null) {
                throw problem(fFile, r.line, "family_id", "duplicate: the same id as line " + rows.get(before).line
                        + "; allowed: one row per family");
            }
            String tid = r.text("therapist_id");
            if (tid.isEmpty()) {
                throw problem(fFile, r.line, "therapist_id", "empty; give every family its therapist's id");
            }
            int therapist = therapistIds.computeIfAbsent(tid, k -> therapistIds.size());
            therapistRows.merge(therapist, 1, Integer::sum);
            therapistFirstLine.putIfAbsent(therapist, r.line);
            r.choice("referral", REFERRALS);
            String end = r.choice("end_reason", END_REASONS);
            int sessions = r.integer("sessions_attended", 0, 1000);
            EndReason reason = EndReason.valueOf(end.toUpperCase(Locale.ROOT));
            if (sessions == 0 && (reason == EndReason.DROPOUT || reason.isCompletion())) {
                throw problem(fFile, r.line, "sessions_attended", "0 with end_reason " + end + "; allowed: at least 1"
                        + " (a family that never came is waitlist_dropout or censored)");
            }
            if (sessions > 0 && reason == EndReason.WAITLIST_DROPOUT) {
                throw problem(fFile, r.line, "end_reason", "waitlist_dropout with " + sessions + " sessions attended;"
                        + " allowed: waitlist_dropout only with 0 sessions (a family that came and left is dropout)");
            }
            if (r.has("conflict")) {
                r.number("conflict", 0, 1, true);
            }
            if (r.has("family_type")) {
                r.text("family_type");
            }
            truths.add(new FamilyTruth(0, truths.size(), therapist, reason, sessions, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN));
        }
        if (spec.therapistEffects()) {
            for (Map.Entry<Integer, Integer> e : therapistRows.entrySet()) {
                if (e.getValue() < 2) {
                    throw problem(fFile, therapistFirstLine.get(e.getKey()), "therapist_id", "this therapist has one"
                            + " family only; therapist effects (therapist_effects: true in " + StudyDataSpecs.FILE
                            + ") need at least 2 families per therapist: check the id, or set therapist_effects: false");
                }
            }
        }
        Map<Integer, List<Measure>> measures = new HashMap<>();
        Path measuresFile = dir.resolve(MEASURES);
        boolean outcome = false;
        int baselines = 0;
        int baselineScored = 0;
        double sum = 0;
        double sumSq = 0;
        if (Files.exists(measuresFile)) {
            String mFile = measuresFile.toString();
            Map<String, Integer> scored = new HashMap<>();
            for (Row r : rows(measuresFile, MEASURE_COLUMNS, List.of())) {
                String id = r.text("family_id");
                Integer family = familyIds.get(id);
                if (family == null) {
                    throw problem(mFile, r.line, "family_id", "'" + Problem.shown(id) + "' is not in " + FAMILIES
                            + "; allowed: the family_id of a row of " + FAMILIES);
                }
                FamilyTruth t = truths.get(family);
                String instrument = r.choice("instrument", spec.observer() ? List.of("softa_o", "outcome")
                        : List.of("outcome"));
                Instrument ins = instrument.equals("softa_o") ? Instrument.SOFTA_O : Instrument.OUTCOME;
                String scale = r.choice("scale", ins == Instrument.SOFTA_O ? SOFTA_SCALES : OUTCOME_SCALES);
                double score;
                int session;
                int member = Measure.NONE;
                if (ins == Instrument.SOFTA_O) {
                    session = r.integer("session", 1, 200);
                    if (!spec.softaSessions().contains(session)) {
                        throw problem(mFile, r.line, "session", session + " is not a rated session; allowed: the"
                                + " softa_sessions of " + StudyDataSpecs.FILE + " " + spec.softaSessions());
                    }
                    if (session > t.sessionsAttended()) {
                        throw problem(mFile, r.line, "session", session + ", but the family attended "
                                + t.sessionsAttended() + " sessions (" + FAMILIES + "); allowed: a session it attended");
                    }
                    if (!scale.equals("shared_purpose")) {
                        member = r.integer("member_id", 0, 99);
                    } else if (!r.text("member_id").isEmpty()) {
                        throw problem(mFile, r.line, "member_id", "given for shared_purpose; allowed: empty (shared"
                                + " purpose is rated for the family)");
                    }
                    score = r.number("score", SOFTA_MIN, SOFTA_MAX, false);
                } else {
                    outcome = true;
                    session = scale.equals("baseline") ? 0 : Measure.NONE;
                    score = r.text("score").isEmpty() ? Double.NaN
                            : r.number("score", spec.outcomeMin(), spec.outcomeMax(), false);
                    if (scale.equals("baseline") && t.started()) {
                        baselines++;
                        if (!Double.isNaN(score)) {
                            baselineScored++;
                            sum += score;
                            sumSq += score * score;
                        }
                    }
                }
                Integer first = scored.putIfAbsent(family + " " + member + " " + session + " " + instrument + " " + scale,
                        r.line);
                if (first != null) {
                    throw problem(mFile, r.line, "score", "a second score of the same family, member, session and scale"
                            + " (line " + first + "); allowed: one score each");
                }
                measures.computeIfAbsent(family, k -> new ArrayList<>()).add(new Measure(0, family, t.therapistId(),
                        member, null, session, ins, scale, Measure.NONE, score));
            }
        }
        List<StudyFamily> sampleRows = new ArrayList<>();
        List<Measure> kept = new ArrayList<>();
        for (FamilyTruth t : truths) {
            if (t.started()) {
                List<Measure> m = measures.getOrDefault(t.familyId(), List.of());
                sampleRows.add(VirtualStudy.row(t, m, null, spec.earlySession()));
                kept.addAll(m);
            }
        }
        long started = sampleRows.size();
        double nonresponse = started == 0 ? 0 : Math.min(0.95, 1 - (double) baselineScored / started);
        double mean = baselineScored == 0 ? OutcomeMeasure.defaults().baselineMean() : sum / baselineScored;
        double sd = baselineScored < 2 ? OutcomeMeasure.defaults().baselineSd()
                : Math.sqrt(Math.max(0, (sumSq - baselineScored * mean * mean) / (baselineScored - 1)));
        if (!(sd > 0)) {
            sd = OutcomeMeasure.defaults().baselineSd();
        }
        if (truths.size() < StudySpec.MIN_FAMILIES) {
            throw problem(fFile, 0, "", truths.size() + " families; allowed: at least " + StudySpec.MIN_FAMILIES
                    + " (fewer leave too few dropouts and completers to summarise)");
        }
        return new StudyData(spec, truths.size(), therapistIds.size(), new VirtualStudy.Sample(sampleRows, kept),
                outcome && baselines > 0, nonresponse, mean, sd);
    }

    /** What was measured. */
    public StudyDataSpec spec() {
        return spec;
    }

    /** Families in families.csv (those that never started included). */
    public int families() {
        return families;
    }

    /** Distinct therapists in families.csv. */
    public int therapists() {
        return therapists;
    }

    /** Whether measures.csv holds outcome scores at baseline. */
    public boolean outcomeMeasured() {
        return outcomeMeasured;
    }

    /** The data as a virtual study's sample: a row per family that started, ids replaced by numbers. */
    public VirtualStudy.Sample sample() {
        return sample;
    }

    /**
     * The model's measurement of this study: the SOFTA-o at the rated sessions with the study's
     * reliability, one rating per score (the data's scores are the ones analysed), no SOFTA-s; the
     * outcome at baseline and end with the study's reliability, the data's baseline mean and sd (the
     * points per unit of improvement scaled with the sd, as the defaults relate them) and the data's
     * share of missing baseline scores as non-response; the follow-up weeks.
     */
    public MeasurementSpec measurement() {
        return measurement(spec, baselineMean, baselineSd, outcomeNonresponse);
    }

    /**
     * The measurement of a study that measured as {@code spec} says, its outcome baseline scores of
     * mean {@code baselineMean} and sd {@code baselineSd}, a share {@code nonresponse} of them missing.
     */
    public static MeasurementSpec measurement(StudyDataSpec spec, double baselineMean, double baselineSd,
            double nonresponse) {
        double r = spec.softaReliability();
        ObserverRatings o = new ObserverRatings(1, r, r, r, r, 0);
        OutcomeMeasure d = OutcomeMeasure.defaults();
        OutcomeMeasure outcome = new OutcomeMeasure(spec.outcomeReliability(), baselineMean, baselineSd,
                d.pointsPerImprovement() * baselineSd / d.baselineSd());
        List<Integer> rated = spec.observer() ? spec.softaSessions() : List.of();
        return new MeasurementSpec(true, o, MeasurementSpec.defaults().softaS(), outcome, new Schedule(rated, List.of(), 0),
                nonresponse, new FollowUp(spec.followUpWeeks(), FollowUp.defaults().nonresponse()));
    }

    /**
     * The design of the model's virtual study of these data: the same number of families and of
     * therapists (so the same mean caseload), the study's early session and seed.
     */
    public StudySpec design() {
        return new StudySpec(Math.max(StudySpec.MIN_FAMILIES, families), Math.max(1, therapists), spec.earlySession(),
                0.05, spec.seed());
    }

    /** The virtual study of these data on {@code scenario}: {@link #design()}, measured as {@link #measurement()}. */
    public VirtualStudy virtualStudy(Scenario scenario) {
        return VirtualStudy.of(scenario, design(), measurement());
    }

    // ---- the strict CSV reader ----

    /** One data row: its line and its fields by column name. */
    private record Row(String file, int line, Map<String, String> fields) {
        boolean has(String column) {
            return fields.containsKey(column) && !fields.get(column).isEmpty();
        }

        String text(String column) {
            return fields.getOrDefault(column, "").strip();
        }

        String choice(String column, List<String> allowed) throws ScenarioException {
            String v = text(column);
            if (!allowed.contains(v)) {
                throw problem(file, line, column, "found '" + Problem.shown(v) + "'; allowed: "
                        + String.join(", ", allowed));
            }
            return v;
        }

        int integer(String column, int min, int max) throws ScenarioException {
            String v = text(column);
            int x;
            try {
                x = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw problem(file, line, column, "found '" + Problem.shown(v) + "'; allowed: a whole number from "
                        + min + " to " + max);
            }
            if (x < min || x > max) {
                throw problem(file, line, column, "found " + x + "; allowed: a whole number from " + min + " to " + max);
            }
            return x;
        }

        double number(String column, double min, double max, boolean optional) throws ScenarioException {
            String v = text(column);
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (Double.isNaN(x) || v.isEmpty() || !v.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                throw problem(file, line, column, "found '" + Problem.shown(v) + "'; allowed: a number from "
                        + fmt(min) + " to " + fmt(max) + (optional ? " (or leave the column out)" : ""));
            }
            if (x < min || x > max) {
                throw problem(file, line, column, "found " + fmt(x) + ", outside the scale; allowed: " + fmt(min)
                        + " to " + fmt(max));
            }
            return x;
        }
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * The rows of a CSV file with a header line: UTF-8 without byte-order mark, LF line ends, comma
     * separated, the required columns present and no column unknown or repeated.
     */
    private static List<Row> rows(Path path, List<String> required, List<String> optional)
            throws ScenarioException, IOException {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw problem(file, 0, "", "no such file; a study folder holds " + FAMILIES + " (required) and "
                    + MEASURES + " (optional)");
        }
        if (Files.size(path) > MAX_BYTES) {
            throw problem(file, 0, "", Files.size(path) + " bytes; allowed: at most " + MAX_BYTES);
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length == 0) {
            throw problem(file, 0, "", "empty file; allowed: a header line (" + String.join(",", required)
                    + ") and one row per line");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw problem(file, 1, "", "starts with a byte-order mark (U+FEFF); allowed: UTF-8 without one (save as"
                    + " plain 'CSV', or remove it: sed -i '1s/^\\xEF\\xBB\\xBF//' FILE)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw problem(file, 0, "", "not UTF-8 text; allowed: UTF-8");
        }
        int cr = text.indexOf('\r');
        if (cr >= 0) {
            int line = 1 + (int) text.substring(0, cr).chars().filter(c -> c == '\n').count();
            throw problem(file, line, "", "Windows line end (CRLF or CR); allowed: LF line ends only (convert with"
                    + " dos2unix FILE, or save with Unix line ends)");
        }
        if (text.isBlank()) {
            throw problem(file, 0, "", "empty file; allowed: a header line (" + String.join(",", required)
                    + ") and one row per line");
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(text)) {
            while (it.hasNext()) {
                records.add(it.next());
            }
        } catch (RuntimeException | IOException e) {
            throw problem(file, 0, "", "not readable as CSV: " + Problem.shown(String.valueOf(e.getMessage())));
        }
        String[] header = records.get(0);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].strip();
            if (!required.contains(name) && !optional.contains(name)) {
                List<String> all = new ArrayList<>(required);
                all.addAll(optional);
                throw problem(file, 1, name, "unknown column '" + Problem.shown(name) + "'; allowed: "
                        + String.join(", ", all));
            }
            if (columns.put(name, c) != null) {
                throw problem(file, 1, name, "column given twice; allowed: each column once");
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw problem(file, 1, r, "missing required column; the header must name " + String.join(", ", required)
                        + (optional.isEmpty() ? "" : " (optional: " + String.join(", ", optional) + ")"));
            }
        }
        List<Row> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int line = 1;
        for (int k = 1; k < records.size(); k++) {
            line++;
            while (line <= lines.length && lines[line - 1].isEmpty()) {
                line++; // blank lines are skipped by the parser
            }
            String[] rec = records.get(k);
            if (rec.length == 1 && rec[0].isEmpty()) {
                continue;
            }
            if (rec.length != header.length) {
                throw problem(file, line, "", rec.length + " fields; allowed: " + header.length + " (one per column of"
                        + " the header)");
            }
            Map<String, String> fields = new HashMap<>();
            for (Map.Entry<String, Integer> e : columns.entrySet()) {
                String v = rec[e.getValue()];
                if (v.indexOf('\n') >= 0) {
                    throw problem(file, line, e.getKey(), "a field spans lines; allowed: one row per line");
                }
                fields.put(e.getKey(), v);
            }
            out.add(new Row(file, line, fields));
        }
        if (out.isEmpty()) {
            throw problem(file, 0, "", "no rows below the header; allowed: one row per line");
        }
        return out;
    }

    private static ScenarioException problem(String file, int line, String field, String message) {
        return new ScenarioException(List.of(new Problem(file, line, 0, field, message)));
    }
}
