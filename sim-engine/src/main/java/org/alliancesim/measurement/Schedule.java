package org.alliancesim.measurement;

import java.util.List;
import java.util.TreeSet;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * When each instrument is given. SOFTA-o and SOFTA-s are given after the listed sessions (those a
 * family attends); the outcome at baseline (before session 1), after every {@code outcomeEvery}-th
 * session and at the end of treatment, which only families who complete it have (dropouts and
 * families still in treatment at the horizon have an empty end score).
 *
 * @param softaOSessions sessions whose recordings are rated, each 1 to {@link #MAX_SESSION}; kept sorted, without repeats
 * @param softaSSessions sessions after which members fill in the SOFTA-s, each 1 to {@link #MAX_SESSION}
 * @param outcomeEvery the outcome is also given after sessions k, 2k, ...; 0 for baseline and end only
 */
public record Schedule(
        @Doc("sessions whose recordings are rated with the SOFTA-o, each from 1 (default [1, 3]: early alliance)") List<Integer> softaOSessions,
        @Doc("sessions after which members aged 12 and up fill in the SOFTA-s, each from 1 (default [1, 3])") List<Integer> softaSSessions,
        @Doc(value = "the outcome is given at baseline, after every k-th session and at the end; 0: baseline and end only (default 4)", min = 0, max = 200) int outcomeEvery) {

    /** Highest session a schedule may name (the largest session limit). */
    public static final int MAX_SESSION = 200;

    /** Validates the sessions and sorts them. */
    public Schedule {
        softaOSessions = sessions("softaOSessions", softaOSessions);
        softaSSessions = sessions("softaSSessions", softaSSessions);
        Bounds.checkAll(Schedule.class, softaOSessions, softaSSessions, outcomeEvery);
    }

    /** SOFTA-o and SOFTA-s after sessions 1 and 3; the outcome every 4 sessions. */
    public static Schedule defaults() {
        return new Schedule(List.of(1, 3), List.of(1, 3), 4);
    }

    /** Whether the outcome is given after session {@code s} (besides baseline and end). */
    public boolean outcomeAfter(int s) {
        return outcomeEvery > 0 && s % outcomeEvery == 0;
    }

    /** The last of {@code sessions} (sorted, as a schedule keeps them), or 0 when there is none. */
    static int last(List<Integer> sessions) {
        return sessions.isEmpty() ? 0 : sessions.get(sessions.size() - 1);
    }

    private static List<Integer> sessions(String field, List<Integer> given) {
        if (given == null) {
            throw new ParameterException(field, null, "given (a list of sessions, possibly empty)");
        }
        for (int i = 0; i < given.size(); i++) {
            Integer s = given.get(i);
            if (s == null || s < 1 || s > MAX_SESSION) {
                throw new ParameterException(field, "entry " + i + " = " + s, "a list of sessions, each in [1, "
                        + MAX_SESSION + "]");
            }
        }
        return List.copyOf(new TreeSet<>(given));
    }
}
