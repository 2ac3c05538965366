package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.analysis.usecase.StoryUseCase;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.CourseStepper;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.MemberSession;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Role;
import org.alliancesim.model.RunMode;
import org.alliancesim.model.RunSpec;
import org.alliancesim.model.SessionChoice;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.model.TherapistType;
import org.alliancesim.scenario.Numbers;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * "Be the therapist": one family of a preset, the student's choices for each session so far, and
 * the course they give, run by the model's {@link CourseStepper} (no second implementation of the
 * dynamics). Stateless: the choices come with every request and the course is replayed from the
 * start (a course is at most the preset's session limit; a replay takes well under a millisecond
 * per session), so the same choices always give the same course, and nothing is stored.
 *
 * <p>The practice model is the preset's, with the page's settings, run as a cohort of
 * {@link #FAMILIES} families (clinic presets too: a clinic's families share therapists, a single
 * course cannot be stepped there); the family is family K of replication 0 with the preset's seed.
 */
final class Practice {

    /** Families in the practice cohort: the family chosen is one of them, and the debrief replays the student's choices on all. */
    static final int FAMILIES = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final String preset;
    final ModelParameters model;
    final long seed;
    final int family;
    final List<SessionChoice> choices;

    private Practice(String preset, ModelParameters model, long seed, int family, List<SessionChoice> choices) {
        this.preset = preset;
        this.model = model;
        this.seed = seed;
        this.family = family;
        this.choices = choices;
    }

    /**
     * Reads the preset and controls (as {@code /api/run}), {@code family} (0..199, default 0) and
     * {@code choices}: sessions separated by {@code ;}, each {@code challenge,focus,support,repair}
     * (challenge 0..2; focus a member number or -1 for none; support 0..1; repair 1 or 0).
     *
     * @throws BadRequest naming the parameter (and the session) and what is allowed
     */
    static Practice parse(java.util.function.Function<String, String> param) throws Exception {
        ClassroomSettings settings = ClassroomSettings.parse(param, "");
        Scenario scenario = ScenarioLoader.load(settings.preset);
        ModelParameters m = settings.apply(scenario.model());
        RunSpec r = m.run();
        ModelParameters model = m.withRun(new RunSpec(RunMode.COHORT, FAMILIES, r.horizonDays(), r.sessionLimit()));
        int family = ClassroomSettings.wholeNumber("family", param.apply("family"), 0, 0, FAMILIES - 1);
        List<SessionChoice> choices = choices(param.apply("choices"), r.sessionLimit());
        return new Practice(settings.preset, model, scenario.seed(), family, choices);
    }

    /** The choices parameter; absent or empty: none yet. */
    static List<SessionChoice> choices(String raw, int limit) {
        List<SessionChoice> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        String[] sessions = raw.strip().split(";", -1);
        if (sessions.length > limit) {
            throw new BadRequest("choices: " + sessions.length + " sessions given; the course has at most " + limit);
        }
        for (int i = 0; i < sessions.length; i++) {
            String where = "choices: session " + (i + 1) + ": ";
            String[] f = sessions[i].split(",", -1);
            if (f.length != 4) {
                throw new BadRequest(where + "expected challenge,focus,support,repair, found '"
                        + ClassroomSettings.clip(sessions[i]) + "'");
            }
            double challenge = decimal(where + "challenge", f[0], 0, SessionChoice.MAX_CHALLENGE);
            int focus = ClassroomSettings.wholeNumber(where + "focus", f[1].isBlank() ? "x" : f[1], -1, -1, 7);
            double support = decimal(where + "support", f[2], 0, 1);
            if (!f[3].equals("0") && !f[3].equals("1")) {
                throw new BadRequest(where + "repair: expected 1 or 0, found '" + ClassroomSettings.clip(f[3]) + "'");
            }
            out.add(new SessionChoice(challenge, focus, support, f[3].equals("1")));
        }
        return out;
    }

    private static double decimal(String name, String s, double min, double max) {
        if (!Numbers.isDecimal(s)) {
            throw new BadRequest(name + ": expected a number in [" + min + ", " + max + "], found '"
                    + ClassroomSettings.clip(s) + "'");
        }
        double v = Double.parseDouble(s);
        if (!(v >= min && v <= max)) {
            throw new BadRequest(name + ": must be in [" + min + ", " + max + "], was " + ClassroomSettings.clip(s));
        }
        return v;
    }

    /** The same family and model with other choices (a class keeps one plan and each student's choices). */
    Practice with(List<SessionChoice> other) {
        return new Practice(preset, model, seed, family, other);
    }

    /** The family's course before its first session: a new stepper, no choice made. */
    CourseStepper start() {
        return CourseStepper.start(model, RandomStreams.of(seed), 0, family);
    }

    /** The course with the choices so far: stepped once per choice. */
    CourseStepper replay() {
        CourseStepper c = start();
        for (int i = 0; i < choices.size(); i++) {
            step(c, choices.get(i), i + 1);
        }
        return c;
    }

