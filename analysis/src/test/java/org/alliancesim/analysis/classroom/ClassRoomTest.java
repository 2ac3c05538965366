package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Class mode over HTTP, one test per point of the "safe on a classroom network": the join
 * code, the per-student HttpOnly SameSite=Strict cookie, each student reading only their own
 * course and changing nothing of the class, nicknames kept as given (and out of the export), rate
 * limits, the maximum of participants, JSON-only posts, and the Host check on the bound address.
 */
class ClassRoomTest extends ClassHttp {

    @Test
    void joiningNeedsTheCode() throws Exception {
        start("127.0.0.1", 60);
        for (String code : new String[] {"WRONG1", ""}) {
            HttpResponse<String> r = post("/api/class/join", null, "application/json",
                    JSON.writeValueAsString(Map.of("code", code, "nickname", "ann")));
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        }
        assertEquals(401, get("/api/class/me", null).statusCode(), "no cookie, no course");
        assertEquals(401, get("/api/class/me", "alliancesim_student=forged").statusCode(), "a made-up token");
        // The code is case-insensitive for students typing it.
        HttpResponse<String> r = post("/api/class/join", null, "application/json",
                JSON.writeValueAsString(Map.of("code", room.code.toLowerCase(), "nickname", "ann")));
        assertEquals(200, r.statusCode());
    }

