package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.RunMode;
import org.alliancesim.model.RunSpec;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Be the therapist" over HTTP: the practice API's course is the model's (compared with a normal
 * run's story of the same family, built without the practice code), bad choices are refused with
 * the session and field named, and the debrief's "same family" rows are normal runs too.
 */
class PracticeTest {

    static ClassroomServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = ClassroomServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The preset's model as the practice screen runs it: a cohort of 200 (built here, not by Practice). */
    static ModelParameters cohort(String preset) throws Exception {
        ModelParameters m = ScenarioLoader.load(preset).model();
        return m.withRun(new RunSpec(RunMode.COHORT, 200, m.run().horizonDays(), m.run().sessionLimit()));
    }

    @Test
    void playingThePolicysChoicesGivesTheNormalRunsCourse() throws Exception {
        for (String preset : List.of("fragile-alliance-same-challenge", "split-alliance-identified-patient")) {
            for (int family : new int[] {0, 7, 31}) {
                List<String> choices = new ArrayList<>();
                JsonNode s;
                while (true) {
                    HttpResponse<String> r = get("/api/practice?preset=" + preset + "&family=" + family
                            + (choices.isEmpty() ? "" : "&choices=" + enc(String.join(";", choices))));
                    assertEquals(200, r.statusCode(), r.body());
                    s = JSON.readTree(r.body());
                    if (s.has("ended")) {
                        break;
                    }
                    JsonNode p = s.get("next").get("policy");
                    choices.add(p.get("challenge").asText() + "," + p.get("focus").asInt() + ","
                            + p.get("support").asText() + "," + (p.get("repair").asBoolean() ? 1 : 0));
                }
                Scenario sc = ScenarioLoader.load(preset);
                Story want = Story.of(preset, cohort(preset), sc.seed(), family);
                assertEquals(want.sessions().size(), s.get("sessions").size(), preset + " family " + family);
                for (int i = 0; i < want.sessions().size(); i++) {
                    SessionRecord w = want.sessions().get(i);
                    JsonNode g = s.get("sessions").get(i);
                    assertEquals(w.challenge(), g.get("challenge").asDouble(), 0.0);
                    assertEquals(w.support(), g.get("support").asDouble(), 0.0);
                    for (int m = 0; m < w.members().size(); m++) {
                        assertEquals(w.members().get(m).safety(), g.get("members").get(m).get("safety").asDouble(), 0.0);
                        assertEquals(w.members().get(m).discomfort(),
                                g.get("members").get(m).get("discomfort").asDouble(), 0.0);
                        assertEquals(w.members().get(m).rupture(), g.get("members").get(m).get("rupture").asBoolean());
                    }
                }
                assertEquals(want.course().endReason().name().toLowerCase(), s.get("ended").get("reason").asText());
                assertEquals(want.memberNames().get(0), s.get("family_info").get("members").get(0).get("name").asText());
            }
        }
    }

    @Test
    void aStudentsChoiceChangesTheCourseAndIsShown() throws Exception {
        JsonNode calm = JSON.readTree(get("/api/practice?preset=fragile-alliance-same-challenge&choices="
                + enc("0.1,-1,0.9,1")).body());
        JsonNode harsh = JSON.readTree(get("/api/practice?preset=fragile-alliance-same-challenge&choices="
                + enc("2,0,0.1,0")).body());
        assertEquals(0.1, calm.get("sessions").get(0).get("challenge").asDouble(), 0.0);
        assertEquals(2.0, harsh.get("sessions").get(0).get("challenge").asDouble(), 0.0);
        assertEquals(0, harsh.get("sessions").get(0).get("focus").asInt());
        double calmDiscomfort = calm.get("sessions").get(0).get("members").get(0).get("discomfort").asDouble();
        double harshDiscomfort = harsh.get("sessions").get(0).get("members").get(0).get("discomfort").asDouble();
        assertTrue(harshDiscomfort > calmDiscomfort + 1, calmDiscomfort + " vs " + harshDiscomfort);
        for (JsonNode m : harsh.get("sessions").get(0).get("members")) {
            assertTrue(!m.get("repaired").asBoolean(), "repair declined");
        }
    }

    @Test
    void refusesBadChoicesNamingTheSessionAndField() throws Exception {
        String[][] cases = {
            {"0.5,-1,0.7,1;0.5,-1,1.5,1", "choices: session 2: support: must be in [0.0, 1.0], was 1.5"},
            {"0.5,-1,0.7", "choices: session 1: expected challenge,focus,support,repair, found '0.5,-1,0.7'"},
            {"abc,-1,0.7,1", "choices: session 1: challenge: expected a number in [0.0, 2.0], found 'abc'"},
            {"0.5,-1,0.7,yes", "choices: session 1: repair: expected 1 or 0, found 'yes'"},
            {"0.5,6,0.7,1", "choices: session 1: focus: expected a member number 0..2 or -1 (none), found 6"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get("/api/practice?preset=fragile-alliance-same-challenge&choices=" + enc(c[0]));
            assertEquals(400, r.statusCode(), c[0]);
            assertEquals(c[1], JSON.readTree(r.body()).get("error").asText());
        }
        HttpResponse<String> family = get("/api/practice?family=200");
        assertEquals(400, family.statusCode());
        assertEquals("family: must be in [0, 199], was 200", JSON.readTree(family.body()).get("error").asText());
        // More sessions than the course has: the course ended first.
        String many = String.join(";", java.util.Collections.nCopies(20, "2,-1,0,0"));
        HttpResponse<String> over = get("/api/practice?preset=fragile-alliance-same-challenge&choices=" + enc(many));
        assertEquals(400, over.statusCode());
        assertTrue(JSON.readTree(over.body()).get("error").asText().contains("but the course ended after"), over.body());
    }

    @Test
    void theDebriefTellsTheCourseAndShowsTheSameFamilyUnderTheModelsTherapists() throws Exception {
        String preset = "fragile-alliance-same-challenge";
        HttpResponse<String> r = get("/api/practice/debrief?preset=" + preset + "&family=3&choices="
                + enc("1.5,-1,0.5,1"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode d = JSON.readTree(r.body());
        JsonNode rows = d.get("same_family");
        assertEquals(1 + Practice.calibrated().size(), rows.size());
        assertEquals("you", rows.get(0).get("therapist").asText());
        Scenario sc = ScenarioLoader.load(preset);
        for (int i = 0; i < Practice.calibrated().size(); i++) {
            ModelParameters m = cohort(preset).withTherapists(List.of(Practice.calibrated().get(i)));
            Story want = Story.of(preset, m, sc.seed(), 3);
            assertEquals(want.course().sessionsAttended(), rows.get(i + 1).get("sessions").asInt());
            assertEquals(want.course().ruptures(), rows.get(i + 1).get("ruptures").asInt());
        }
        String svg = d.get("retention_svg").asText();
        assertTrue(svg.startsWith("<svg") && svg.contains("your choices as a policy") && svg.contains("experienced therapist"),
                "retention chart with the student's curve and the model's");
    }
}
