package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.stats.KaplanMeier;
import org.alliancesim.model.CourseStepper;
import org.alliancesim.model.SessionChoice;
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
    private volatile Map<String, String> plan = Map.of("preset", "fragile-alliance-same-challenge", "family", "0");
    private volatile boolean revealed;

    /** One student: their number (for the anonymous export), nickname, choices and rate limit. */
    static final class Student {
        final int number;
        final String nickname;
        final List<SessionChoice> choices = new ArrayList<>();
        final Bucket bucket = new Bucket(STUDENT_BURST, STUDENT_RATE);

        Student(int number, String nickname) {
            this.number = number;
            this.nickname = nickname;
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

    /** The plan's parameters as the practice API reads them, with this student's choices. */
    Practice practice(Student s) throws Exception {
        Map<String, String> q = new HashMap<>(plan);
        synchronized (s) {
            if (!s.choices.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (SessionChoice c : s.choices) {
                    parts.add(c.challenge() + "," + c.focus() + "," + c.support() + "," + (c.attemptRepair() ? 1 : 0));
                }
                q.put("choices", String.join(";", parts));
            }
        }
        return Practice.parse(q::get);
    }

    /** The student's state, as the practice screen's, with their nickname and whether the debrief is open. */
    ObjectNode me(Student s) throws Exception {
        ObjectNode o = practice(s).state();
        o.put("nickname", s.nickname);
        o.put("revealed", revealed);
        return o;
    }

    /** Adds a session with {@code choice} to the student's course (refused if it has ended). */
    ObjectNode step(Student s, SessionChoice choice) throws Exception {
        synchronized (s) {
            s.choices.add(choice);
            try {
                practice(s).replay();
            } catch (RuntimeException e) {
                s.choices.remove(s.choices.size() - 1);
                throw e;
            }
        }
        return me(s);
    }

    ObjectNode debrief(Student s) throws Exception {
        if (!revealed) {
            throw new BadRequest.Status(403, "the teacher has not opened the debrief yet");
        }
        return practice(s).debrief();
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
        plan = Map.of("preset", preset, "family", Integer.toString(family));
        revealed = false;
        synchronized (students) {
            for (Student s : students) {
                synchronized (s) {
                    s.choices.clear();
                }
            }
        }
    }

    void reveal() {
        revealed = true;
    }

    /** The teacher's dashboard: every student's course, the class's retention against the model's therapists. */
    ObjectNode dashboard() throws Exception {
        ObjectNode out = NODES.objectNode();
        out.put("code", code);
        out.put("preset", plan.get("preset"));
        out.put("family", Integer.parseInt(plan.get("family")));
        out.put("revealed", revealed);
        out.put("max_students", maxStudents);
        ArrayNode list = out.putArray("students");
        KaplanMeier km = new KaplanMeier();
        Practice base = Practice.parse(plan::get);
        for (Student s : snapshot()) {
            Practice p = practice(s);
            CourseStepper c = p.replay();
            ObjectNode o = list.addObject();
            o.put("nickname", s.nickname);
            o.put("sessions", c.sessions().size());
            o.put("ended", c.ended() ? c.course().endReason().name().toLowerCase(Locale.ROOT).replace('_', ' ') : "");
            ArrayNode members = o.putArray("alliance");
            for (CourseStepper.MemberNow m : c.members()) {
                members.add((m.engagement() + m.connection() + m.safety()) / 3);
            }
            if (c.sessions().size() >= 1) {
                boolean dropout = c.ended() && c.course().endReason() == org.alliancesim.model.EndReason.DROPOUT;
                km.add(c.sessions().size(), dropout);
            }
        }
        ArrayNode names = out.putArray("members");
        base.replay().members().forEach(m -> names.add(m.role().name().toLowerCase(Locale.ROOT)
                + (m.identifiedPatient() ? " (identified patient)" : "")));
        List<Charts.Curve> curves = new ArrayList<>();
        if (km.subjects() > 0) {
            curves.add(new Charts.Curve("the class (this family)", km));
        }
        curves.addAll(base.modelCurves());
        out.put("retention_svg", SvgPresentation.of(ChartFiles.svgElement(Charts.retention(
                "The class against the model's therapists", plan.get("preset") + ": the class plays family "
                        + plan.get("family") + "; the model's therapists, " + Practice.FAMILIES + " families", curves),
                "class")));
        return out;
    }

    private List<Student> snapshot() {
        synchronized (students) {
            return List.copyOf(students);
        }
    }

    /** The class's anonymous results: one row per session played, students by number, no nickname. */
    String csv() throws Exception {
        StringBuilder sb = new StringBuilder("student,session,challenge,focus,support,repair_attempted,ruptures,"
                + "repairs,family_alliance,came_back,ending\n");
        for (Student s : snapshot()) {
            Practice p = practice(s);
            CourseStepper c = p.replay();
            var sessions = c.sessions();
            for (int i = 0; i < sessions.size(); i++) {
                var r = sessions.get(i);
                SessionChoice ch = p.choices.get(i);
                long ruptures = r.members().stream().filter(m -> m.rupture()).count();
                long repairs = r.members().stream().filter(m -> m.repaired()).count();
                double alliance = r.members().stream().mapToDouble(m -> m.alliance()).average().orElse(Double.NaN);
                boolean last = i == sessions.size() - 1 && c.ended();
                sb.append(s.number).append(',').append(r.session()).append(',').append(ch.challenge()).append(',')
                        .append(ch.focus()).append(',').append(ch.support()).append(',').append(ch.attemptRepair())
                        .append(',').append(ruptures).append(',').append(repairs).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", alliance)).append(',').append(!last).append(',')
                        .append(last ? c.course().endReason().name().toLowerCase(Locale.ROOT) : "").append('\n');
            }
        }
        return sb.toString();
    }
}
