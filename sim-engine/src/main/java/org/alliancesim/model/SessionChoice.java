package org.alliancesim.model;

/**
 * What a therapist decides for one session, when the caller decides instead of the therapist type's
 * policy ({@link CourseStepper}): the session's challenge and whom it is aimed at, the support the
 * therapist means to give, and whether to attempt repair if a member ruptures.
 *
 * <p>The model's own session code runs with these in place of the policy's: the challenge replaces
 * {@code Session.challenge}'s (the policy's, by session and family state); the support replaces the
 * therapist's own base support (the session's support still varies with the therapist's consistency
 * and falls for a novice facing conflict, as in every session); a focus aims the challenge at one
 * member, who gets all of it, while the others get {@link #FOCUS_OTHERS} of it; without a focus
 * every member gets the whole challenge, as under every policy. Declining repair leaves a rupture
 * unrepaired (the repair's uniform is drawn all the same, so the family's later draws do not shift).
 * {@link CourseStepper#policyChoice()} is the choice the policy would make; a course run with it is
 * the course of a normal run.
 *
 * @param challenge the session's challenge, 0..2 (as a therapist type's)
 * @param focus the member the challenge is aimed at (member number, from 0), or {@link #NO_FOCUS}
 * @param support the support the therapist means to give, 0..1 (before consistency's variation)
 * @param attemptRepair whether a rupture in this session is worked on (the repair still succeeds
 *     only with the repair rule's chance)
 */
public record SessionChoice(double challenge, int focus, double support, boolean attemptRepair) {

    /** No focus: every member gets the session's whole challenge. */
    public static final int NO_FOCUS = -1;
    /** The share of the challenge that reaches the members who are not the focus. */
    public static final double FOCUS_OTHERS = 0.5;
    /** Largest challenge (a therapist type's bound). */
    public static final double MAX_CHALLENGE = 2;

    /** Validates the choice. */
    public SessionChoice {
        if (!(challenge >= 0 && challenge <= MAX_CHALLENGE)) {
            throw new IllegalArgumentException("challenge: expected a number in [0, 2], found " + challenge);
        }
        if (!(support >= 0 && support <= 1)) {
            throw new IllegalArgumentException("support: expected a number in [0, 1], found " + support);
        }
        if (focus < NO_FOCUS) {
            throw new IllegalArgumentException("focus: expected a member number or -1 (none), found " + focus);
        }
    }

    /** The share of the session's challenge that member {@code member} gets. */
    double weight(int member) {
        return focus == NO_FOCUS || member == focus ? 1 : FOCUS_OTHERS;
    }
}