    @Test
    void theTokenIsAnHttpOnlySameSiteStrictCookie() throws Exception {
        start("127.0.0.1", 60);
        HttpResponse<String> r = post("/api/class/join", null, "application/json",
                JSON.writeValueAsString(Map.of("code", room.code, "nickname", "ann")));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(set.matches("alliancesim_student=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), set);
        assertTrue(!r.body().contains(set.substring(20, 63)), "the token is not in the body, where a script could read it");
        String t = get("/api/class/teacher?key=" + room.teacherKey(), null).headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(t.endsWith("; Path=/; HttpOnly; SameSite=Strict"), t);
        assertEquals(403, get("/api/class/teacher?key=nope", null).statusCode());
    }

    @Test
    void aStudentReadsOnlyTheirOwnCourseAndChangesNothingOfTheClass() throws Exception {
        start("127.0.0.1", 60);
        String ann = join("ann");
        String bob = join("bob");
        assertEquals(200, step(ann, 0.3).statusCode());
        assertEquals(200, step(bob, 1.7).statusCode());
        JsonNode a = JSON.readTree(get("/api/class/me", ann).body());
        JsonNode b = JSON.readTree(get("/api/class/me", bob).body());
        assertEquals("ann", a.get("nickname").asText());
        assertEquals(0.3, a.get("sessions").get(0).get("challenge").asDouble(), 0.0);
        assertEquals(1.7, b.get("sessions").get(0).get("challenge").asDouble(), 0.0);
        assertTrue(!a.toString().contains("bob") && !b.toString().contains("ann"), "no other student in a student's answer");
        // Nothing of the teacher's with a student's cookie.
        for (String path : List.of("/api/class/dashboard", "/api/class/export.csv")) {
            assertEquals(403, get(path, ann).statusCode(), path);
        }
        assertEquals(403, post("/api/class/plan", ann, "application/json", "{\"preset\": \"default\", \"family\": 3}").statusCode());
        assertEquals(403, post("/api/class/reveal", ann, "application/json", "{}").statusCode());
        assertEquals(403, get("/api/class/debrief", ann).statusCode(), "not before the teacher reveals");
        JsonNode d = JSON.readTree(get("/api/class/dashboard", teacher()).body());
        assertEquals("fragile-alliance-same-challenge", d.get("preset").asText(), "the plan is unchanged");
        assertEquals(2, d.get("students").size());
        assertEquals(1, d.get("students").get(0).get("sessions").asInt());
        // The teacher reveals: now the debrief opens for the student.
        assertEquals(200, post("/api/class/reveal", teacher(), "application/json", "{}").statusCode());
        assertEquals(200, get("/api/class/debrief", ann).statusCode());
    }

    @Test
    void aHostileNicknameIsKeptAsTextAndLeftOutOfTheExport() throws Exception {
        start("127.0.0.1", 60);
        String evil = "<img src=x onerror=alert(1)>";
        String c = join(evil);
        assertEquals(200, step(c, 0.5).statusCode());
        String t = teacher();
        JsonNode d = JSON.readTree(get("/api/class/dashboard", t).body());
        assertEquals(evil, d.get("students").get(0).get("nickname").asText(), "as given; the page writes it as text");
        HttpResponse<String> csv = get("/api/class/export.csv", t);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(!csv.body().contains("img") && csv.body().lines().count() == 2, csv.body());
        assertTrue(csv.body().lines().skip(1).findFirst().orElseThrow().startsWith("1,1,0.5,-1,0.7,true,"), csv.body());
        // Control characters and over-long nicknames are refused.
        for (String bad : new String[] {"a\u0007b", "x".repeat(33), "  ", "a\u202eb"}) {
            HttpResponse<String> r = post("/api/class/join", null, "application/json",
                    JSON.writeValueAsString(Map.of("code", room.code, "nickname", bad)));
            assertEquals(400, r.statusCode(), bad);
        }
        assertEquals(409, post("/api/class/join", null, "application/json",
                JSON.writeValueAsString(Map.of("code", room.code, "nickname", evil.toUpperCase()))).statusCode(),
                "a nickname taken (any case)");
    }

    @Test
    void requestsAreRateLimitedPerStudentAndWrongCodesPerAddress() throws Exception {
        start("127.0.0.1", 60);
        String ann = join("ann");
        String bob = join("bob");
        // 30 at once: the bucket holds 10 (refilled at 3 a second), so most of them are refused.
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/class/me")).header("Cookie", ann)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> codes = new ArrayList<>();
        for (var f : burst) {
            codes.add(f.get().statusCode());
        }
        long refused = codes.stream().filter(x -> x == 429).count();
        assertTrue(refused >= 10, "a burst of 30 is limited: " + codes);
        assertTrue(codes.stream().filter(x -> x == 200).count() >= 10, "the first ten pass: " + codes);
        assertEquals(200, get("/api/class/me", bob).statusCode(), "another student is not limited by ann");
        int tooMany = 0;
        for (int i = 0; i < 15; i++) {
            int s = post("/api/class/join", null, "application/json", "{\"code\": \"XXXXXX\", \"nickname\": \"eve\"}")
                    .statusCode();
            tooMany += s == 429 ? 1 : 0;
        }
        assertTrue(tooMany >= 4, "wrong codes from one address are limited after 10: " + tooMany);
    }

    @Test
    void atMostTheMaximumJoin() throws Exception {
        start("127.0.0.1", 3);
        join("a");
        join("b");
        join("c");
        HttpResponse<String> r = post("/api/class/join", null, "application/json",
                JSON.writeValueAsString(Map.of("code", room.code, "nickname", "d")));
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("full (3 students)"), r.body());
        assertEquals(ClassRoom.DEFAULT_MAX, 60);
    }

    @Test
    void postsMustBeJsonSoACrossSiteFormCannotSendThem() throws Exception {
        start("127.0.0.1", 60);
        String ann = join("ann");
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}) {
            assertEquals(415, post("/api/class/step", ann, type, "{\"challenge\": 1}").statusCode(), type);
        }
        HttpResponse<String> bad = post("/api/class/step", ann, "application/json",
                "{\"challenge\": 3, \"focus\": -1, \"support\": 0.7, \"repair\": true}");
        assertEquals(400, bad.statusCode());
        assertEquals("choices: session 1: challenge: must be in [0.0, 2.0], was 3", JSON.readTree(bad.body()).get("error").asText());
    }

    /** Bound to another address (127.0.0.2, on loopback): its own name is answered, another is not. */
    @Test
    void theHostCheckCoversTheBoundAddress() throws Exception {
        start("127.0.0.2", 60);
        assertEquals(200, get("/", null).statusCode(), "Host 127.0.0.2");
        HttpResponse<String> other;
        try (java.net.Socket s = new java.net.Socket("127.0.0.2", server.port())) {
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: evil.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 421"), head.lines().findFirst().orElse(""));
        }
    }
}
