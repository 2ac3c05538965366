package org.alliancesim.cli;

/**
 * Input the user can fix: a bad value, file or combination of options. The command line prints
 * its message (which must say what was found and what is allowed) and exits with code 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
