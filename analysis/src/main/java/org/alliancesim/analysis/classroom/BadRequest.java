package org.alliancesim.analysis.classroom;

/**
 * A request the classroom refuses, with a message for the user naming the parameter and what is
 * allowed; answered with 400 and {@code {"error": message}}. Any other exception is an internal
 * error, answered without its text (see {@link InternalErrors}).
 */
final class BadRequest extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