    /**
     * Runs session {@code session} (from 1) of {@code c} with {@code choice}: refused if the course
     * has ended or the choice names no member of the family.
     */
    static void step(CourseStepper c, SessionChoice choice, int session) {
        if (c.ended()) {
            throw new BadRequest("choices: session " + session + " was given, but the course ended after "
                    + c.sessions().size() + " sessions");
        }
        try {
            c.step(choice);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("choices: session " + session + ": " + e.getMessage());
        }
    }

    /** The practice screen's state: the family, each session so far, the state now and what comes next. */
    ObjectNode state() {
        return state(replay());
    }

    /** As {@link #state()}, of {@code c}: this practice's course stepped with its choices (not replayed here). */
    ObjectNode state(CourseStepper c) {
        List<String> names = names(c);
        ObjectNode out = NODES.objectNode();
        out.put("preset", preset);
        out.put("family", family);
        ObjectNode fam = out.putObject("family_info");
        fam.put("type", c.familyType());
        fam.put("involuntary", c.involuntary());
        ArrayNode ms = fam.putArray("members");
        for (CourseStepper.MemberNow m : c.members()) {
            ObjectNode o = ms.addObject();
            o.put("id", m.memberId());
            o.put("name", names.get(m.memberId()));
            o.put("role", m.role().name().toLowerCase(Locale.ROOT));
            o.put("identified_patient", m.identifiedPatient());
        }
        ObjectNode th = out.putObject("therapist");
        th.put("type", c.therapistType());
        th.put("support", c.therapistSupport());
        th.put("repair", c.therapistRepair());
        ArrayNode sessions = out.putArray("sessions");
        List<SessionRecord> records = c.sessions();
        for (int i = 0; i < records.size(); i++) {
            SessionRecord s = records.get(i);
            ObjectNode o = sessions.addObject();
            o.put("session", s.session());
            o.put("challenge", s.challenge());
            o.put("focus", i < choices.size() ? choices.get(i).focus() : -1);
            o.put("support", s.support());
            o.put("purpose", s.sharedPurpose());
            o.put("conflict", s.conflict());
            o.put("improvement", s.improvement());
            ArrayNode members = o.putArray("members");
            for (MemberSession m : s.members()) {
                ObjectNode x = members.addObject();
                x.put("name", names.get(m.memberId()));
                x.put("engagement", m.engagement());
                x.put("connection", m.connection());
                x.put("safety", m.safety());
                x.put("alliance", m.alliance());
                x.put("discomfort", m.discomfort());
                x.put("capacity", m.capacity());
                x.put("rupture", m.rupture());
                x.put("repaired", m.repaired());
            }
            // What the family did next: came back, unless this was the last session of an ended course.
            boolean last = i == records.size() - 1 && c.ended();
            o.put("came_back", !last);
            o.put("after", last ? ending(c.course()) : "The family came back.");
        }
        ObjectNode now = out.putObject("now");
        now.put("purpose", c.sharedPurpose());
        now.put("conflict", c.conflict());
        now.put("missed", c.noShows());
        ArrayNode nowMembers = now.putArray("members");
        for (CourseStepper.MemberNow m : c.members()) {
            ObjectNode x = nowMembers.addObject();
            x.put("name", names.get(m.memberId()));
            x.put("engagement", m.engagement());
            x.put("connection", m.connection());
            x.put("safety", m.safety());
        }
        if (c.ended()) {
            CourseRecord r = c.course();
            ObjectNode end = out.putObject("ended");
            end.put("reason", r.endReason().name().toLowerCase(Locale.ROOT));
            end.put("sessions", r.sessionsAttended());
            end.put("improvement", r.improvement());
            end.put("text", ending(r));
        } else {
            ObjectNode next = out.putObject("next");
            next.put("session", c.nextSession());
            SessionChoice p = c.policyChoice();
            ObjectNode policy = next.putObject("policy");
            policy.put("challenge", p.challenge());
            policy.put("focus", p.focus());
            policy.put("support", p.support());
            policy.put("repair", p.attemptRepair());
        }
        return out;
    }

    /** The debrief: the course as a story, the same family under the model's therapists, and the choices as a policy on every family. */
    ObjectNode debrief() {
        return debrief(replay());
    }

