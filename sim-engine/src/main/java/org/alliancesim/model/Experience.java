package org.alliancesim.model;

/** A therapist's experience. Trainees see more dropout (Swift and Greenberg 2012). */
public enum Experience {
    /** A trainee or beginning therapist. */
    NOVICE,
    /** An experienced therapist. */
    EXPERIENCED
}
