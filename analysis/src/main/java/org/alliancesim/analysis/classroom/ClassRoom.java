package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.CourseStepper;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.SessionChoice;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * A class that plays together ({@code classroom --class}): a join code, students with nicknames
 * who each play the same family (the teacher's choice) on the practice screen, and the teacher's
 * dashboard. Everything is in memory and gone when the process ends; only the teacher's CSV export
 * leaves it, and it holds no nickname.
 *
 * <p>Security (docs/security.md, "Class mode"): the join code is needed to join; each student gets
 * a random token in an HttpOnly, SameSite=Strict cookie, and every student request acts on the
 * cookie's student only (no request names another student); the teacher's requests need the
 * teacher's own cookie, set from the key printed at start; nicknames are checked on the way in
 * and only ever written into the page as text; each student and each address that fails to join
 * has a rate limit; at most {@link #maxStudents} join. Tokens, the code and the key come from
 * {@link SecureRandom}: they are secrets, not simulation (the simulation's randomness stays keyed).
 */
final class ClassRoom {

    /** Default maximum number of students. */
    static final int DEFAULT_MAX = 60;
    static final String STUDENT_COOKIE = "alliancesim_student";
    static final String TEACHER_COOKIE = "alliancesim_teacher";
    /** Letters and digits that cannot be misread on a projector (no 0/O, 1/I/L). */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 6;
    static final int NICKNAME_MAX = 32;
    /** Student requests: a burst of this many, then this many per second. */
    static final double STUDENT_BURST = 10;
    static final double STUDENT_RATE = 3;
    /** Failed joins from one address: a burst of this many, then one every this many seconds. */
    static final double JOIN_BURST = 10;
    static final double JOIN_SECONDS = 6;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final String code;
    private final String teacherKey;
    final int maxStudents;
    private final SecureRandom random;
    private final Map<String, Student> byToken = new ConcurrentHashMap<>();
    private final List<Student> students = new ArrayList<>();
    private final Map<String, Bucket> failedJoins = new ConcurrentHashMap<>();
    /** A course untouched this long is dropped (rebuilt from the choices if the student comes back). */
    static final long IDLE_NANOS = 20L * 60 * 1_000_000_000L;
    private volatile Map<String, String> plan = Map.of("preset", "fragile-alliance-same-challenge", "family", "0");
    /** The plan read once (not per request), and the model's therapists' retention on its families. */
    private volatile Practice base;
    private volatile List<RunUseCase.Curve> modelCurves;
    private volatile boolean revealed;
    /** The lesson the class plays together, if the server offers one (class mode always does). */
    private volatile ClassLesson lesson;

    /**
     * One student: their number (for the anonymous export), nickname, choices and rate limit, and
     * their course kept paused between requests ({@link #course}: a step then runs one session, not
     * a replay from the start). The course is the replay of {@link #choices} on the class's plan, to
     * the last bit; it is dropped when the plan changes, the student leaves or has been idle for
     * {@link ClassRoom#IDLE_NANOS} (then rebuilt by replaying the choices when next needed), so the
     * class holds at most one course per student. Guarded by the student's own lock: students never
     * wait for each other.
     */
    static final class Student {
        final int number;
        final String nickname;
        final List<SessionChoice> choices = new ArrayList<>();
        final Bucket bucket = new Bucket(STUDENT_BURST, STUDENT_RATE);
        /** The kept course, or null (not started, dropped); its plan is {@link #coursePlan}. */
        private CourseStepper course;
        private Practice coursePlan;
        private volatile long lastSeen = System.nanoTime();
        private volatile boolean left;

        Student(int number, String nickname) {
            this.number = number;
            this.nickname = nickname;
        }

        /** Whether a course is kept for this student now (for tests of the memory bound). */
        synchronized boolean keepsCourse() {
            return course != null;
        }

        synchronized void drop() {
            course = null;
            coursePlan = null;
        }
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
    static final class Bucket {
        private final double burst;
        private final double perSecond;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double burst, double perSecond) {
            this.burst = burst;
            this.perSecond = perSecond;
            this.tokens = burst;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    ClassRoom(int maxStudents, SecureRandom random) {
        if (maxStudents < 1 || maxStudents > 1000) {
            throw new IllegalArgumentException("--max-students must be from 1 to 1000, was " + maxStudents);
        }
        this.maxStudents = maxStudents;
        this.random = random;
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            c.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        this.code = c.toString();
        this.teacherKey = token();
        setPlan(plan);
    }

    private void setPlan(Map<String, String> p) {
        try {
            Practice b = Practice.parse(p::get);
            modelCurves = null;
            base = b;
            plan = p;
        } catch (BadRequest e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Plays the plan's family through once, with its therapist's own choices, and writes each
     * state as JSON, keeping nothing: the classes and code paths a student's step uses are loaded
     * and compiled before the first student steps (the server calls it before it listens).
     */
    void warmUp() {
        Practice b = base;
        for (int round = 0; round < 20; round++) {
            CourseStepper c = b.start();
            List<SessionChoice> choices = new ArrayList<>();
            while (!c.ended()) {
                SessionChoice p = c.policyChoice();
                Practice.step(c, p, choices.size() + 1);
                choices.add(p);
                b.with(List.copyOf(choices)).state(c).toString();
            }
        }
    }

    /** Attaches the lesson the class plays together (the dashboard shows it and each student's answer). */
    void lesson(ClassLesson l) {
        lesson = l;
    }

    /** The key the teacher's address carries once, to get the teacher's cookie. */
    String teacherKey() {
        return teacherKey;
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8));
    }

    boolean isTeacher(String cookie) {
        return same(cookie, teacherKey);
    }

    /** The teacher's cookie check: 403 without it. */
    void requireTeacher(String cookie) {
        if (!isTeacher(cookie)) {
            throw new BadRequest.Status(403, "only the teacher's browser can do this (open the teacher's address"
                    + " the classroom printed at start)");
        }
    }

    /** A nickname as kept: trimmed, 1 to 24 characters, no control characters; else refused. */
    static String nickname(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() || n.codePointCount(0, n.length()) > NICKNAME_MAX) {
            throw new BadRequest("nickname: expected 1 to " + NICKNAME_MAX + " characters");
        }
        if (n.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw new BadRequest("nickname: control and formatting characters are not allowed");
        }
        return n;
    }

    /**
     * Joins a student: the code must match (checked in constant time; failures are rate-limited per
     * address), the nickname must be allowed and not taken, and the class not full.
     *
     * @return the new student's token (for the cookie)
     */
    String join(String address, String givenCode, String rawNickname) {
        Bucket failures = failedJoins.computeIfAbsent(address, a -> new Bucket(JOIN_BURST, 1 / JOIN_SECONDS));
        if (!same(givenCode == null ? null : givenCode.strip().toUpperCase(Locale.ROOT), code)) {
            if (!failures.take()) {
                throw new BadRequest.Status(429, "too many wrong codes from this address; wait a minute");
            }
            throw new BadRequest.Status(403, "code: not this class's join code");
        }
        String nick = nickname(rawNickname);
        synchronized (students) {
            if (students.size() >= maxStudents) {
                throw new BadRequest.Status(409, "the class is full (" + maxStudents + " students)");
            }
            for (Student s : students) {
                if (s.nickname.equalsIgnoreCase(nick)) {
                    throw new BadRequest.Status(409, "nickname: taken; choose another");
                }
            }
            Student s = new Student(students.size() + 1, nick);
            students.add(s);
            String token = token();
            byToken.put(token, s);
            return token;
        }
    }

    /** The cookie's student, rate-limited: 401 if none, 429 if too fast. */
    Student student(String cookie) {
        Student s = cookie == null ? null : byToken.get(cookie);
        if (s == null) {
            throw new BadRequest.Status(401, "not joined: join the class with its code first");
        }
        if (!s.bucket.take()) {
            throw new BadRequest.Status(429, "too many requests; slow down");
        }
        return s;
    }

    /**
     * The student's course on the current plan, kept or (first request, after a new plan, after
     * idling) rebuilt by replaying their choices. Call with the student's lock held.
     */
    private CourseStepper course(Student s) {
        Practice b = base;
        s.lastSeen = System.nanoTime();
        if (s.course == null || s.coursePlan != b) {
            s.coursePlan = b;
            s.course = null;
            s.course = b.with(List.copyOf(s.choices)).replay();
        }
        return s.course;
    }

    /** The student's state, as the practice screen's, with their nickname and whether the debrief is open. */
    ObjectNode me(Student s) {
        ObjectNode o;
        synchronized (s) {
            CourseStepper c = course(s);
            o = s.coursePlan.with(List.copyOf(s.choices)).state(c);
        }
        o.put("nickname", s.nickname);
        o.put("revealed", revealed);
        return o;
    }

    /** Adds a session with {@code choice} to the student's kept course (refused if it has ended). */
    ObjectNode step(Student s, SessionChoice choice) {
        ObjectNode o;
        synchronized (s) {
            CourseStepper c = course(s);
            Practice.step(c, choice, s.choices.size() + 1);
            s.choices.add(choice);
            o = s.coursePlan.with(List.copyOf(s.choices)).state(c);
        }
        o.put("nickname", s.nickname);
        o.put("revealed", revealed);
        dropIdle();
        return o;
    }

    /** Drops the kept courses of students idle for {@link #IDLE_NANOS}; their choices stay. */
    void dropIdle() {
        long now = System.nanoTime();
        for (Student x : snapshot()) {
            if (now - x.lastSeen > IDLE_NANOS) {
                x.drop();
            }
        }
    }

    /** The student leaves: their token stops working and their course is dropped; their rows stay in the export. */
    void leave(Student s, String token) {
        byToken.remove(token);
        ClassLesson l = lesson;
        if (l != null) {
            l.forget(s);
        }
        s.left = true;
        s.drop();
    }

    ObjectNode debrief(Student s) {
        if (!revealed) {
            throw new BadRequest.Status(403, "the teacher has not opened the debrief yet");
        }
        synchronized (s) {
            CourseStepper c = course(s);
            return s.coursePlan.with(List.copyOf(s.choices)).debrief(c);
        }
    }

    /** The teacher sets the family every student plays; everyone's course starts again. */
    void plan(String preset, int family) {
        if (!ScenarioLoader.isBuiltin(preset)) {
            throw new BadRequest("preset: unknown scenario '" + ClassroomSettings.clip(preset) + "'; allowed: "
                    + String.join(", ", ScenarioLoader.BUILTINS));
        }
        if (family < 0 || family >= Practice.FAMILIES) {
            throw new BadRequest("family: must be in [0, " + (Practice.FAMILIES - 1) + "], was " + family);
        }
        setPlan(Map.of("preset", preset, "family", Integer.toString(family)));
        revealed = false;
        for (Student s : snapshot()) {
            synchronized (s) {
                s.choices.clear();
                s.drop();
            }
        }
    }

    void reveal() {
        revealed = true;
    }

    /** What the dashboard and the export read of a student: their choices and course (a left student's replayed, not kept). */
    private record Seen(Student student, List<SessionChoice> choices, List<SessionRecord> sessions, CourseRecord course,
            List<CourseStepper.MemberNow> members) {}

    private Seen seen(Student s) {
        synchronized (s) {
            CourseStepper c = s.left ? base.with(List.copyOf(s.choices)).replay() : course(s);
            return new Seen(s, List.copyOf(s.choices), c.sessions(), c.course(), c.members());
        }
    }

    /** The model's therapists' retention on the plan's families, computed once per plan. */
    private List<RunUseCase.Curve> modelCurves() {
        List<RunUseCase.Curve> m = modelCurves;
        if (m == null) {
            m = base.modelCurves();
            modelCurves = m;
        }
        return m;
    }

    /** The teacher's dashboard: every student's course, the class's retention against the model's therapists. */
    ObjectNode dashboard() {
        ObjectNode out = NODES.objectNode();
        out.put("code", code);
        out.put("preset", plan.get("preset"));
        out.put("family", Integer.parseInt(plan.get("family")));
        out.put("revealed", revealed);
        out.put("max_students", maxStudents);
        ArrayNode list = out.putArray("students");
        KaplanMeier km = new KaplanMeier();
        for (Student s : snapshot()) {
            Seen v = seen(s);
            ObjectNode o = list.addObject();
            o.put("nickname", s.nickname);
            o.put("sessions", v.sessions().size());
            o.put("ended", v.course() != null ? v.course().endReason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    : s.left ? "left the class" : "");
            ArrayNode members = o.putArray("alliance");
            for (CourseStepper.MemberNow m : v.members()) {
                members.add((m.engagement() + m.connection() + m.safety()) / 3);
            }
            ClassLesson l = lesson;
            o.put("answer", l == null ? "" : l.answerOf(s));
            if (v.sessions().size() >= 1) {
                boolean dropout = v.course() != null && v.course().endReason() == EndReason.DROPOUT;
                km.add(v.sessions().size(), dropout);
            }
        }
        ClassLesson l = lesson;
        if (l != null) {
            out.set("lesson", l.forTeacher());
        }
        ArrayNode names = out.putArray("members");
        base.start().members().forEach(m -> names.add(m.role().name().toLowerCase(Locale.ROOT)
                + (m.identifiedPatient() ? " (identified patient)" : "")));
        List<RunUseCase.Curve> curves = new ArrayList<>();
        if (km.subjects() > 0) {
            curves.add(new RunUseCase.Curve("the class (this family)", km));
        }
        curves.addAll(modelCurves());
        out.put("retention_svg", SvgPresentation.of(RunUseCase.retentionSvg(
                "The class against the model's therapists", plan.get("preset") + ": the class plays family "
                        + plan.get("family") + "; the model's therapists, " + Practice.FAMILIES + " families", curves,
                "class")));
        return out;
    }

    private List<Student> snapshot() {
        synchronized (students) {
            return List.copyOf(students);
        }
    }

    /** The class's anonymous results: one row per session played, students by number, no nickname. */
    String csv() {
        StringBuilder sb = new StringBuilder("student,session,challenge,focus,support,repair_attempted,ruptures,"
                + "repairs,family_alliance,came_back,ending\n");
        for (Student s : snapshot()) {
            Seen v = seen(s);
            List<SessionRecord> sessions = v.sessions();
            for (int i = 0; i < sessions.size(); i++) {
                SessionRecord r = sessions.get(i);
                SessionChoice ch = v.choices().get(i);
                long ruptures = r.members().stream().filter(m -> m.rupture()).count();
                long repairs = r.members().stream().filter(m -> m.repaired()).count();
                double alliance = r.members().stream().mapToDouble(m -> m.alliance()).average().orElse(Double.NaN);
                boolean last = i == sessions.size() - 1 && v.course() != null;
                sb.append(s.number).append(',').append(r.session()).append(',').append(ch.challenge()).append(',')
                        .append(ch.focus()).append(',').append(ch.support()).append(',').append(ch.attemptRepair())
                        .append(',').append(ruptures).append(',').append(repairs).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", alliance)).append(',').append(!last).append(',')
                        .append(last ? v.course().endReason().name().toLowerCase(Locale.ROOT) : "").append('\n');
            }
        }
        return sb.toString();
    }
}
