package org.alliancesim.analysis.usecase;

/**
 * A request a use case refuses before doing anything: a value out of range, a combination of
 * options that does not fit, an output folder that cannot take results. The message says what was
 * found and what is allowed; adapters show it as it is (the command line exits with code 2, the
 * classroom answers 400). Nothing has been written when it is thrown.
 */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was found and what is allowed */
    public BadRequestException(String message) {
        super(message);
    }
}
