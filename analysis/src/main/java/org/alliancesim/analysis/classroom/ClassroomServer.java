package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.experiment.Experiment;
import org.alliancesim.analysis.experiment.ExperimentResult;
import org.alliancesim.analysis.experiment.ExperimentResult.MetricSummary;
import org.alliancesim.analysis.experiment.Metric;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * The classroom page: a local web server (Javalin) serving one page and a small JSON API.
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
 * with a message; anything else unknown a 404.
 */
public final class ClassroomServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/app.js", "app.js", "/style.css", "style.css");

    private final Javalin app;

    private ClassroomServer(Javalin app) {
        this.app = app;
    }

    /** Starts on {@code host}:{@code port} (0 picks a free port). */
    public static ClassroomServer start(String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.defaultContentType = "application/json";
            // Requests whose path climbs out of the root with '..' are refused by Jetty itself
            // (400 Bad Request) before any handler; other '..' are refused below with a message.
        });
        app.before(ctx -> {
            String uri = ctx.req().getRequestURI();
            if (uri.contains("..") || uri.contains("%2e%2e") || uri.contains("%2E%2E")) {
                throw new IllegalArgumentException("paths with '..' are not served");
            }
        });
        ASSETS.forEach((path, file) -> app.get(path, ctx -> asset(ctx, file)));
        app.get("/api/presets", ClassroomServer::presets);
        app.get("/api/run", ClassroomServer::run);
        app.get("/api/story", ClassroomServer::story);
        app.get("/api/story/chart", ClassroomServer::storyChart);
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(ScenarioException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
        app.error(404, ctx -> error(ctx, 404, "not found: " + clip(ctx.path())
                + "; this server has /, /api/presets, /api/run, /api/story and /api/story/chart"));
        app.start(host, port);
        return new ClassroomServer(app);
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void asset(Context ctx, String file) throws IOException {
        try (InputStream in = ClassroomServer.class.getResourceAsStream("/org/alliancesim/classroom/" + file)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + file);
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8"
                    : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            ctx.contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
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

    private static void run(Context ctx) throws Exception {
        ClassroomSettings now = ClassroomSettings.parse(ctx::queryParam, "");
        boolean compare = "true".equals(ctx.queryParam("compare"));
        ClassroomSettings before = compare ? ClassroomSettings.parse(ctx::queryParam, "ghost.") : null;
        long start = System.nanoTime();
        Scenario preset = ScenarioLoader.load(now.preset);
        ExperimentResult r = Experiment.run(now.apply(preset.model()), preset.seed(), now.reps, 1);
        ExperimentResult g = null;
        if (before != null) {
            Scenario ghostPreset = ScenarioLoader.load(before.preset);
            // Same seed: the previous setting is shown on the same simulated families.
            g = Experiment.run(before.apply(ghostPreset.model()), preset.seed(), before.reps, 1);
        }
        String subtitle = now.preset + ": " + now.reps + " replications x " + now.families + " families";
        List<Charts.Curve> curves = g == null ? List.of(new Charts.Curve("this setting", r.retention()))
                : List.of(new Charts.Curve("this setting", r.retention()), new Charts.Curve("previous setting", g.retention()));
        ObjectNode out = NODES.objectNode();
        out.set("headline", headline(r));
        if (g != null) {
            out.set("ghost_headline", headline(g));
        }
        out.put("retention_svg", ChartFiles.svgElement(Charts.retention("Families still in therapy", subtitle, curves),
                "retention"));
        var alliance = g == null ? r.allianceByRole()
                : List.of(r.allianceAll("this setting"), g.allianceAll("previous setting"));
        out.put("alliance_svg", ChartFiles.svgElement(Charts.series(g == null ? "Alliance by role" : "Alliance",
                subtitle, "alliance (SOFTA, -3 to +3)", alliance, new double[] {-1.5, 2.5}), "alliance"));
        out.put("families", now.families);
        out.put("reps", now.reps);
        out.put("seconds", (System.nanoTime() - start) / 1e9);
        json(ctx, out);
    }

    private static ObjectNode headline(ExperimentResult r) {
        Map<Metric, MetricSummary> m = r.summaries();
        ObjectNode h = NODES.objectNode();
        for (Metric k : List.of(Metric.DROPOUT_SHARE, Metric.EARLY_DROPOUT_SHARE, Metric.MEDIAN_SESSIONS,
                Metric.COMPLETION_SHARE, Metric.MEAN_IMPROVEMENT, Metric.ALLIANCE_SESSION_3)) {
            MetricSummary v = m.get(k);
            ObjectNode o = h.putObject(k.key());
            o.put("label", k.label());
            // Shares cannot leave [0, 1]: the t-interval of a few replications is clipped for display.
            boolean share = k.key().endsWith("share");
            put(o, "mean", v.mean());
            put(o, "low", share ? Math.max(0, v.lower()) : v.lower());
            put(o, "high", share ? Math.min(1, v.upper()) : v.upper());
        }
        return h;
    }

    private static Story storyOf(Context ctx) throws Exception {
        ClassroomSettings s = ClassroomSettings.parse(ctx::queryParam, "");
        String f = ctx.queryParam("family");
        int family;
        try {
            family = f == null ? 0 : Integer.parseInt(f);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("family: expected a whole number, found '" + clip(f) + "'");
        }
        if (family < 0 || family >= s.families) {
            throw new IllegalArgumentException("family: must be in [0, " + (s.families - 1) + "], was " + family);
        }
        Scenario preset = ScenarioLoader.load(s.preset);
        ModelParameters model = s.apply(preset.model());
        return Story.of(s.preset, model, preset.seed(), family);
    }

    private static void story(Context ctx) throws Exception {
        Story story = storyOf(ctx);
        String[] parts = story.text().strip().split("\n\n");
        ObjectNode out = NODES.objectNode();
        out.put("header", parts[0]);
        ArrayNode sessions = out.putArray("sessions");
        for (int i = 1; i < parts.length - 1; i++) {
            ObjectNode s = sessions.addObject();
            s.put("session", i);
            s.put("text", parts[i]);
        }
        out.put("ending", parts.length > 1 ? parts[parts.length - 1] : "");
        ArrayNode names = out.putArray("members");
        story.memberNames().forEach(names::add);
        json(ctx, out);
    }

    private static void storyChart(Context ctx) throws Exception {
        Story story = storyOf(ctx);
        String u = ctx.queryParam("upto");
        int upto;
        try {
            upto = u == null ? Integer.MAX_VALUE : Integer.parseInt(u);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("upto: expected a whole number, found '" + clip(u) + "'");
        }
        if (upto < 0) {
            throw new IllegalArgumentException("upto: must be at least 0, was " + upto);
        }
        ctx.contentType("image/svg+xml").result(ChartFiles.svgElement(story.chart(upto), "story"));
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

    private static String clip(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
