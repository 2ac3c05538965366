package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler every request meets, before Javalin: it puts the security headers on the
 * response and refuses (421, with a JSON message) a request whose {@code Host} header does not name
 * this server (see {@link AllowedHosts}). Handlers further in may change {@code Cache-Control} (the
 * page's own files are cacheable); errors that Jetty answers itself get the same headers from
 * {@link JsonErrorHandler}.
 */
final class Gatekeeper extends Handler.Wrapper {

    /**
     * The policy allows the page's own script, style and requests, nothing inline (the charts'
     * SVG carries no style attributes: see {@link SvgPresentation}), no frames around the page.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The headers on every response; {@code Cache-Control} is the default that static files override. */
    static final Map<String, String> HEADERS;

    static {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        h.put("Cache-Control", "no-store");
        HEADERS = java.util.Collections.unmodifiableMap(h);
    }

    private final AllowedHosts hosts;

    Gatekeeper(AllowedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addHeaders(response.getHeaders());
        String host = request.getHeaders().get(HttpHeader.HOST);
        int port = Request.getLocalPort(request);
        if (!hosts.allows(host, port)) {
            String found = host == null ? "no Host header" : "Host '" + ClassroomSettings.clip(host) + "'";
            writeJson(response, callback, 421, "this server answers only to " + hosts.describe(port) + "; found "
                    + found + " (a page from another site cannot use it). Open http://127.0.0.1:" + port + "/");
            return true;
        }
        return super.handle(request, response, callback);
    }

    static void addHeaders(HttpFields.Mutable fields) {
        HEADERS.forEach(fields::put);
    }

    /** Writes {@code {"error": message}} with {@code status} and completes the callback. */
    static void writeJson(Response response, Callback callback, int status, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", message);
        writeJson(response, callback, status, o);
    }

    static void writeJson(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body.toString(), callback);
    }
}
