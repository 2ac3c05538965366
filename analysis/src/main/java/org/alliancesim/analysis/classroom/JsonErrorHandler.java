package org.alliancesim.analysis.classroom;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before any of the classroom's handlers (a request line it
 * cannot parse, a path that climbs out of the root with {@code ..}, headers too large): the same
 * security headers as every other response and a JSON {@code {"error": ...}} naming only the status,
 * never Jetty's exception text. A 5xx is logged through {@link InternalErrors}.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final InternalErrors errors;

    JsonErrorHandler(InternalErrors errors) {
        this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Gatekeeper.addHeaders(response.getHeaders());
        int status = response.getStatus();
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException e) {
            status = e.getCode();
        }
        if (status < 400 || status > 599) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
        }
        if (status >= 500) {
            Gatekeeper.writeJson(response, callback, status,
                    errors.report(request.getMethod() + " " + request.getHttpURI().getPath(), cause));
        } else {
            Gatekeeper.writeJson(response, callback, status, HttpStatus.getMessage(status)
                    + ": the web server refused the request before the page saw it (for example a path with '..',"
                    + " or headers over 8 KiB)");
        }
        return true;
    }
}
