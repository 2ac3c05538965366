package org.alliancesim.model;

import java.util.List;

/**
 * Everything one replication of the model needs, immutable. The scenario module builds it from a
 * file; {@link #defaults()} is the calibrated mixed outpatient family caseload.
 *
 * @param run what to simulate: mode, families, horizon, session limit
 * @param families the family population: a mixture of types whose shares sum to 1
 * @param therapists the therapist pool: a mixture of types whose shares sum to 1
 * @param setting the therapy room
 * @param clinic the clinic layer (used in clinic mode)
 * @param dynamics the mechanisms' coefficients
 * @param rules which rule each swappable mechanism follows, with the rules' own parameters
 */
public record ModelParameters(
        @Doc("what to simulate: mode, families, horizon, session limit") RunSpec run,
        @Doc("the family population: a mixture of types whose shares sum to 1") List<FamilyType> families,
        @Doc("the therapist pool: a mixture of types whose shares sum to 1") List<TherapistType> therapists,
        @Doc("the therapy room") Setting setting,
        @Doc("the clinic layer (used in clinic mode)") ClinicSpec clinic,
        @Doc("the mechanisms' coefficients") Dynamics dynamics,
        @Doc("which rule each swappable mechanism follows (trust update, attendance, repair, contagion), with the rules' own parameters") Rules rules) {

    /** Largest allowed difference between the sum of a mixture's shares and 1. */
    public static final double SHARE_TOLERANCE = 1e-6;

    /** Validates presence and that each mixture's shares sum to 1. */
    public ModelParameters {
        Check.present("run", run);
        Check.present("families", families);
        Check.present("therapists", therapists);
        Check.present("setting", setting);
        Check.present("clinic", clinic);
        Check.present("dynamics", dynamics);
        Check.present("rules", rules);
        families = List.copyOf(families);
        therapists = List.copyOf(therapists);
        if (families.isEmpty()) {
            throw new ParameterException("families", "an empty list", "a list of at least one family type");
        }
        if (therapists.isEmpty()) {
            throw new ParameterException("therapists", "an empty list", "a list of at least one therapist type");
        }
        double f = families.stream().mapToDouble(FamilyType::share).sum();
        if (Math.abs(f - 1) > SHARE_TOLERANCE) {
            throw new ParameterException("families", "shares summing to " + Math.round(f * 1e9) / 1e9, "a mixture whose shares sum to 1");
        }
        double t = therapists.stream().mapToDouble(TherapistType::share).sum();
        if (Math.abs(t - 1) > SHARE_TOLERANCE) {
            throw new ParameterException("therapists", "shares summing to " + Math.round(t * 1e9) / 1e9, "a mixture whose shares sum to 1");
        }
    }

    /**
     * The calibrated default: a mixed outpatient family caseload in a plain room, 1000 families in
     * a cohort, a horizon of one year and at most 20 sessions.
     *
     * <p>Population: 35% two parents with an adolescent identified patient (voluntary, conflict
     * 0.5); 20% a single parent with an adolescent, involuntary (court or school, conflict 0.6);
     * 25% two parents with a child identified patient and a sibling (voluntary, conflict 0.35);
     * 20% couples (voluntary, conflict 0.5). Involuntary share 20%. Pool: 30% novices, 70%
     * experienced therapists.
     */
    public static ModelParameters defaults() {
        List<FamilyType> families = List.of(
                new FamilyType("two-parent-adolescent", 0.35,
                        List.of(Role.PARENT, Role.PARENT, Role.ADOLESCENT), 2, Referral.VOLUNTARY, 0.5, false),
                new FamilyType("single-parent-adolescent-mandated", 0.20,
                        List.of(Role.PARENT, Role.ADOLESCENT), 1, Referral.INVOLUNTARY, 0.6, false),
                new FamilyType("two-parent-child-sibling", 0.25,
                        List.of(Role.PARENT, Role.PARENT, Role.CHILD, Role.CHILD), 2, Referral.VOLUNTARY, 0.35,
                        false),
                new FamilyType("couple", 0.20,
                        List.of(Role.OTHER_ADULT, Role.OTHER_ADULT), -1, Referral.VOLUNTARY, 0.5, false));
        List<TherapistType> therapists = List.of(
                new TherapistType("novice", 0.3, Experience.NOVICE, 0.7, 0.65, 0.7, 0.6, 0.5, 0.7,
                        ChallengePolicy.FIXED, 0.6, 15, 0.1),
                new TherapistType("experienced", 0.7, Experience.EXPERIENCED, 0.7, 0.7, 0.7, 0.8, 0.6, 0.85,
                        ChallengePolicy.RESPONSIVE, 0.6, 25, 0.1));
        return new ModelParameters(
                new RunSpec(RunMode.COHORT, 1000, 365, 20),
                families, therapists, Setting.plainRoom(),
                new ClinicSpec(10, 8, 0.05),
                Dynamics.defaults(),
                Rules.defaults());
    }

    /** A copy with another run specification. */
    public ModelParameters withRun(RunSpec newRun) {
        return new ModelParameters(newRun, families, therapists, setting, clinic, dynamics, rules);
    }

    /** A copy with another family population. */
    public ModelParameters withFamilies(List<FamilyType> newFamilies) {
        return new ModelParameters(run, newFamilies, therapists, setting, clinic, dynamics, rules);
    }

    /** A copy with another therapist pool. */
    public ModelParameters withTherapists(List<TherapistType> newTherapists) {
        return new ModelParameters(run, families, newTherapists, setting, clinic, dynamics, rules);
    }

    /** A copy with another setting. */
    public ModelParameters withSetting(Setting newSetting) {
        return new ModelParameters(run, families, therapists, newSetting, clinic, dynamics, rules);
    }

    /** A copy with other dynamics. */
    public ModelParameters withDynamics(Dynamics newDynamics) {
        return new ModelParameters(run, families, therapists, setting, clinic, newDynamics, rules);
    }

    /** A copy with another clinic layer. */
    public ModelParameters withClinic(ClinicSpec newClinic) {
        return new ModelParameters(run, families, therapists, setting, newClinic, dynamics, rules);
    }

    /** A copy with other rules. */
    public ModelParameters withRules(Rules newRules) {
        return new ModelParameters(run, families, therapists, setting, clinic, dynamics, newRules);
    }
}
