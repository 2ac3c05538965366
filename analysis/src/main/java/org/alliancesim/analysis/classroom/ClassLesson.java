package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancesim.scenario.LessonSpec;

/**
 * A lesson the class plays together (docs/classroom.md, "A class plays a lesson"): the teacher
 * starts a lesson and moves it step by step; each student sees the step on their own screen and
 * answers its prediction; the teacher sees how the class answered, then reveals the model's run
 * and the explanation to everyone.
 *
 * <p>Only the teacher's requests change the lesson (the server checks the teacher's cookie before
 * calling {@link #start}, {@link #go} or {@link #reveal}); a student can only set their own answer
 * to the current step, and only before the reveal. What a student sees of a step before the reveal
 * leaves out its answer and explanation. One lock guards the lesson; steps and answers are rare
 * (a student answers once or twice a step), so it is never a queue.
 */
final class ClassLesson {

    /** A number prediction's range: wide enough for any headline figure (shares are given in %). */
    static final double NUMBER_MIN = -1000;
    static final double NUMBER_MAX = 1000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Runs a step's preset and settings (the classroom page's quick run). */
    interface Runner {
        ObjectNode run(ClassroomSettings settings) throws Exception;
    }

    private final Lessons lessons;
    private final Runner runner;
    private String name;
    private int step;
    private boolean revealed;
    /** The model's answer to the current step once revealed: the quick run's headline and retention chart. */
    private ObjectNode result;
    /** Each student's answer to the current step: a choice's number, or the number guessed. */
    private final Map<ClassRoom.Student, Double> answers = new HashMap<>();
    /** Counts every change, so a screen that polls can tell something moved. */
    private long version;

    ClassLesson(Lessons lessons, Runner runner) {
        this.lessons = lessons;
        this.runner = runner;
    }

    /** The teacher starts lesson {@code lessonName} at its first step. */
    synchronized void start(String lessonName) {
        if (lessonName == null || !lessons.has(lessonName)) {
            throw new BadRequest("lesson: unknown lesson '" + ClassroomSettings.clip(String.valueOf(lessonName))
                    + "'; allowed: " + String.join(", ", lessons.names()));
        }
        name = lessonName;
        moveTo(0);
    }

    /** The teacher moves the lesson to step {@code number} (from 1). */
    synchronized void go(int number) {
        requireLesson();
        int steps = lessons.get(name).steps().size();
        if (number < 1 || number > steps) {
            throw new BadRequest("step: must be in [1, " + steps + "], was " + number);
        }
        moveTo(number - 1);
    }

    /** The teacher ends the lesson; the students' screens go back to the practice alone. */
    synchronized void stop() {
        name = null;
        moveTo(0);
    }

    private void moveTo(int index) {
        step = index;
        revealed = false;
        result = null;
        answers.clear();
        version++;
    }

    private void requireLesson() {
        if (name == null) {
            throw new BadRequest.Status(409, "no lesson is running; the teacher starts one");
        }
    }

    /** The teacher reveals the current step to everyone: its run (if it has one), answer and explanation. */
    void reveal() throws Exception {
        LessonSpec.Step s;
        synchronized (this) {
            requireLesson();
            s = lessons.get(name).steps().get(step);
        }
        // The run happens outside the lock: students keep answering (and reading) while it runs.
        ObjectNode run = s.preset() == null || s.preset().isBlank() ? null : runner.run(settings(s));
        synchronized (this) {
            if (lessons.get(name).steps().get(step) == s) {
                result = run;
                revealed = true;
                version++;
            }
        }
    }

    private static ClassroomSettings settings(LessonSpec.Step s) {
        Map<String, String> q = new HashMap<>();
        q.put("preset", s.preset());
        s.settings().forEach((k, v) -> q.put(k, String.valueOf(v)));
        return ClassroomSettings.parse(q::get, "");
    }

    /**
     * A student's answer to the current step: {@code choice} (from 0) for a multiple-choice step,
     * {@code number} for a number; refused when no lesson runs, after the reveal, or for a step
     * that asks nothing. A later answer replaces an earlier one.
     */
    synchronized void answer(ClassRoom.Student s, Integer choice, Double number) {
        requireLesson();
        LessonSpec.Step st = lessons.get(name).steps().get(step);
        if (revealed) {
            throw new BadRequest.Status(409, "this step has been revealed; wait for the next one");
        }
        switch (st.kind()) {
            case CHOICE -> {
                if (choice == null || choice < 0 || choice >= st.choices().size()) {
                    throw new BadRequest("choice: expected a whole number from 0 to " + (st.choices().size() - 1));
                }
                answers.put(s, (double) choice);
            }
            case NUMBER -> {
                if (number == null || !(number >= NUMBER_MIN && number <= NUMBER_MAX)) {
                    throw new BadRequest("number: expected a number from " + (int) NUMBER_MIN + " to " + (int) NUMBER_MAX);
                }
                answers.put(s, number);
            }
            default -> throw new BadRequest("this step asks no prediction");
        }
        version++;
    }

    /** A student leaves: their answer goes. */
    synchronized void forget(ClassRoom.Student s) {
        if (answers.remove(s) != null) {
            version++;
        }
    }

    /** What a student's screen shows: the step, their own answer; after the reveal the answer, explanation, the class's answers. */
    synchronized ObjectNode forStudent(ClassRoom.Student s) {
        ObjectNode out = head();
        if (name == null) {
            return out;
        }
        Double mine = answers.get(s);
        if (mine == null) {
            out.putNull("mine");
        } else {
            out.put("mine", mine);
        }
        if (revealed) {
            revealedPart(out);
        }
        return out;
    }

    /** What the teacher's dashboard shows: the step with its answer, how the class answered, each student's answer. */
    synchronized ObjectNode forTeacher() {
        ObjectNode out = head();
        if (name == null) {
            return out;
        }
        LessonSpec.Step st = lessons.get(name).steps().get(step);
        out.put("answer", st.answer());
        revealedPart(out);
        return out;
    }

    /** The answer of {@code s} to the current step as the dashboard's table shows it; empty if none. */
    synchronized String answerOf(ClassRoom.Student s) {
        Double a = name == null ? null : answers.get(s);
        if (a == null) {
            return "";
        }
        LessonSpec.Step st = lessons.get(name).steps().get(step);
        return st.kind() == LessonSpec.Kind.CHOICE ? st.choices().get(a.intValue()) : number(a);
    }

    /** The version, whether a lesson runs, and if one does its current step as everyone may see it. */
    private ObjectNode head() {
        ObjectNode out = NODES.objectNode();
        out.put("version", version);
        out.put("running", name != null);
        if (name != null) {
            step(out);
        }
        return out;
    }

    private void step(ObjectNode out) {
        LessonSpec l = lessons.get(name);
        LessonSpec.Step st = l.steps().get(step);
        out.put("lesson", name);
        out.put("title", l.title());
        out.put("step", step + 1);
        out.put("steps", l.steps().size());
        out.put("revealed", revealed);
        ObjectNode o = out.putObject("current");
        o.put("title", st.title());
        o.put("text_html", Lessons.html(st.text()));
        o.put("preset", st.preset());
        ObjectNode settings = o.putObject("settings");
        new java.util.TreeMap<>(st.settings()).forEach((k, v) -> settings.put(k, String.valueOf(v)));
        o.put("question_html", Lessons.html(st.question()));
        o.put("kind", st.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode choices = o.putArray("choices");
        st.choices().forEach(choices::add);
        o.put("metric", st.metric());
        if (st.metric() != null && Lessons.METRICS.contains(st.metric())) {
            o.put("metric_label", org.alliancesim.analysis.usecase.RunUseCase.metricLabel(st.metric()));
        }
        out.put("answered", answers.size());
    }

    /** How the class answered (counts per choice; for numbers, their quartiles), and after the reveal the answer. */
    private void revealedPart(ObjectNode out) {
        LessonSpec.Step st = lessons.get(name).steps().get(step);
        ObjectNode dist = out.putObject("distribution");
        dist.put("answers", answers.size());
        if (st.kind() == LessonSpec.Kind.CHOICE) {
            int[] counts = new int[st.choices().size()];
            answers.values().forEach(a -> counts[a.intValue()]++);
            ArrayNode c = dist.putArray("counts");
            for (int k : counts) {
                c.add(k);
            }
        } else if (st.kind() == LessonSpec.Kind.NUMBER && !answers.isEmpty()) {
            List<Double> v = new ArrayList<>(answers.values());
            Collections.sort(v);
            dist.put("lowest", v.get(0));
            dist.put("lower_quartile", quantile(v, 0.25));
            dist.put("median", quantile(v, 0.5));
            dist.put("upper_quartile", quantile(v, 0.75));
            dist.put("highest", v.get(v.size() - 1));
        }
        if (!revealed) {
            return;
        }
        if (st.kind() == LessonSpec.Kind.CHOICE) {
            out.put("answer", st.answer());
        }
        out.put("explain_html", Lessons.html(st.explain()));
        if (result != null) {
            out.set("headline", result.get("headline"));
            out.set("retention_svg", result.get("retention_svg"));
        }
    }

    /** The q-quantile of sorted values (nearest rank). */
    private static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
