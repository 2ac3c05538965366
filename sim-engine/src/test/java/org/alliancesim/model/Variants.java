package org.alliancesim.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Test helper: variations of the default parameters, built as copies of the records with some
 * components changed ({@link #with}, {@link #set}), so a variant names only what it changes.
 */
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

    /** One therapist type with everything given (the default spread among individuals). */
    static TherapistType therapist(Experience experience, double quality, double consistency, double repair,
            double balance, ChallengePolicy policy, double challenge) {
        return new TherapistType("test-therapist", 1.0, experience, quality, quality, quality, consistency, repair,
                balance, policy, challenge, 20, 0.1);
    }

    /** The default experienced therapist. */
    static TherapistType experienced() {
        return therapist(Experience.EXPERIENCED, 0.7, 0.8, 0.6, 0.85, ChallengePolicy.RESPONSIVE, 0.6);
    }

    /** {@code p} with therapists' skills {@code k} (docs/model.md 3.0). */
    static ModelParameters withSkills(ModelParameters p, Dynamics.Skills k) {
        Dynamics d = p.dynamics();
        return p.withDynamics(new Dynamics(d.start(), d.climate(), d.trust(), d.rupture(), d.contagion(),
                d.attendance(), d.outcome(), k));
    }

    /** No skills: therapists of a type differ only by their qualities' own spread. */
    static final Dynamics.Skills NO_SKILLS = new Dynamics.Skills(0, 0, 0, 0);

    static ModelParameters onlyTherapist(ModelParameters p, TherapistType type) {
        return p.withTherapists(List.of(type));
    }

    static TherapistType withChallenge(TherapistType t, ChallengePolicy policy, double challenge) {
        return with(with(t, "policy", policy), "challenge", challenge);
    }

    static TherapistType withRepair(TherapistType t, double repairSkill) {
        return with(t, "repairSkill", repairSkill);
    }

    static TherapistType withBalance(TherapistType t, double balance) {
        return with(t, "balance", balance);
    }

    static TherapistType withExperience(TherapistType t, Experience experience) {
        return with(t, "experience", experience);
    }

    /** Defaults with another starting alliance mean. */
    static ModelParameters withStartingAlliance(ModelParameters p, double mean) {
        return set(p, "dynamics.start.allianceMean", mean);
    }

    static ModelParameters withContagion(ModelParameters p, double rate) {
        return set(p, "dynamics.contagion.rate", rate);
    }

    static ModelParameters observed(ModelParameters p, boolean orientation) {
        return p.withSetting(new Setting(true, true, true, orientation));
    }

    /**
     * A copy of {@code p} with the component at a dotted path of record components replaced, for
     * example {@code set(p, "dynamics.attendance.waitPerMonth", 0.0)}.
     */
    static ModelParameters set(ModelParameters p, String path, Object value) {
        return (ModelParameters) setIn(p, path.split("\\."), 0, value);
    }

    /** {@link #set} for several paths, each with its value: path, value, path, value, ... */
    static ModelParameters set(ModelParameters p, Object... pathsAndValues) {
        ModelParameters out = p;
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            out = set(out, (String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return out;
    }

    private static Object setIn(Object record, String[] path, int i, Object value) {
        if (i == path.length - 1) {
            return with((Record) record, path[i], value);
        }
        return with((Record) record, path[i], setIn(get(record, path[i]), path, i + 1, value));
    }

    /** A copy of {@code record} with component {@code name} replaced (through the canonical constructor). */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String name, Object value) {
        try {
            RecordComponent[] cs = record.getClass().getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            boolean found = false;
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                args[i] = cs[i].getName().equals(name) ? value : cs[i].getAccessor().invoke(record);
                found |= cs[i].getName().equals(name);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
            }
            Constructor<?> c = record.getClass().getDeclaredConstructor(types);
            return (R) c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName() + " with " + name, e);
        }
    }

    private static Object get(Object record, String name) {
        try {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getAccessor().invoke(record);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
    }
}
