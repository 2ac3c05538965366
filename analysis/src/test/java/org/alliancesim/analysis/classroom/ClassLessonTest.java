package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A class plays a lesson together, over HTTP (the requests the pages make): only the teacher's
 * cookie starts, moves, reveals or ends the lesson; a student answers for themselves only, only
 * the current step, only before the reveal, and with a value the step allows; before the reveal a
 * student's view holds neither the answer, nor the explanation, nor anyone else's answer; the
 * dashboard shows each student's answer and the class's distribution.
 */
class ClassLessonTest extends ClassHttp {

    HttpResponse<String> answer(String cookie, String body) throws Exception {
        return post("/api/class/answer", cookie, "application/json", body);
    }

    JsonNode lessonOf(String cookie) throws Exception {
        HttpResponse<String> r = get("/api/class/lesson", cookie);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void onlyTheTeacherMovesTheLesson() throws Exception {
        start("127.0.0.1", 60);
        String ann = join("ann");
        assertFalse(lessonOf(ann).get("running").asBoolean(), "no lesson before the teacher starts one");
        assertEquals(409, answer(ann, "{\"choice\": 0}").statusCode(), "nothing to answer yet");
        String lesson = "{\"lesson\": \"rupture-and-repair\"}";
        for (String path : List.of("/api/class/lesson/start", "/api/class/lesson/step", "/api/class/lesson/reveal",
                "/api/class/lesson/stop")) {
            assertEquals(403, post(path, ann, "application/json", lesson).statusCode(), path + " with a student's cookie");
            assertEquals(403, post(path, null, "application/json", lesson).statusCode(), path + " with no cookie");
        }
        assertFalse(lessonOf(ann).get("running").asBoolean(), "the students' attempts changed nothing");
        String t = teacher();
        assertEquals(400, post("/api/class/lesson/start", t, "application/json", "{\"lesson\": \"../etc\"}").statusCode());
        assertEquals(200, post("/api/class/lesson/start", t, "application/json", lesson).statusCode());
        assertEquals(1, lessonOf(ann).get("step").asInt());
        assertEquals(400, post("/api/class/lesson/step", t, "application/json", "{\"step\": 4}").statusCode(),
                "the lesson has three steps");
        assertEquals(200, post("/api/class/lesson/step", t, "application/json", "{\"step\": 2}").statusCode());
        assertEquals(2, lessonOf(ann).get("step").asInt());
        assertEquals(415, post("/api/class/lesson/step", t, "text/plain", "{\"step\": 1}").statusCode(),
                "a cross-site form cannot move the lesson");
        assertEquals(200, post("/api/class/lesson/stop", t, "application/json", "{}").statusCode());
        assertFalse(lessonOf(ann).get("running").asBoolean());
    }

    @Test
    void studentsAnswerForThemselvesAndSeeTheAnswerOnlyAfterTheReveal() throws Exception {
        start("127.0.0.1", 60);
        String ann = join("ann");
        String bob = join("bob");
        String t = teacher();
        post("/api/class/lesson/start", t, "application/json", "{\"lesson\": \"rupture-and-repair\"}");
        // Step 1 asks a number (dropout, in %); choices are refused, and numbers out of range.
        assertEquals(400, answer(ann, "{\"choice\": 1}").statusCode());
        assertEquals(400, answer(ann, "{\"number\": 1e9}").statusCode());
        assertEquals(400, answer(ann, "{\"number\": \"lots\"}").statusCode());
        assertEquals(200, answer(ann, "{\"number\": 35}").statusCode());
        assertEquals(200, answer(ann, "{\"number\": 40}").statusCode(), "a later answer replaces the first");
        assertEquals(200, answer(bob, "{\"number\": 20}").statusCode());
        // Step 2, a choice: before the reveal no answer, explanation or other student's answer reaches a student.
        post("/api/class/lesson/step", t, "application/json", "{\"step\": 2}");
        assertEquals(400, answer(ann, "{\"choice\": 3}").statusCode(), "three choices: 0 to 2");
        assertEquals(200, answer(ann, "{\"choice\": 0}").statusCode());
        assertEquals(200, answer(bob, "{\"choice\": 2}").statusCode());
        JsonNode a = lessonOf(ann);
        assertEquals(0, a.get("mine").asInt());
        assertFalse(a.has("answer") || a.has("explain_html") || a.has("distribution") || a.has("headline"), a.toString());
        assertFalse(a.toString().contains("bob"));
        JsonNode d = JSON.readTree(get("/api/class/dashboard", t).body());
        assertEquals(List.of("ann", "bob"), List.of(d.get("students").get(0).get("nickname").asText(),
                d.get("students").get(1).get("nickname").asText()));
        assertEquals("higher", d.get("students").get(0).get("answer").asText());
        assertEquals("lower", d.get("students").get(1).get("answer").asText());
        assertEquals("[1,0,1]", d.get("lesson").get("distribution").get("counts").toString());
        assertEquals(2, d.get("lesson").get("answered").asInt());
        assertEquals(200, post("/api/class/lesson/reveal", t, "application/json", "{}").statusCode());
        JsonNode b = lessonOf(bob);
        assertTrue(b.get("revealed").asBoolean());
        assertEquals(0, b.get("answer").asInt(), "the lesson's answer: higher");
        assertEquals("[1,0,1]", b.get("distribution").get("counts").toString());
        assertTrue(b.get("explain_html").asText().contains("unrepaired rupture"), b.get("explain_html").asText());
        assertTrue(b.get("headline").has("dropout_share") && b.get("retention_svg").asText().startsWith("<svg"));
        assertEquals(409, answer(bob, "{\"choice\": 0}").statusCode(), "no answering after the reveal");
        assertEquals(2, lessonOf(bob).get("mine").asInt(), "bob's answer stands");
        // A student who leaves takes their answer with them.
        assertEquals(200, post("/api/class/leave", ann, "application/json", "{}").statusCode());
        assertEquals(401, get("/api/class/lesson", ann).statusCode());
        assertEquals("[0,0,1]", JSON.readTree(get("/api/class/dashboard", t).body()).get("lesson").get("distribution")
                .get("counts").toString());
    }
}
