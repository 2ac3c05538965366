package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareUseCase;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.analysis.usecase.StoryRequest;
import org.alliancesim.analysis.usecase.StoryUseCase;
import org.alliancesim.scenario.LessonSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * The classroom page: a local web server (Javalin on Jetty 12) serving one page and a small JSON API.
 *
 * <ul>
 *   <li>{@code GET /} the page; {@code /app.js}, {@code /style.css} its assets (no CDN: it works
 *       offline);</li>
 *   <li>{@code GET /api/presets} the built-in scenarios and their one-line purpose;</li>
 *   <li>{@code GET /api/run?preset=..&warmth=..&...} a quick run: headline numbers with 95% CIs and the
 *       retention and alliance charts as SVG; with {@code compare=true} the {@code ghost.*} parameters
 *       are run too, on the same families, and drawn beside;</li>
 *   <li>{@code GET /api/story?...&family=K} one family's narrated course, session by session;</li>
 *   <li>{@code GET /api/story/chart?...&family=K&upto=S} its members' alliance up to session S, as SVG.</li>
 * </ul>
 * Bad values, unknown presets, runs that would take too long and paths with {@code ..} get a 400
 * with a message; anything else unknown a 404; a request whose {@code Host} does not name this
 * server a 421 ({@link AllowedHosts}); an internal error a 500 with an id and no exception text
 * ({@link InternalErrors}). Every response carries the headers of {@link Gatekeeper#HEADERS}.
 */
public final class ClassroomServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> ASSETS = Map.ofEntries(Map.entry("/", "index.html"),
            Map.entry("/app.js", "app.js"), Map.entry("/style.css", "style.css"), Map.entry("/practice", "practice.html"),
            Map.entry("/practice.js", "practice.js"), Map.entry("/lesson", "lesson.html"), Map.entry("/lesson.js", "lesson.js"),
            Map.entry("/class", "practice.html"), Map.entry("/teacher", "teacher.html"), Map.entry("/teacher.js", "teacher.js"),
            Map.entry("/lesson-view.js", "lesson-view.js"));

    private final Javalin app;

    private ClassroomServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts on {@code host}:{@code port} (0 picks a free port).
     *
     * @throws IllegalArgumentException if {@code host} is not a known name or address
     * @throws RuntimeException if the server cannot listen there (for example the port is in use)
     */
    public static ClassroomServer start(String host, int port) {
        return start(host, port, null, null, routes -> { });
    }

    /**
     * As {@link #start(String, int)}, also offering {@code lesson} (a name and a validated lesson
     * file; null: the built-in lessons only).
     */
    public static ClassroomServer start(String host, int port, Map.Entry<String, LessonSpec> lesson) {
        return start(host, port, lesson, null, routes -> { });
    }

    /**
     * A class that plays together (docs/classroom.md, "A class that plays together"): as
     * {@link #start(String, int, Map.Entry)}, with students joining with {@code room}'s code.
     */
    static ClassroomServer startClass(String host, int port, Map.Entry<String, LessonSpec> lesson, ClassRoom room) {
        room.warmUp();
        return start(host, port, lesson, room, routes -> { });
    }

    /** Starts a class of at most {@code maxStudents}; its join code and teacher key come with the answer. */
    public static Started startClass(String host, int port, Map.Entry<String, LessonSpec> lesson, int maxStudents) {
        ClassRoom room = new ClassRoom(maxStudents, new java.security.SecureRandom());
        return new Started(startClass(host, port, lesson, room), room.code, room.teacherKey());
    }

    /** A class server, its join code and the teacher's key. */
    public record Started(ClassroomServer server, String code, String teacherKey) {}

    /** As {@link #start(String, int)}, with {@code moreRoutes} added: a seam for tests. */
    static ClassroomServer start(String host, int port, Consumer<RoutesConfig> moreRoutes) {
        return start(host, port, null, null, moreRoutes);
    }

    private static ClassroomServer start(String host, int port, Map.Entry<String, LessonSpec> lesson, ClassRoom room,
            Consumer<RoutesConfig> moreRoutes) {
        Lessons lessons = Lessons.of(lesson);
        AllowedHosts hosts = AllowedHosts.forBindAddress(host);
        InternalErrors errors = new InternalErrors(System.currentTimeMillis());
        Map<String, Asset> assets = new HashMap<>();
        ASSETS.forEach((path, file) -> assets.put(path, Asset.load(file)));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.http.defaultContentType = "application/json";
            config.jetty.modifyServer(server -> {
                // Host check and headers come first, around everything Javalin serves; errors that
                // Jetty answers itself (a malformed request, say) get the same headers and JSON.
                server.insertHandler(new Gatekeeper(hosts));
                server.setErrorHandler(new JsonErrorHandler(errors));
            });
            // Requests whose path climbs out of the root with '..' are refused by Jetty itself
            // (400 Bad Request, through JsonErrorHandler) before any handler; other '..' are refused here.
            config.routes.before(ctx -> {
                String uri = ctx.req().getRequestURI();
                if (uri.contains("..") || uri.contains("%2e%2e") || uri.contains("%2E%2E")) {
                    throw new BadRequest("paths with '..' are not served");
                }
                // One value per parameter: a repeated one is refused, so no later value is silently ignored.
                for (Map.Entry<String, List<String>> q : ctx.queryParamMap().entrySet()) {
                    if (q.getValue().size() > 1) {
                        throw new BadRequest(ClassroomSettings.clip(q.getKey()) + ": given " + q.getValue().size()
                                + " times; give each parameter once");
                    }
                }
            });
            assets.forEach((path, asset) -> config.routes.get(path, asset::serve));
            config.routes.get("/api/presets", ClassroomServer::presets);
            config.routes.get("/api/run", ClassroomServer::runRoute);
            config.routes.get("/api/story", ClassroomServer::story);
            config.routes.get("/api/story/chart", ClassroomServer::storyChart);
            config.routes.get("/api/lessons", ctx -> json(ctx, lessons.list()));
            config.routes.get("/api/lesson", ctx -> {
                String name = ctx.queryParam("name");
                if (name == null || !lessons.has(name)) {
                    throw new BadRequest("name: unknown lesson '" + ClassroomSettings.clip(String.valueOf(name))
                            + "'; allowed: " + String.join(", ", lessons.names()));
                }
                json(ctx, lessons.json(name));
            });
            config.routes.get("/api/practice", ctx -> json(ctx, Practice.parse(ctx::queryParam).state()));
            config.routes.get("/api/practice/debrief", ctx -> json(ctx, Practice.parse(ctx::queryParam).debrief()));
            if (room != null) {
                ClassLesson together = new ClassLesson(lessons, settings -> run(settings, null));
                room.lesson(together);
                classRoutes(config.routes, room, together);
            }
            moreRoutes.accept(config.routes);
            config.routes.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> ctx.status(500).contentType("application/json")
                    .result(errors.report(ctx.method() + " " + ctx.path(), e).toString()));
            config.router.javaLangErrorHandler((res, e) -> {
                // An Error (say an OutOfMemoryError) escaped a handler: the same answer as for an exception.
                res.setStatus(500);
                res.setContentType("application/json");
                try {
                    res.getWriter().write(errors.report("a request", e).toString());
                } catch (IOException | IllegalStateException ignored) {
                    // The response is already committed or gone: the status is all the client gets.
                }
            });
            config.routes.error(404, ctx -> error(ctx, 404, "not found: " + ClassroomSettings.clip(ctx.path())
                    + "; this server has /, /practice, /lesson, /api/presets, /api/run, /api/story, /api/story/chart,"
                    + " /api/practice, /api/practice/debrief, /api/lessons and /api/lesson"));
        });
        app.start(host, port);
        return new ClassroomServer(app);
    }

    /** Class mode's API: students act on their own cookie's course only; the teacher's need the teacher's cookie. */
    private static void classRoutes(RoutesConfig routes, ClassRoom room, ClassLesson lesson) {
        routes.post("/api/class/join", ctx -> {
            JsonNode b = body(ctx);
            String token = room.join(ctx.ip(), b.path("code").asText(null), b.path("nickname").asText(null));
            cookie(ctx, ClassRoom.STUDENT_COOKIE, token);
            ObjectNode o = NODES.objectNode();
            o.put("joined", true);
            json(ctx, o);
        });
        routes.get("/api/class/me", ctx -> json(ctx, room.me(room.student(ctx.cookie(ClassRoom.STUDENT_COOKIE)))));
        routes.post("/api/class/step", ctx -> {
            ClassRoom.Student s = room.student(ctx.cookie(ClassRoom.STUDENT_COOKIE));
            JsonNode b = body(ctx);
            String one = b.path("challenge").asText("") + "," + b.path("focus").asText("") + ","
                    + b.path("support").asText("") + "," + (b.path("repair").asBoolean(true) ? 1 : 0);
            json(ctx, room.step(s, Practice.choices(one, 1).get(0)));
        });
        routes.post("/api/class/leave", ctx -> {
            String token = ctx.cookie(ClassRoom.STUDENT_COOKIE);
            room.leave(room.student(token), token);
            ctx.header("Set-Cookie", ClassRoom.STUDENT_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ObjectNode o = NODES.objectNode();
            o.put("left", true);
            json(ctx, o);
        });
        routes.get("/api/class/debrief", ctx -> json(ctx, room.debrief(room.student(ctx.cookie(ClassRoom.STUDENT_COOKIE)))));
        routes.get("/api/class/teacher", ctx -> {
            String key = ctx.queryParam("key");
            room.requireTeacher(key);
            cookie(ctx, ClassRoom.TEACHER_COOKIE, key);
            ctx.status(303).header("Location", "/teacher").result("");
        });
        routes.get("/api/class/dashboard", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            json(ctx, room.dashboard());
        });
        routes.post("/api/class/plan", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            JsonNode b = body(ctx);
            room.plan(b.path("preset").asText(""), ClassroomSettings.wholeNumber("family", b.path("family").asText("0"),
                    0, 0, Practice.FAMILIES - 1));
            json(ctx, room.dashboard());
        });
        routes.post("/api/class/reveal", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            room.reveal();
            json(ctx, room.dashboard());
        });
        // A lesson the class plays together: the teacher moves it, each student answers for themselves.
        routes.get("/api/class/lesson", ctx -> json(ctx, lesson.forStudent(room.student(ctx.cookie(ClassRoom.STUDENT_COOKIE)))));
        routes.post("/api/class/answer", ctx -> {
            ClassRoom.Student s = room.student(ctx.cookie(ClassRoom.STUDENT_COOKIE));
            JsonNode b = body(ctx);
            JsonNode c = b.get("choice");
            JsonNode n = b.get("number");
            lesson.answer(s, c != null && c.canConvertToExactIntegral() && c.canConvertToInt() ? Integer.valueOf(c.asInt())
                    : c != null && c.isTextual() && c.asText().matches("\\d{1,3}") ? Integer.valueOf(c.asText()) : null,
                    n != null && n.isNumber() ? Double.valueOf(n.asDouble())
                            : n != null && n.isTextual() && org.alliancesim.scenario.Numbers.isDecimal(n.asText().strip())
                                    ? Double.valueOf(n.asText().strip()) : null);
            json(ctx, lesson.forStudent(s));
        });
        routes.post("/api/class/lesson/start", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            lesson.start(body(ctx).path("lesson").asText(null));
            json(ctx, room.dashboard());
        });
        routes.post("/api/class/lesson/step", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            lesson.go(ClassroomSettings.wholeNumber("step", body(ctx).path("step").asText(""), -1, 1, 1000));
            json(ctx, room.dashboard());
        });
        routes.post("/api/class/lesson/reveal", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            lesson.reveal();
            json(ctx, room.dashboard());
        });
        routes.post("/api/class/lesson/stop", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            lesson.stop();
            json(ctx, room.dashboard());
        });
        routes.get("/api/class/export.csv", ctx -> {
            room.requireTeacher(ctx.cookie(ClassRoom.TEACHER_COOKIE));
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"class.csv\"")
                    .result(room.csv());
        });
    }

    /** A POST's JSON body: {@code application/json} (a cross-site form cannot send it), at most 2 KiB. */
    private static JsonNode body(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest.Status(415, "expected a JSON body (Content-Type: application/json)");
        }
        String text = ctx.body();
        if (text.length() > 2048) {
            throw new BadRequest("body: at most 2048 characters");
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadRequest("body: expected a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("body: not JSON");
        }
    }

    /** A session cookie only this site's own requests carry, and no script can read. */
    private static void cookie(Context ctx, String name, String value) {
        ctx.header("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict");
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * One of the page's files, read once at start. Served with {@code Cache-Control: no-cache} and an
     * ETag: the browser keeps a copy but asks each time, so a new version of the program is never
     * hidden behind a stale script; an unchanged file costs a 304 and no body.
     */
    private record Asset(String type, byte[] body, String etag) {

        static Asset load(String file) {
            try (InputStream in = ClassroomServer.class.getResourceAsStream("/org/alliancesim/classroom/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("asset missing from the jar: " + file);
                }
                byte[] body = in.readAllBytes();
                String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                        : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return new Asset(type, body, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot read the asset " + file, e);
            }
        }

        void serve(Context ctx) {
            ctx.contentType(type).header("Cache-Control", "no-cache").header("ETag", etag);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.result(body);
        }
    }

    private static void presets(Context ctx) throws Exception {
        ArrayNode out = NODES.arrayNode();
        for (String name : ScenarioLoader.BUILTINS) {
            Scenario s = ScenarioLoader.load(name);
            ObjectNode o = out.addObject();
            o.put("name", name);
            o.put("description", s.description());
        }
        json(ctx, out);
    }

    private static void runRoute(Context ctx) throws Exception {
        ClassroomSettings now = ClassroomSettings.parse(ctx::queryParam, "");
        String compareParam = ctx.queryParam("compare");
        boolean compare = compareParam != null && !compareParam.isBlank()
                && ClassroomSettings.flag("compare", compareParam.strip());
        ClassroomSettings before = compare ? ClassroomSettings.parse(ctx::queryParam, "ghost.") : null;
        json(ctx, run(now, before));
    }

    /**
     * A quick run of {@code now}: headline numbers with 95% CIs and the retention and alliance
     * charts as SVG; with {@code before} (null for none) run too, on the same families, and drawn beside.
     */
    static ObjectNode run(ClassroomSettings now, ClassroomSettings before) throws Exception {
        long start = System.nanoTime();
        Scenario current = scenario(now, now.reps);
        RunUseCase.Result r;
        RunUseCase.Result g = null;
        if (before == null) {
            r = RunUseCase.execute(RunRequest.of(current));
        } else {
            // The previous setting on the same simulated families: a comparison, with this setting's seed and replications.
            if ((long) before.families * now.reps > ClassroomSettings.MAX_WORK) {
                throw new BadRequest("ghost.families x reps = " + before.families * now.reps
                        + " would run too long for a live page; at most " + ClassroomSettings.MAX_WORK);
            }
            List<RunUseCase.Result> both = CompareUseCase.runs(CompareUseCase.execute(CompareRequest.of(current,
                    scenario(before, now.reps))));
            r = both.get(0);
            g = both.get(1);
        }
        String subtitle = now.preset + ": " + now.reps + " replications x " + now.families + " families";
        List<RunUseCase.Curve> curves = g == null ? List.of(new RunUseCase.Curve("this setting", RunUseCase.retention(r)))
                : List.of(new RunUseCase.Curve("this setting", RunUseCase.retention(r)),
                        new RunUseCase.Curve("previous setting", RunUseCase.retention(g)));
        ObjectNode out = NODES.objectNode();
        out.set("headline", headline(r));
        if (g != null) {
            out.set("ghost_headline", headline(g));
        }
        out.put("retention_svg", SvgPresentation.of(RunUseCase.retentionSvg("Families still in therapy", subtitle, curves,
                "retention")));
        List<Map.Entry<String, RunUseCase.Result>> runs = g == null ? List.of(Map.entry("this setting", r))
                : List.of(Map.entry("this setting", r), Map.entry("previous setting", g));
        out.put("alliance_svg", SvgPresentation.of(RunUseCase.allianceSvg(subtitle, runs, "alliance")));
        out.put("families", now.families);
        out.put("reps", now.reps);
        out.put("seconds", (System.nanoTime() - start) / 1e9);
        return out;
    }

    /** The preset with these settings, as a scenario of {@code reps} replications with the preset's seed. */
    private static Scenario scenario(ClassroomSettings s, int reps) throws Exception {
        Scenario preset = ScenarioLoader.load(s.preset);
        return new Scenario(preset.name(), preset.description(), preset.seed(), reps, s.apply(preset.model()),
                preset.measurement());
    }

    private static ObjectNode headline(RunUseCase.Result r) {
        ObjectNode h = NODES.objectNode();
        for (RunUseCase.Figure v : RunUseCase.figures(r, RunUseCase.HEADLINE)) {
            ObjectNode o = h.putObject(v.key());
            o.put("label", v.label());
            // Shares cannot leave [0, 1]: the t-interval of a few replications is clipped for display.
            boolean share = v.key().endsWith("share");
            put(o, "mean", v.mean());
            put(o, "low", share ? Math.max(0, v.lower()) : v.lower());
            put(o, "high", share ? Math.min(1, v.upper()) : v.upper());
        }
        return h;
    }

    /** Family {@code family} (default 0) of the preset with these settings, told from replication 0. */
    private static StoryRequest storyOf(Context ctx, ClassroomSettings s) throws Exception {
        int family = ClassroomSettings.wholeNumber("family", ctx.queryParam("family"), 0, 0, s.families - 1);
        return StoryRequest.of(scenario(s, 1), family);
    }

    private static void story(Context ctx) throws Exception {
        ClassroomSettings settings = ClassroomSettings.parse(ctx::queryParam, "");
        Story.Telling story = StoryUseCase.telling(storyOf(ctx, settings));
        ObjectNode out = NODES.objectNode();
        out.put("header", story.header().text().strip());
        ArrayNode sessions = out.putArray("sessions");
        for (int i = 0; i < story.sessions().size(); i++) {
            ObjectNode s = sessions.addObject();
            s.put("session", i + 1);
            s.put("text", story.sessions().get(i).text().strip());
        }
        out.put("ending", story.ending().text().strip());
        ArrayNode names = out.putArray("members");
        story.members().forEach(names::add);
        json(ctx, out);
    }

    private static void storyChart(Context ctx) throws Exception {
        ClassroomSettings settings = ClassroomSettings.parse(ctx::queryParam, "");
        int limit = ScenarioLoader.load(settings.preset).model().run().sessionLimit();
        int upto = ClassroomSettings.wholeNumber("upto", ctx.queryParam("upto"), limit, 0, limit);
        ctx.contentType("image/svg+xml").result(SvgPresentation.of(StoryUseCase.allianceSvg(storyOf(ctx, settings), upto,
                "story")));
    }

    private static void json(Context ctx, Object body) throws IOException {
        ctx.contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode o = NODES.objectNode();
        o.put("error", message);
        ctx.status(status).contentType("application/json").result(o.toString());
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
