package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.scenario.LessonSpec;
import org.alliancesim.scenario.LessonSpecs;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.ScenarioException;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The classroom's lessons (docs/classroom.md, "Lessons"): the three built in, and one given with
 * {@code classroom --lesson FILE}; each validated like a scenario, with located errors. Their
 * Markdown becomes HTML on the server, raw HTML in the file escaped and unsafe links removed
 * (commonmark-java), so a lesson can add no script or style to the page.
 */
public final class Lessons {

    /** The built-in lessons, in teaching order. */
    public static final List<String> BUILTINS = List.of("trust-and-productive-discomfort",
            "split-alliance-identified-patient", "rupture-and-repair");
    /** The controls a step may set: the classroom page's. */
    static final List<String> CONTROLS = List.of("warmth", "challenge", "policy", "repair", "balance", "experience",
            "conflict", "involuntary", "observed", "prepared");
    /** The headline numbers a step may ask to predict. */
    static final List<String> METRICS = RunUseCase.HEADLINE;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final Map<String, LessonSpec> lessons;

    private Lessons(Map<String, LessonSpec> lessons) {
        this.lessons = lessons;
    }

    /** The built-in lessons, and {@code extra} (may be null) under its file name. */
    static Lessons of(Map.Entry<String, LessonSpec> extra) {
        Map<String, LessonSpec> m = new LinkedHashMap<>();
        for (String name : BUILTINS) {
            m.put(name, builtin(name));
        }
        if (extra != null) {
            m.put(extra.getKey(), extra.getValue());
        }
        return new Lessons(m);
    }

    /** A built-in lesson. */
    static LessonSpec builtin(String name) {
        String file = "/org/alliancesim/classroom/lessons/" + name + ".yaml";
        try (InputStream in = Lessons.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("lesson missing from the jar: " + name);
            }
            return LessonSpecs.parse(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Lessons::checkSetting, metricKeys());
        } catch (IOException | ScenarioException e) {
            throw new IllegalStateException("built-in lesson " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates a lesson file.
     *
     * @throws ScenarioException listing every problem with file, line, column and field
     */
    public static LessonSpec load(Path file) throws ScenarioException {
        return LessonSpecs.load(file, Lessons::checkSetting, metricKeys());
    }

    /** The lesson's name as the page lists it: the file's name without {@code .yaml}. */
    public static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.replaceFirst("\\.(yaml|yml|json)$", "");
    }

    static Set<String> metricKeys() {
        Set<String> out = new java.util.TreeSet<>();
        out.addAll(METRICS);
        return out;
    }

    /** Null if the page's control {@code key} takes {@code value}; else what it takes. */
    static String checkSetting(String key, Object value) {
        if (!CONTROLS.contains(key)) {
            return "unknown control '" + Problem.shown(key) + "'; allowed: " + String.join(", ", CONTROLS);
        }
        if (value instanceof List<?>) {
            return "expected a single value, found a list";
        }
        String v = String.valueOf(value);
        try {
            ClassroomSettings.parse(k -> k.equals(key) ? v : null, "");
            return null;
        } catch (BadRequest e) {
            String m = e.getMessage();
            return m.startsWith(key + ": ") ? m.substring(key.length() + 2) : m;
        }
    }

    /** The names and titles, in order. */
    ArrayNode list() {
        ArrayNode out = NODES.arrayNode();
        lessons.forEach((name, l) -> out.addObject().put("name", name).put("title", l.title()));
        return out;
    }

    /** Whether there is a lesson of this name. */
    boolean has(String name) {
        return lessons.containsKey(name);
    }

    List<String> names() {
        return List.copyOf(lessons.keySet());
    }

    LessonSpec get(String name) {
        return lessons.get(name);
    }

    /** A lesson for the page, its Markdown as HTML and each step's settings as the run's query. */
    ObjectNode json(String name) {
        LessonSpec l = lessons.get(name);
        ObjectNode out = NODES.objectNode();
        out.put("name", name);
        out.put("title", l.title());
        out.put("summary_html", html(l.summary()));
        ObjectNode t = out.putObject("teacher");
        t.put("aims_html", html(l.teacher().aims()));
        t.put("timing_html", html(l.teacher().timing()));
        ArrayNode mis = t.putArray("misconceptions_html");
        l.teacher().misconceptions().forEach(m -> mis.add(html(m)));
        ArrayNode qs = t.putArray("questions_html");
        l.teacher().questions().forEach(q -> qs.add(html(q)));
        ArrayNode steps = out.putArray("steps");
        for (LessonSpec.Step s : l.steps()) {
            ObjectNode o = steps.addObject();
            o.put("title", s.title());
            o.put("text_html", html(s.text()));
            o.put("preset", s.preset());
            ObjectNode settings = o.putObject("settings");
            new TreeMap<>(s.settings()).forEach((k, v) -> settings.put(k, String.valueOf(v)));
            o.put("question_html", html(s.question()));
            o.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode choices = o.putArray("choices");
            s.choices().forEach(choices::add);
            o.put("answer", s.answer());
            o.put("metric", s.metric());
            if (s.metric() != null && METRICS.contains(s.metric())) {
                o.put("metric_label", RunUseCase.metricLabel(s.metric()));
            }
            o.put("explain_html", html(s.explain()));
        }
        return out;
    }

    /** Markdown as HTML: raw HTML escaped, unsafe link targets dropped. */
    static String html(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : HTML.render(MARKDOWN.parse(markdown));
    }
}
