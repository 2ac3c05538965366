package org.alliancesim.model;

import java.util.List;

/** Test helper: small variations of the default parameters. */
final class Variants {

    private Variants() {}

    static final List<Role> TWO_PARENTS_ADOLESCENT = List.of(Role.PARENT, Role.PARENT, Role.ADOLESCENT);

    /** Defaults with {@code families} families per replication. */
    static ModelParameters base(int families) {
        ModelParameters p = ModelParameters.defaults();
        RunSpec r = p.run();
        return p.withRun(new RunSpec(r.mode(), families, r.horizonDays(), r.sessionLimit()));
    }

    static FamilyType family(Referral referral, double conflict, boolean prepared) {
        return new FamilyType("test-family", 1.0, TWO_PARENTS_ADOLESCENT, 2, referral, conflict, prepared);
    }

    static ModelParameters onlyFamily(ModelParameters p, FamilyType type) {
        return p.withFamilies(List.of(type));
    }

    /** One therapist type with everything given. */
    static TherapistType therapist(Experience experience, double quality, double consistency, double repair,
            double balance, ChallengePolicy policy, double challenge) {
        return new TherapistType("test-therapist", 1.0, experience, quality, quality, quality, consistency, repair,
                balance, policy, challenge, 20);
    }

    /** The default experienced therapist with changes. */
    static TherapistType experienced() {
        return therapist(Experience.EXPERIENCED, 0.7, 0.8, 0.6, 0.85, ChallengePolicy.RESPONSIVE, 0.6);
    }

    static ModelParameters onlyTherapist(ModelParameters p, TherapistType type) {
        return p.withTherapists(List.of(type));
    }

    static TherapistType withChallenge(TherapistType t, ChallengePolicy policy, double challenge) {
        return new TherapistType(t.name(), t.share(), t.experience(), t.warmth(), t.empathy(), t.genuineness(),
                t.consistency(), t.repairSkill(), t.balance(), policy, challenge, t.caseload());
    }

    static TherapistType withRepair(TherapistType t, double repairSkill) {
        return new TherapistType(t.name(), t.share(), t.experience(), t.warmth(), t.empathy(), t.genuineness(),
                t.consistency(), repairSkill, t.balance(), t.policy(), t.challenge(), t.caseload());
    }

    static TherapistType withBalance(TherapistType t, double balance) {
        return new TherapistType(t.name(), t.share(), t.experience(), t.warmth(), t.empathy(), t.genuineness(),
                t.consistency(), t.repairSkill(), balance, t.policy(), t.challenge(), t.caseload());
    }

    static TherapistType withExperience(TherapistType t, Experience experience) {
        return new TherapistType(t.name(), t.share(), experience, t.warmth(), t.empathy(), t.genuineness(),
                t.consistency(), t.repairSkill(), t.balance(), t.policy(), t.challenge(), t.caseload());
    }

    /** Defaults with another starting alliance mean. */
    static ModelParameters withStartingAlliance(ModelParameters p, double mean) {
        Dynamics d = p.dynamics();
        Dynamics.Start s = d.start();
        Dynamics.Start start = new Dynamics.Start(mean, s.allianceSd(), s.familyAllianceSd(), s.roleOffset(),
                s.identifiedPatientOffset(), s.involuntaryOffset(), s.involuntaryEngagementPenalty(),
                s.toleranceMean(), s.toleranceSd(), s.toleranceOffset(), s.decisionWeight(), s.purposeMean(),
                s.purposeConflict(), s.purposeInvoluntary(), s.purposeSd());
        return p.withDynamics(new Dynamics(start, d.climate(), d.trust(), d.rupture(), d.contagion(),
                d.attendance(), d.outcome()));
    }

    static ModelParameters withContagion(ModelParameters p, double rate) {
        Dynamics d = p.dynamics();
        return p.withDynamics(new Dynamics(d.start(), d.climate(), d.trust(), d.rupture(),
                new Dynamics.Contagion(rate, d.contagion().purposeRate()), d.attendance(), d.outcome()));
    }

    static ModelParameters observed(ModelParameters p, boolean orientation) {
        return p.withSetting(new Setting(true, true, true, orientation));
    }
}