    /** As {@link #debrief()}, of {@code c}: this practice's course stepped with its choices. */
    ObjectNode debrief(CourseStepper c) {
        ObjectNode out = NODES.objectNode();
        if (c.ended()) {
            out.put("story", StoryUseCase.telling(preset, model, c.course(), c.sessions()).text());
        } else {
            out.put("story", "The course is not over yet: " + c.sessions().size() + " sessions so far.");
        }
        ArrayNode same = out.putArray("same_family");
        ObjectNode you = same.addObject();
        you.put("therapist", "you");
        course(you, c.ended() ? c.course() : null, c.sessions().size());
        List<RunUseCase.Curve> curves = new ArrayList<>();
        curves.add(new RunUseCase.Curve("your choices as a policy", retention(student())));
        for (TherapistType t : calibrated()) {
            ModelParameters m = model.withTherapists(List.of(t));
            CourseRecord r = CourseStepper.play(m, RandomStreams.of(seed), 0, family, s -> null);
            ObjectNode o = same.addObject();
            o.put("therapist", t.name() + " (" + t.experience().name().toLowerCase(Locale.ROOT) + ", "
                    + t.policy().name().toLowerCase(Locale.ROOT) + " challenge " + t.challenge() + ")");
            course(o, r, r.sessionsAttended());
        }
        curves.addAll(modelCurves());
        out.put("retention_svg", SvgPresentation.of(RunUseCase.retentionSvg("Your choices as a policy on " + FAMILIES
                + " families", preset + ": the same families under the model's therapists", curves, "debrief")));
        out.put("families", FAMILIES);
        return out;
    }

    /** The calibrated therapist types (the model's defaults), each as the whole pool. */
    static List<TherapistType> calibrated() {
        List<TherapistType> out = new ArrayList<>();
        for (TherapistType t : ModelParameters.defaults().therapists()) {
            out.add(new TherapistType(t.name(), 1.0, t.experience(), t.warmth(), t.empathy(), t.genuineness(),
                    t.consistency(), t.repairSkill(), t.balance(), t.policy(), t.challenge(), t.caseload(), t.spread()));
        }
        return out;
    }

    /**
     * The student's choices as a policy for any family: session t takes the choice of the student's
     * session t (the last one after their course ended); a focus on the identified patient stays on
     * the identified patient, a focus on another member goes to the first member of the same role
     * who is not the identified patient, or to nobody if the family has none.
     */
    java.util.function.Function<CourseStepper, SessionChoice> student() {
        if (choices.isEmpty()) {
            return s -> null;
        }
        CourseStepper mine = CourseStepper.start(model, RandomStreams.of(seed), 0, family);
        List<CourseStepper.MemberNow> myMembers = mine.members();
        return s -> {
            SessionChoice ch = choices.get(Math.min(s.nextSession(), choices.size()) - 1);
            int focus = SessionChoice.NO_FOCUS;
            if (ch.focus() >= 0 && ch.focus() < myMembers.size()) {
                CourseStepper.MemberNow target = myMembers.get(ch.focus());
                for (CourseStepper.MemberNow m : s.members()) {
                    if (m.identifiedPatient() == target.identifiedPatient()
                            && (target.identifiedPatient() || m.role() == target.role())) {
                        focus = m.memberId();
                        break;
                    }
                }
            }
            return new SessionChoice(ch.challenge(), focus, ch.support(), ch.attemptRepair());
        };
    }

    /** The calibrated therapist types' retention on this cohort's families, one curve each. */
    List<RunUseCase.Curve> modelCurves() {
        List<RunUseCase.Curve> curves = new ArrayList<>();
        for (TherapistType t : calibrated()) {
            curves.add(new RunUseCase.Curve(t.name() + " therapist", retention(s -> null, model.withTherapists(List.of(t)))));
        }
        return curves;
    }

    private KaplanMeier retention(java.util.function.Function<CourseStepper, SessionChoice> policy) {
        return retention(policy, model);
    }

    /** Retention as the run's (sessions attended; a dropout is the event) over all the cohort's families. */
    private KaplanMeier retention(java.util.function.Function<CourseStepper, SessionChoice> policy, ModelParameters m) {
        KaplanMeier km = new KaplanMeier();
        RandomStreams streams = RandomStreams.of(seed);
        for (int k = 0; k < FAMILIES; k++) {
            CourseRecord r = CourseStepper.play(m, streams, 0, k, policy);
            if (r.sessionsAttended() >= 1) {
                km.add(r.sessionsAttended(), r.endReason() == EndReason.DROPOUT);
            }
        }
        return km;
    }

    private static void course(ObjectNode o, CourseRecord r, int sessions) {
        o.put("sessions", sessions);
        if (r == null) {
            o.put("ending", "not over");
            return;
        }
        o.put("ending", r.endReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        o.put("ruptures", r.ruptures());
        o.put("repairs", r.repairs());
        o.put("improvement", r.improvement());
        if (Double.isFinite(r.allianceLast())) {
            o.put("alliance_last", r.allianceLast());
        }
    }

    private static String ending(CourseRecord r) {
        return switch (r.endReason()) {
            case DROPOUT -> "The family did not come back for session " + r.endSession() + ".";
            case GOALS_MET -> "The family felt its goals were met after session " + r.endSession() + ".";
            case SESSION_LIMIT -> "The course reached its session limit (" + r.endSession() + " sessions).";
            case CENSORED -> "The simulation's horizon came first.";
            case WAITLIST_DROPOUT -> "The family gave up on the waitlist.";
        };
    }

    private List<String> names(CourseStepper c) {
        List<Role> roles = new ArrayList<>();
        c.members().forEach(m -> roles.add(m.role()));
        return StoryUseCase.memberNames(roles);
    }
}
