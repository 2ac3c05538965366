package org.alliancesim.scenario;

import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A study design file for {@code study} (docs/studies.md, "The design file"): how large a virtual
 * study is and which of its measures is the early alliance. The instruments, schedule and missing
 * data are the scenario's {@code measurement:} section (its defaults when the scenario has none).
 *
 * @param families families in the study's sample (the cohort run), {@link #MIN_FAMILIES} to 100,000
 * @param therapists therapists the families are spread over; every therapist type's caseload is set to
 *     {@link #familiesPerTherapist} so that a cohort meets about this many therapists
 * @param earlySession the session whose SOFTA-o ratings are the early alliance (the study rates it
 *     even when the scenario's schedule does not list it)
 * @param alpha significance level of the tests whose power is estimated
 * @param seed master seed of the virtual study (and, keyed by sample size, of the power analysis)
 */
public record StudySpec(
        @Doc(value = "families in the study's sample (default 200)", min = StudySpec.MIN_FAMILIES, max = StudySpec.MAX_FAMILIES) int families,
        @Doc(value = "therapists the families are spread over (default 20); at most " + StudySpec.MAX_CASELOAD
                + " families per therapist", min = 1, max = 10_000) int therapists,
        @Doc(value = "the session whose SOFTA-o ratings are the early alliance (default 1: every family that started has it)", min = 1, max = 200) int earlySession,
        @Doc(value = "significance level of the tests whose power is estimated (default 0.05)", min = 0, exclusiveMin = true, max = 0.5) double alpha,
        @Doc("master seed of the virtual study (default 20261125)") long seed) {

    /** The smallest sample: below it the statistics have too few dropouts and completers to compute. */
    public static final int MIN_FAMILIES = 20;
    /** The largest sample. */
    public static final int MAX_FAMILIES = 100_000;
    /** Most families per therapist: the bound of a therapist type's caseload. */
    public static final int MAX_CASELOAD = 100;

    /** Validates the bounds, and that the families fit the therapists. */
    public StudySpec {
        Bounds.checkAll(StudySpec.class, families, therapists, earlySession, alpha, seed);
        checkCaseload("families", families, therapists);
    }

    /** 200 families, 20 therapists, early alliance at session 1, alpha .05, seed 20261125. */
    public static StudySpec defaults() {
        return new StudySpec(200, 20, 1, 0.05, Scenario.DEFAULT_SEED);
    }

    /** A copy with another sample size. */
    public StudySpec withFamilies(int n) {
        return new StudySpec(n, therapists, earlySession, alpha, seed);
    }

    /**
     * Families per therapist when {@code families} are spread over {@code therapists}: the caseload
     * every therapist type gets, {@code ceil(families / therapists)}. A cohort of N families with
     * caseload c has {@code ceil(N / c)} therapists (at most {@code therapists}), each family assigned
     * to one at random.
     */
    public static int familiesPerTherapist(int families, int therapists) {
        return (families + therapists - 1) / therapists;
    }

    /**
     * @throws ParameterException naming {@code field} when {@code families} would put more than
     *     {@link #MAX_CASELOAD} families on a therapist
     */
    public static void checkCaseload(String field, int families, int therapists) {
        if (familiesPerTherapist(families, therapists) > MAX_CASELOAD) {
            throw new ParameterException(field, String.valueOf(families), "at most " + MAX_CASELOAD
                    + " families per therapist, so at most " + (long) MAX_CASELOAD * therapists + " with " + therapists
                    + " therapists");
        }
    }
}
