package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.scenario.LessonSpec;
import org.alliancesim.scenario.LessonSpecs;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Lessons: the shipped ones load and say what the model does (each multiple-choice answer is
 * checked against runs of the two steps it compares, bigger than the page's quick runs), and a
 * bad lesson file is refused with every problem located.
 */
class LessonsTest {

    /** A step's dropout share, from runs of 2000 families x 10 replications with the preset's seed (standard error about 0.003). */
    private static double dropout(LessonSpec.Step s) throws Exception {
        Map<String, String> q = new HashMap<>();
        q.put("preset", s.preset());
        s.settings().forEach((k, v) -> q.put(k, String.valueOf(v)));
        ClassroomSettings settings = ClassroomSettings.parse(q::get, "");
        Scenario sc = ScenarioLoader.load(s.preset());
        var m = settings.apply(sc.model());
        m = m.withRun(new org.alliancesim.model.RunSpec(m.run().mode(), 2000, m.run().horizonDays(), m.run().sessionLimit()));
        return Experiment.run(ExperimentPlan.builder(m, sc.seed()).replications(10).threads(2).build()).summaries().get(Metric.DROPOUT_SHARE).mean();
    }

    /**
     * The shipped answers, as relations between the dropout of a step and the step it is compared
     * with: "much higher" at least +0.10, "higher" / "lower" / "falls" at least 0.03 in that
     * direction, "about the same" / "a little different at most" within 0.05.
     */
    @Test
    void theShippedAnswersAreTheModels() throws Exception {
        record Claim(String lesson, int step, int versus, double low, double high) {}
        List<Claim> claims = List.of(
                new Claim("trust-and-productive-discomfort", 1, 0, 0.10, 1),
                new Claim("trust-and-productive-discomfort", 2, 1, -1, -0.03),
                new Claim("split-alliance-identified-patient", 1, 0, -0.05, 0.05),
                new Claim("rupture-and-repair", 1, 0, 0.03, 1),
                new Claim("rupture-and-repair", 2, 1, -1, -0.03));
        int choiceSteps = 0;
        for (String name : Lessons.BUILTINS) {
            for (LessonSpec.Step s : Lessons.builtin(name).steps()) {
                choiceSteps += s.kind() == LessonSpec.Kind.CHOICE ? 1 : 0;
            }
        }
        assertEquals(claims.size(), choiceSteps, "every multiple-choice step has its claim checked");
        for (Claim c : claims) {
            List<LessonSpec.Step> steps = Lessons.builtin(c.lesson()).steps();
            assertEquals(LessonSpec.Kind.CHOICE, steps.get(c.step()).kind());
            double diff = dropout(steps.get(c.step())) - dropout(steps.get(c.versus()));
            System.out.printf("lesson %s step %d vs %d: dropout difference %.3f%n", c.lesson(), c.step() + 1,
                    c.versus() + 1, diff);
            assertTrue(diff >= c.low() && diff <= c.high(), c + ": difference " + diff);
        }
    }

    @Test
    void theShippedLessonsRenderWithTheirNotes() {
        Lessons l = Lessons.of(null);
        assertEquals(3, l.list().size());
        for (String name : Lessons.BUILTINS) {
            JsonNode j = l.json(name);
            assertTrue(j.get("teacher").get("aims_html").asText().startsWith("<p>"), name);
            assertTrue(j.get("teacher").get("misconceptions_html").size() >= 3, name);
            assertTrue(j.get("teacher").get("questions_html").size() >= 3, name);
            assertTrue(!j.get("teacher").get("timing_html").asText().isEmpty(), name);
            assertTrue(j.get("steps").size() >= 3, name);
        }
        // Markdown: emphasis becomes markup; raw HTML is shown as text, never as markup.
        assertEquals("<p>a <strong>b</strong></p>\n", Lessons.html("a **b**"));
        assertEquals("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n", Lessons.html("<img src=x onerror=alert(1)>"));
        assertTrue(!Lessons.html("[x](javascript:alert(1))").contains("javascript:"));
    }

    private static String problems(String text) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> LessonSpecs.parse("bad.yaml", text, Lessons::checkSetting, Lessons.metricKeys()));
        return e.getMessage();
    }

    @Test
    void aBadLessonIsRefusedWithEveryProblemLocated() {
        String text = """
                title: A bad lesson
                teacher: {aims: "x"}
                steps:
                  - title: one
                    preset: fragile-alliance
                    settings: {warmth: 1.5, speed: 3}
                    question: How many?
                    metric: dropouts
                  - title: two
                    preset: default
                    question: Which?
                    choices: [a, b]
                    answer: 2
                  - title: three
                    colour: red
                """;
        String m = problems(text);
        List<String> lines = m.lines().toList();
        assertTrue(lines.contains("bad.yaml:5:13: steps[0].preset: unknown scenario 'fragile-alliance'; did you mean"
                + " 'fragile-alliance-same-challenge'?; allowed: " + String.join(", ", ScenarioLoader.BUILTINS))
                || lines.stream().anyMatch(x -> x.startsWith("bad.yaml:5:13: steps[0].preset: unknown scenario 'fragile-alliance'")),
                m);
        assertTrue(lines.stream().anyMatch(x -> x.startsWith("bad.yaml:6:") && x.contains("steps[0].settings.warmth: must be in [0, 1], was 1.5")), m);
        assertTrue(lines.stream().anyMatch(x -> x.startsWith("bad.yaml:6:") && x.contains("steps[0].settings.speed: unknown control 'speed'")), m);
        assertTrue(lines.stream().anyMatch(x -> x.startsWith("bad.yaml:8:") && x.contains("steps[0].metric: unknown headline number 'dropouts'")), m);
        assertTrue(lines.stream().anyMatch(x -> x.contains("steps[1].answer") && x.contains("0 to 1")), m);
        assertTrue(lines.stream().anyMatch(x -> x.startsWith("bad.yaml:15:") && x.contains("unknown field 'colour'")), m);
    }

    @Test
    void aQuestionWithoutAPresetOrChoicesIsRefused() {
        String m = problems("""
                title: t
                teacher: {aims: "x"}
                steps:
                  - {title: one, question: "How many?", choices: [a, b], answer: 0}
                """);
        assertTrue(m.contains("steps[0]") && m.contains("preset"), m);
        String none = problems("title: t\nteacher: {aims: x}\nsteps: []\n");
        assertTrue(none.contains("steps") && none.contains("at least one step"), none);
    }
}
