package org.alliancesim.measurement;

import java.util.Locale;

/** The instruments of measures.csv's {@code instrument} column. */
public enum Instrument {
    /** SOFTA-o observer ratings ({@link ObserverRatings}). */
    SOFTA_O,
    /** SOFTA-s self-report ({@link SelfReport}). */
    SOFTA_S,
    /** The family-functioning outcome ({@link OutcomeMeasure}). */
    OUTCOME;

    /** The name in measures.csv: {@code softa_o}, {@code softa_s}, {@code outcome}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
