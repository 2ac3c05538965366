package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentPlan;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
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

    /**
     * The numbers are the library's for the same settings and seed: the expected model is built
     * through the scenario loader's typed overrides (as {@code --set} would), not through
     * ClassroomSettings, so a setting the page maps to the wrong field, or a wrong seed or count,
     * shows here.
     */
    @Test
    void quickRunReturnsTheLibrarysNumbersForTheSameSettingsAndSeed() throws Exception {
        HttpResponse<String> r = get("/api/run?preset=involuntary-referral&warmth=0.8&challenge=1.0&policy=fixed"
                + "&repair=0.3&balance=0.6&conflict=0.7&observed=true&prepared=false&experience=novice"
                + "&families=200&reps=3");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode b = JSON.readTree(r.body());
        List<String> overrides = new ArrayList<>(List.of("run.families=200", "setting.reflecting_team=true",
                "setting.one_way_mirror=true", "setting.cameras=true"));
        for (int t = 0; t < 2; t++) {
            for (String field : List.of("warmth=0.8", "empathy=0.8", "genuineness=0.8", "challenge=1.0", "policy=fixed",
                    "repair_skill=0.3", "balance=0.6", "experience=novice")) {
                overrides.add("therapists." + t + "." + field);
            }
            overrides.add("families." + t + ".conflict=0.7");
        }
        Scenario expected = ScenarioLoader.load("involuntary-referral", overrides);
        Map<Metric, MetricSummary> want = Experiment.run(ExperimentPlan.builder(expected.model(), expected.seed()).replications(3).threads(1).build()).summaries();
        int compared = 0;
        for (Metric m : List.of(Metric.DROPOUT_SHARE, Metric.EARLY_DROPOUT_SHARE, Metric.MEDIAN_SESSIONS,
                Metric.COMPLETION_SHARE, Metric.MEAN_IMPROVEMENT, Metric.ALLIANCE_SESSION_3)) {
            JsonNode got = b.path("headline").path(m.key());
            MetricSummary w = want.get(m);
            boolean share = m.key().endsWith("share");
            assertEquals(w.mean(), got.get("mean").asDouble(), 0.0, m.key());
            assertEquals(share ? Math.max(0, w.lower()) : w.lower(), got.get("low").asDouble(), 0.0, m.key());
            assertEquals(share ? Math.min(1, w.upper()) : w.upper(), got.get("high").asDouble(), 0.0, m.key());
            compared++;
        }
        assertEquals(6, compared);
        assertTrue(want.get(Metric.DROPOUT_SHARE).mean() > 0 && want.get(Metric.DROPOUT_SHARE).mean() < 1);
        assertEquals(200, b.get("families").asInt());
        assertEquals(3, b.get("reps").asInt());
        String retention = b.get("retention_svg").asText();
        assertTrue(retention.startsWith("<svg")
                && retention.contains("involuntary-referral: 3 replications x 200 families"),
                "retention chart with its subtitle");
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

    /**
     * Family 5 of the default preset (400 families, its own seed) is told as the library tells it:
     * one entry per session attended, the same members, the same ending; its chart has a series
     * per member, and stepping ({@code upto}) changes it.
     */
    @Test
    void storyAndItsChartAreTheLibrarysForTheSameFamily() throws Exception {
        Scenario d = ScenarioLoader.load("default", List.of("run.families=400"));
        Story expected = Story.of("default", d.model(), d.seed(), 5);
        int n = expected.sessions().size();
        assertTrue(n >= 2, "family 5 attends at least 2 sessions, so stepping shows something: " + n);

        HttpResponse<String> r = get("/api/story?preset=default&family=5");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = JSON.readTree(r.body());
        assertTrue(s.get("header").asText().startsWith("Family 5 of scenario 'default'"), s.get("header").asText());
        assertEquals(n, s.get("sessions").size(), "one entry per session attended");
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, s.get("sessions").get(i).get("session").asInt());
            assertTrue(s.get("sessions").get(i).get("text").asText().startsWith("Session "
                    + expected.sessions().get(i).session() + " (day"));
        }
        String[] paragraphs = expected.text().strip().split("\n\n");
        assertEquals(paragraphs[paragraphs.length - 1], s.get("ending").asText());
        List<String> members = new ArrayList<>();
        s.get("members").forEach(m -> members.add(m.asText()));
        assertEquals(expected.memberNames(), members);

        HttpResponse<String> chart = get("/api/story/chart?preset=default&family=5&upto=2");
        assertEquals(200, chart.statusCode());
        assertTrue(chart.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(chart.body().startsWith("<svg"));
        for (String member : members) {
            assertTrue(chart.body().contains(">" + member + "</text>"), "a series for " + member);
        }
        assertTrue(!chart.body().equals(get("/api/story/chart?preset=default&family=5&upto=0").body()),
                "stepping back to session 0 draws less");
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
            // Whole numbers are refused when not whole (200.9 used to run as 200), naming the range.
            {"/api/run?families=200.9", "families: expected a whole number in [20, 2000], found '200.9'"},
            {"/api/run?reps=2.5", "reps: expected a whole number in [2, 20], found '2.5'"},
            {"/api/run?families=2e2", "families: expected a whole number in [20, 2000]"},
            {"/api/run?families=99999999999", "families: expected a whole number in [20, 2000]"},
            {"/api/run?compare=true&ghost.families=300.5", "ghost.families: expected a whole number in [20, 2000]"},
            {"/api/story?family=1.5", "family: expected a whole number in [0, 399], found '1.5'"},
            {"/api/story?families=100&family=100", "family: must be in [0, 99], was 100"},
            {"/api/story/chart?family=0&upto=2.0", "upto: expected a whole number in [0, 20], found '2.0'"},
            {"/api/story/chart?family=0&upto=-1", "upto: must be in [0, 20], was -1"},
            // Booleans are exactly true or false, for every flag alike (compare=yes used to run without compare).
            {"/api/run?compare=yes", "compare: expected true or false, found 'yes'"},
            {"/api/run?compare=TRUE", "compare: expected true or false, found 'TRUE'"},
            {"/api/run?compare=1", "compare: expected true or false, found '1'"},
            {"/api/run?observed=TRUE", "observed: expected true or false, found 'TRUE'"},
            // A parameter given twice is refused, not first-wins (the invalid later value used to be ignored).
            {"/api/run?warmth=0.5&warmth=9", "warmth: given 2 times; give each parameter once"},
            {"/api/run?compare=true&compare=banana", "compare: given 2 times"},
            // Numbers are plain decimal, as everywhere (Numbers): no leading zero, hex float or NaN.
            {"/api/run?families=050", "families: expected a whole number in [20, 2000], found '050'"},
            {"/api/run?warmth=0x1p-1", "warmth: expected a number, found '0x1p-1'"},
            {"/api/run?warmth=NaN", "warmth: expected a number, found 'NaN'"},
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
        return raw(server.port(), requestLine, "127.0.0.1:" + server.port()).status();
    }

    /** A response read off the socket: status, headers (names in lower case), body. */
    record Raw(int status, Map<String, String> headers, String body) {}

    /**
     * Sends {@code requestLine} with the given {@code Host} header ({@code null}: none, and HTTP/1.0
     * allows that) and reads the whole response. The JDK's HTTP client cannot set Host.
     */
    static Raw raw(int port, String requestLine, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            String head = requestLine + "\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, split).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].substring(9, 12)), headers, all.substring(split + 4));
        }
    }

    /**
     * Every kind of response (page, script, style, JSON, SVG, 304, 400 from the page, 400 from Jetty
     * itself, 404, 421) carries the security headers; API answers and errors are never stored by a
     * cache, the page's files are revalidated.
     */
    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        int port = server.port();
        String host = "127.0.0.1:" + port;
        Map<String, Raw> answers = new java.util.LinkedHashMap<>();
        for (String path : List.of("/", "/app.js", "/style.css", "/api/presets", "/api/run?families=100&reps=2",
                "/api/story/chart?family=1&upto=1", "/api/run?warmth=7", "/secret.txt")) {
            answers.put(path, raw(port, "GET " + path + " HTTP/1.1", host));
        }
        answers.put("jetty's own 400", raw(port, "GET /../../etc/passwd HTTP/1.1", host));
        answers.put("another Host", raw(port, "GET / HTTP/1.1", "evil.example:" + port));
        String etag = answers.get("/app.js").headers().get("etag");
        assertTrue(etag != null && etag.startsWith("\""), "the script has an ETag: " + etag);
        answers.put("304", raw(port, "GET /app.js HTTP/1.1\r\nIf-None-Match: " + etag, host));
        assertEquals(304, answers.get("304").status());
        assertEquals(400, answers.get("jetty's own 400").status());
        assertTrue(JSON.readTree(answers.get("jetty's own 400").body()).has("error"), "Jetty's refusals are JSON too");
        for (Map.Entry<String, Raw> e : answers.entrySet()) {
            Map<String, String> h = e.getValue().headers();
            String what = e.getKey() + " -> " + e.getValue().status() + " " + h;
            assertEquals("nosniff", h.get("x-content-type-options"), what);
            assertEquals(Gatekeeper.CONTENT_SECURITY_POLICY, h.get("content-security-policy"), what);
            assertEquals("DENY", h.get("x-frame-options"), what);
            assertEquals("no-referrer", h.get("referrer-policy"), what);
            boolean pageFile = List.of("/", "/app.js", "/style.css", "304").contains(e.getKey());
            assertEquals(pageFile ? "no-cache" : "no-store", h.get("cache-control"), what);
        }
        String csp = Gatekeeper.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'")
                && !csp.contains("unsafe"), csp);
        // The one source beyond 'self': blob: images, for drawing a chart's PNG from its SVG on the page.
        assertTrue(csp.contains("img-src 'self' blob:;") && csp.indexOf("blob:") == csp.lastIndexOf("blob:")
                && !csp.contains("data:") && !csp.contains("*"), csp);
    }

    /**
     * DNS rebinding: a hostile page whose name resolves to 127.0.0.1 reaches the server, but its
     * requests carry its own name as Host. Only this server's names, with its port, are answered.
     */
    @Test
    void hostHeadersThatDoNotNameThisServerAreRefused() throws Exception {
        int port = server.port();
        for (String ok : List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "[::1]:" + port)) {
            assertEquals(200, raw(port, "GET /api/presets HTTP/1.1", ok).status(), ok);
        }
        for (String bad : List.of("evil.example:" + port, "127.0.0.1.evil.example:" + port, "127.0.0.1:" + (port + 1),
                "localhost", "127.0.0.2:" + port, "[::2]:" + port)) {
            Raw r = raw(port, "GET /api/presets HTTP/1.1", bad);
            assertEquals(421, r.status(), bad + " -> " + r.body());
            String error = JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.contains("answers only to 127.0.0.1:" + port) && error.contains("localhost:" + port),
                    error);
            assertTrue(!r.body().contains("\"name\""), "no preset list for " + bad);
        }
        // A Host that is not even a host name is refused by Jetty before the check, also as JSON.
        Raw malformed = raw(port, "GET /api/presets HTTP/1.1", "localhost:" + port + "x");
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(JSON.readTree(malformed.body()).has("error"));
        Raw none = raw(port, "GET /api/presets HTTP/1.0", null);
        assertEquals(421, none.status(), none.body());
        assertTrue(JSON.readTree(none.body()).get("error").asText().contains("no Host header"), none.body());
    }

    /**
     * An internal error (here provoked by a route that throws, added through the test seam) answers
     * 500 with an id and a generic message; the exception's text goes only to the server's log,
     * under the same id. Before, the body was "internal error: " + the exception.
     */
    @Test
    void internalErrorsAnswerWithAnIdAndNoExceptionText() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ClassroomServer failing = ClassroomServer.start("127.0.0.1", 0, routes -> routes
                .get("/api/fail", ctx -> {
                    throw new IllegalStateException("secret-detail /home/teacher/notes.txt");
                })
                .get("/api/fail-arg", ctx -> {
                    throw new IllegalArgumentException("secret-detail from deep inside");
                })
                .get("/api/fail-error", ctx -> {
                    throw new AssertionError("secret-detail of an Error");
                }))) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            List<String> ids = new ArrayList<>();
            for (String path : List.of("/api/fail", "/api/fail-arg", "/api/fail-error")) {
                Raw r = raw(failing.port(), "GET " + path + " HTTP/1.1", "127.0.0.1:" + failing.port());
                assertEquals(500, r.status(), path + " -> " + r.body());
                assertEquals("application/json", r.headers().get("content-type"), path);
                assertEquals("nosniff", r.headers().get("x-content-type-options"), path);
                JsonNode b = JSON.readTree(r.body());
                String id = b.get("error_id").asText();
                assertTrue(b.get("error").asText().contains(id), r.body());
                for (String leak : List.of("secret-detail", "Exception", "Error:", "notes.txt", "at org.", "at io.")) {
                    assertTrue(!r.body().contains(leak), path + " leaks '" + leak + "': " + r.body());
                }
                ids.add(id);
            }
            assertEquals(3, ids.stream().distinct().count(), "each error has its own id: " + ids);
            String logged = log.toString(StandardCharsets.UTF_8);
            for (String id : ids) {
                assertTrue(logged.contains("classroom internal error " + id), "logged under its id: " + logged);
            }
            assertTrue(logged.contains("secret-detail /home/teacher/notes.txt"), "the log has the details");
        } finally {
            System.setErr(stderr);
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
