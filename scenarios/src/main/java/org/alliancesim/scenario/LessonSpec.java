package org.alliancesim.scenario;

import java.util.List;
import java.util.Map;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A classroom lesson (docs/classroom.md, "Lessons"): steps a teacher runs with a class, each
 * setting a preset and the page's controls, asking a prediction, running, revealing and explaining.
 * Texts are Markdown.
 *
 * @param title the lesson's title
 * @param summary what the lesson is about, for the class (Markdown)
 * @param teacher notes for the teacher only
 * @param steps the steps, in order
 */
public record LessonSpec(
        @Doc("the lesson's title") String title,
        @Doc("what the lesson is about, for the class (Markdown)") String summary,
        @Doc("notes for the teacher") TeacherNotes teacher,
        @Doc("the steps, in order") List<Step> steps) {

    /** Validates the lesson. */
    public LessonSpec {
        if (title == null || title.isBlank()) {
            throw new ParameterException("title", null, "a title");
        }
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new ParameterException("steps", "an empty list", "a list of at least one step");
        }
    }

    /**
     * The teacher's notes (Markdown).
     *
     * @param aims what students should take away
     * @param timing how long, step by step
     * @param misconceptions what students commonly believe beforehand
     * @param questions questions to ask the class
     */
    public record TeacherNotes(
            @Doc("what students should take away") String aims,
            @Doc("how long, step by step") String timing,
            @Doc("common misconceptions") List<String> misconceptions,
            @Doc("questions to ask the class") List<String> questions) {

        /** Copies the lists. */
        public TeacherNotes {
            misconceptions = List.copyOf(misconceptions);
            questions = List.copyOf(questions);
        }
    }

    /** What a step asks the class to predict. */
    public enum Kind {
        /** No prediction. */
        NONE,
        /** Pick one of the {@code choices}; the lesson gives the answer. */
        CHOICE,
        /** A number: the run's value of {@code metric} is the answer. */
        NUMBER
    }

    /**
     * One step.
     *
     * @param title the step's title
     * @param text what the class reads first (Markdown)
     * @param preset the built-in scenario the step runs; empty: the step runs nothing
     * @param settings the classroom page's controls (warmth, challenge, policy, ...), each with its value
     * @param question the prediction asked before the run (Markdown); empty: none
     * @param kind none, choice or number
     * @param choices the answers to choose from (kind choice)
     * @param answer the right choice, from 0 (kind choice)
     * @param metric the headline number to predict (kind number)
     * @param explain what the reveal explains (Markdown)
     */
    public record Step(
            @Doc("the step's title") String title,
            @Doc("what the class reads first (Markdown)") String text,
            @Doc("the built-in scenario the step runs; empty: none") String preset,
            @Doc("the classroom page's controls, each with its value") Map<String, Object> settings,
            @Doc("the prediction asked before the run; empty: none") String question,
            @Doc("none, choice or number") Kind kind,
            @Doc("the answers to choose from (kind choice)") List<String> choices,
            @Doc("the right choice, from 0 (kind choice)") int answer,
            @Doc("the headline number to predict (kind number)") String metric,
            @Doc("what the reveal explains (Markdown)") String explain) {

        /** Validates the step on its own (presets, settings and metrics are checked by {@link LessonSpecs}). */
        public Step {
            if (title == null || title.isBlank()) {
                throw new ParameterException("title", null, "a title");
            }
            settings = Map.copyOf(settings);
            choices = List.copyOf(choices);
            boolean asks = !question.isBlank();
            if (asks != (kind != Kind.NONE)) {
                throw new ParameterException("kind", kind.name().toLowerCase(java.util.Locale.ROOT),
                        asks ? "choice or number when a question is asked" : "none when no question is asked");
            }
            if (kind == Kind.CHOICE && choices.size() < 2) {
                throw new ParameterException("choices", choices.size() + " choices", "a list of at least 2 choices");
            }
            if (kind == Kind.CHOICE && (answer < 0 || answer >= choices.size())) {
                throw new ParameterException("answer", Integer.toString(answer),
                        "the number of the right choice, 0 to " + (choices.size() - 1));
            }
            if (kind == Kind.NUMBER && metric.isBlank()) {
                throw new ParameterException("metric", null, "the headline number to predict");
            }
            if (kind != Kind.NONE && preset.isBlank()) {
                throw new ParameterException("preset", null, "a scenario to run, since the step asks a prediction");
            }
        }
    }
}
