package org.alliancesim.analysis.classroom;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the classroom does with an internal error (a bug, not a bad request): the full exception
 * goes to the server's log (standard error) under an id, and the client gets only that id and a
 * generic message, never the exception's text, which could reveal paths or internals.
 *
 * <p>Ids are the server's start time in base 36 and a counter ({@code "mwx6e9fx-3"}): unique for
 * one machine, and drawing no random numbers. Thread-safe.
 */
final class InternalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ClassroomServer.class);

    private final String prefix;
    private final AtomicLong count = new AtomicLong();

    InternalErrors(long startMillis) {
        this.prefix = Long.toString(startMillis, 36);
    }

    /**
     * Logs {@code error} with a new id and returns the body for the client:
     * {@code {"error": "internal error ...", "error_id": id}}.
     *
     * @param request what was asked ("GET /api/run"), for the log only
     * @param error the cause, or {@code null} when the web server reported none
     */
    ObjectNode report(String request, Throwable error) {
        String id = prefix + "-" + count.incrementAndGet();
        LOG.error("classroom internal error {} on {}", id, request, error);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("error", "internal error (id " + id + "): the request could not be answered; the server's log has the"
                + " details under that id. Please report it.");
        o.put("error_id", id);
        return o;
    }
}
