package org.alliancesim.analysis.classroom;

/**
 * A request the classroom refuses, with a message for the user naming the parameter and what is
 * allowed; answered with 400 and {@code {"error": message}}. Any other exception is an internal
 * error, answered without its text (see {@link InternalErrors}).
 */
class BadRequest extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }

    /** The HTTP status: 400 here; class mode's refusals (401, 403, 409, 429) say their own. */
    int status() {
        return 400;
    }

    /** A refusal of class mode with its own status (not signed in, not allowed, full, too fast). */
    static final class Status extends BadRequest {
        private static final long serialVersionUID = 1L;
        private final int status;

        Status(int status, String message) {
            super(message);
            this.status = status;
        }

        @Override
        int status() {
            return status;
        }
    }
}
