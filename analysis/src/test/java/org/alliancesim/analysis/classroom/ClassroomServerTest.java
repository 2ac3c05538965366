package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classroom server's API over loopback: answers, refusals, and a concurrent load. */
class ClassroomServerTest {

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

    @Test
    void servesThePageAndItsAssetsWithoutExternalReferences() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/app.js\">"));
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"), "no external assets");
        assertEquals(200, get("/app.js").statusCode());
        assertEquals(200, get("/style.css").statusCode());
        assertTrue(!get("/app.js").body().contains("http"), "the script fetches only from this server");
    }

    @Test
    void listsThePresets() throws Exception {
        JsonNode p = JSON.readTree(get("/api/presets").body());
        assertEquals("default", p.get(0).get("name").asText());
        assertEquals(11, p.size());
    }

    @Test
    void quickRunReturnsHeadlineNumbersAndCharts() throws Exception {
        HttpResponse<String> r = get("/api/run?preset=involuntary-referral&warmth=0.8&challenge=1.0&policy=fixed"
                + "&conflict=0.7&involuntary=0.5&observed=true&prepared=false&experience=novice&families=200&reps=3");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode b = JSON.readTree(r.body());
        double dropout = b.at("/headline/dropout_share/mean").asDouble();
        assertTrue(dropout > 0 && dropout < 1);
        assertTrue(b.get("retention_svg").asText().startsWith("<svg"));
        assertTrue(b.get("alliance_svg").asText().contains("adolescent"), "alliance by role");
    }

    @Test
    void compareModeRunsThePreviousSettingOnTheSameFamilies() throws Exception {
        JsonNode b = JSON.readTree(get("/api/run?preset=default&repair=0.95&families=200&reps=3&compare=true"
                + "&ghost.preset=default&ghost.repair=0.05&ghost.families=200&ghost.reps=3").body());
        assertTrue(b.has("ghost_headline"));
        assertTrue(b.at("/ghost_headline/dropout_share/mean").asDouble() > b.at("/headline/dropout_share/mean").asDouble(),
                "poor repair loses more families than skilled repair");
        assertTrue(b.get("retention_svg").asText().contains("previous setting"));
    }

    @Test
    void storyAndItsChart() throws Exception {
        JsonNode s = JSON.readTree(get("/api/story?preset=default&family=5").body());
        assertTrue(s.get("header").asText().startsWith("Family 5"));
        assertTrue(s.get("sessions").size() >= 1);
        assertTrue(s.get("ending").asText().length() > 10);
        HttpResponse<String> chart = get("/api/story/chart?preset=default&family=5&upto=2");
        assertEquals(200, chart.statusCode());
        assertTrue(chart.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(chart.body().contains("<svg"));
    }

    @Test
    void badAndHostileRequestsGetA400WithAMessage() throws Exception {
        String[][] cases = {
            {"/api/run?warmth=7", "warmth: must be in [0, 1], was 7"},
            {"/api/run?warmth=warm", "warmth: expected a number"},
            {"/api/run?policy=shout", "policy: found 'shout'; allowed: fixed, escalating, responsive"},
            {"/api/run?reps=1000", "reps: must be in [2, 20]"},
            {"/api/run?families=2000&reps=20", "would run too long"},
            {"/api/run?preset=nope", "preset: unknown scenario 'nope'"},
            {"/api/run?observed=maybe", "observed: expected true or false"},
            {"/api/story?family=-1", "family: must be in"},
            {"/api/story/chart?family=0&upto=x", "upto: expected a whole number"},
            {"/api/run?compare=true&ghost.conflict=3", "ghost.conflict: must be in [0, 1]"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(400, r.statusCode(), c[0] + " -> " + r.body());
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains(c[1]), c[0] + " -> " + r.body());
        }
        assertEquals(404, get("/secret.txt").statusCode());
        assertEquals(400, rawStatus("GET /../../etc/passwd HTTP/1.1"), "a path climbing out with '..'");
        assertEquals(400, rawStatus("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1"), "encoded '..'");
        assertEquals(400, get("/api/run?preset=..%2F..%2Fetc%2Fpasswd").statusCode(), "'..' as a preset");
    }

    /** Sends a raw request line (the HTTP client would normalise the path) and returns the status. */
    private static int rawStatus(String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /**
     * Load: 200 requests from 20 concurrent clients (small runs, as a class would send them) are all
     * answered within 2 minutes, none with a server error.
     */
    @Test
    void twoHundredRequestsFromTwentyClientsAreAllAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i;
                answers.add(clients.submit(() -> get("/api/run?preset=default&families=100&reps=2&warmth="
                        + (k % 10) / 10.0).statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get(120, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("200 requests from 20 clients answered in %.1f s%n", seconds);
        assertTrue(seconds < 120, "took " + seconds + " s");
    }
}
