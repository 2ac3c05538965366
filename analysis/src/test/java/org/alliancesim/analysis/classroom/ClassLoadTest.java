package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Load, not a timed test (tagged "load", run by benchmarks/scripts/class-load.sh): 60 students
 * join a class over loopback and step at once, 8 rounds (480 steps); prints the step's response
 * time (median, 95th percentile, maximum), also for the first round and the rest apart. Before the
 * steps each student's page loads its state once, all at once, as practice.js does after joining
 * (timed and printed apart). It fails only if a step is not answered 200 (or, for a family that has
 * left, 400 "the course ended"); the time is a figure for docs/performance.md.
 */
@Tag("load")
class ClassLoadTest {

    static final int STUDENTS = 60;
    static final int ROUNDS = 8;

    @Test
    void sixtyStudentsStepAtOnce() throws Exception {
        ClassRoom room = new ClassRoom(STUDENTS, new SecureRandom());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        try (ClassroomServer server = ClassroomServer.startClass("127.0.0.1", 0, null, room)) {
            String base = "http://127.0.0.1:" + server.port();
            List<String> cookies = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/class/join"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("code", room.code, "nickname", "s" + i)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                String set = r.headers().firstValue("Set-Cookie").orElseThrow();
                cookies.add(set.substring(0, set.indexOf(';')));
            }
            // Each student's page loads their state once after joining (practice.js), all 60 at once:
            // timed apart from the steps (it opens the browsers' connections).
            List<Double> loads = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                long t0 = System.nanoTime();
                pages.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/class/me"))
                        .header("Cookie", cookies.get(i)).timeout(Duration.ofSeconds(120)).build(),
                        HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> loads.add((System.nanoTime() - t0) / 1e6)));
            }
            for (CompletableFuture<HttpResponse<String>> f : pages) {
                assertEquals(200, f.get().statusCode(), f.get().body());
            }
            List<Double> sortedLoads = new ArrayList<>(loads);
            Collections.sort(sortedLoads);
            System.out.printf(Locale.ROOT, "class load: %d page loads at once after joining: median %.0f ms, p95 %.0f ms,"
                    + " max %.0f ms%n", STUDENTS, quantile(sortedLoads, 0.5), quantile(sortedLoads, 0.95),
                    sortedLoads.get(sortedLoads.size() - 1));
            List<Double> millis = Collections.synchronizedList(new ArrayList<>());
            // the steps that ran a session (200), apart from those answered 'the course ended'
            List<Double> played = Collections.synchronizedList(new ArrayList<>());
            List<Double> firstRound = new ArrayList<>();
            int ended = 0;
            long wall = System.nanoTime();
            for (int round = 0; round < ROUNDS; round++) {
                List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < STUDENTS; i++) {
                    String body = "{\"challenge\": " + (0.2 + 0.02 * i) + ", \"focus\": -1, \"support\": 0.8, \"repair\": true}";
                    long t0 = System.nanoTime();
                    all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/class/step"))
                            .header("Content-Type", "application/json").header("Cookie", cookies.get(i))
                            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString())
                            .whenComplete((r, e) -> {
                                double ms = (System.nanoTime() - t0) / 1e6;
                                millis.add(ms);
                                if (r != null && r.statusCode() == 200) {
                                    played.add(ms);
                                }
                            }));
                }
                if (round == 0) {
                    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).handle((x, e) -> null).get();
                    firstRound.addAll(millis);
                }
                for (CompletableFuture<HttpResponse<String>> f : all) {
                    HttpResponse<String> r = f.get();
                    if (r.statusCode() == 400 && r.body().contains("the course ended")) {
                        ended++;
                    } else {
                        assertEquals(200, r.statusCode(), r.body());
                    }
                }
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "class load: %d students x %d rounds = %d steps (%d after the family had left)"
                    + " in %.1f s; step response median %.0f ms, p95 %.0f ms, max %.0f ms%n", STUDENTS, ROUNDS,
                    sorted.size(), ended, seconds, quantile(sorted, 0.5), quantile(sorted, 0.95), sorted.get(sorted.size() - 1));
            Collections.sort(firstRound);
            List<Double> later = new ArrayList<>(millis.subList(firstRound.size(), millis.size()));
            Collections.sort(later);
            System.out.printf(Locale.ROOT, "class load: first round median %.0f ms, p95 %.0f ms; rounds 2-%d median %.0f ms,"
                    + " p95 %.0f ms%n", quantile(firstRound, 0.5), quantile(firstRound, 0.95), ROUNDS,
                    quantile(later, 0.5), quantile(later, 0.95));
            List<Double> ran = new ArrayList<>(played);
            Collections.sort(ran);
            System.out.printf(Locale.ROOT, "class load: the %d steps that ran a session: median %.0f ms, p95 %.0f ms, max %.0f ms%n",
                    ran.size(), quantile(ran, 0.5), quantile(ran, 0.95), ran.get(ran.size() - 1));
        }
    }

    /** The q-quantile of sorted values (nearest rank). */
    static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
