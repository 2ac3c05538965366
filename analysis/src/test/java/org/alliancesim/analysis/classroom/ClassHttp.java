package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** A class server per test and the requests its pages make, for the class-mode tests over HTTP. */
abstract class ClassHttp {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    ClassroomServer server;
    ClassRoom room;
    String base;

    void start(String host, int max) {
        room = new ClassRoom(max, new SecureRandom());
        server = ClassroomServer.startClass(host, 0, null, room);
        base = "http://" + host + ":" + server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookie, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Joins; returns the cookie to send back ("name=value"). */
    String join(String nickname) throws Exception {
        HttpResponse<String> r = post("/api/class/join", null, "application/json",
                JSON.writeValueAsString(Map.of("code", room.code, "nickname", nickname)));
        assertEquals(200, r.statusCode(), r.body());
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    String teacher() throws Exception {
        HttpResponse<String> r = get("/api/class/teacher?key=" + room.teacherKey(), null);
        assertEquals(303, r.statusCode(), r.body());
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    HttpResponse<String> step(String cookie, double challenge) throws Exception {
        return post("/api/class/step", cookie, "application/json",
                "{\"challenge\": " + challenge + ", \"focus\": -1, \"support\": 0.7, \"repair\": true}");
    }
}
