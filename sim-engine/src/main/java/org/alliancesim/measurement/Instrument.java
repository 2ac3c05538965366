package org.alliancesim.measurement;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An instrument's name in measures.csv's {@code instrument} column. Each instrument
 * ({@link MeasuringInstrument}) declares its name once, as a constant, and its rows carry that
 * constant; the constants below are those of the built-in instruments, which readers such as the
 * virtual study look for.
 *
 * @param csvName the name in measures.csv: lower case letters, digits and {@code _}
 */
public record Instrument(String csvName) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** SOFTA-o observer ratings ({@link ObserverRatings}). */
    public static final Instrument SOFTA_O = new Instrument("softa_o");
    /** SOFTA-s self-report ({@link SelfReport}). */
    public static final Instrument SOFTA_S = new Instrument("softa_s");
    /** The family-functioning outcome ({@link OutcomeMeasure}). */
    public static final Instrument OUTCOME = new Instrument("outcome");

    /** Validates the name. */
    public Instrument {
        Objects.requireNonNull(csvName, "csvName");
        if (!NAME.matcher(csvName).matches()) {
            throw new IllegalArgumentException("an instrument's name is lower case letters, digits and _: " + csvName);
        }
    }

    @Override
    public String toString() {
        return csvName;
    }
}
