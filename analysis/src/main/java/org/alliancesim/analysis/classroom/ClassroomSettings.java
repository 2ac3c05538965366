package org.alliancesim.analysis.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.alliancesim.model.ChallengePolicy;
import org.alliancesim.model.Experience;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.model.RunSpec;
import org.alliancesim.model.Setting;
import org.alliancesim.model.TherapistType;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * What the classroom page's controls set, read from request parameters and validated: a value
 * that is missing keeps the preset's own; one that is out of range is refused with a message that
 * names it and its allowed range.
 */
public final class ClassroomSettings {

    /** Largest families x replications one request may simulate ("a request that would run too long is refused"). */
    public static final int MAX_WORK = 10_000;

    final String preset;
    final Double warmth;
    final Double challenge;
    final ChallengePolicy policy;
    final Double repair;
    final Double balance;
    final Experience experience;
    final Double conflict;
    final Double involuntary;
    final Boolean observed;
    final Boolean prepared;
    final int families;
    final int reps;

    private ClassroomSettings(String preset, Double warmth, Double challenge, ChallengePolicy policy, Double repair,
            Double balance, Experience experience, Double conflict, Double involuntary, Boolean observed,
            Boolean prepared, int families, int reps) {
        this.preset = preset;
        this.warmth = warmth;
        this.challenge = challenge;
        this.policy = policy;
        this.repair = repair;
        this.balance = balance;
        this.experience = experience;
        this.conflict = conflict;
        this.involuntary = involuntary;
        this.observed = observed;
        this.prepared = prepared;
        this.families = families;
        this.reps = reps;
    }

    /**
     * Reads the settings whose names start with {@code prefix} ("" for the current setting,
     * "ghost." for the previous one in compare mode).
     *
     * @throws IllegalArgumentException with a message for the user when a value is not allowed
     */
    public static ClassroomSettings parse(Function<String, String> param, String prefix) {
        Map<String, String> p = new java.util.HashMap<>();
        for (String k : List.of("preset", "warmth", "challenge", "policy", "repair", "balance", "experience", "conflict",
                "involuntary", "observed", "prepared", "families", "reps")) {
            String v = param.apply(prefix + k);
            if (v != null && !v.isBlank()) {
                p.put(k, v.strip());
            }
        }
        String preset = p.getOrDefault("preset", "default");
        if (!ScenarioLoader.isBuiltin(preset)) {
            throw new IllegalArgumentException(prefix + "preset: unknown scenario '" + clip(preset) + "'; allowed: "
                    + String.join(", ", ScenarioLoader.BUILTINS));
        }
        int families = (int) number(p, prefix, "families", 400, 20, 2000);
        int reps = (int) number(p, prefix, "reps", 5, 2, 20);
        if ((long) families * reps > MAX_WORK) {
            throw new IllegalArgumentException(prefix + "families x reps = " + families * reps
                    + " would run too long for a live page; at most " + MAX_WORK);
        }
        return new ClassroomSettings(preset,
                optional(p, prefix, "warmth", 0, 1),
                optional(p, prefix, "challenge", 0, 2),
                choice(p, prefix, "policy", ChallengePolicy.class),
                optional(p, prefix, "repair", 0, 1),
                optional(p, prefix, "balance", 0, 1),
                choice(p, prefix, "experience", Experience.class),
                optional(p, prefix, "conflict", 0, 1),
                optional(p, prefix, "involuntary", 0, 1),
                bool(p, prefix, "observed"),
                bool(p, prefix, "prepared"),
                families, reps);
    }

    /** The preset's parameters with these settings applied. */
    public ModelParameters apply(ModelParameters base) {
        List<TherapistType> therapists = new ArrayList<>();
        for (TherapistType t : base.therapists()) {
            double w = warmth != null ? warmth : t.warmth();
            therapists.add(new TherapistType(t.name(), t.share(), experience != null ? experience : t.experience(), w,
                    warmth != null ? w : t.empathy(), warmth != null ? w : t.genuineness(), t.consistency(),
                    repair != null ? repair : t.repairSkill(), balance != null ? balance : t.balance(),
                    policy != null ? policy : t.policy(), challenge != null ? challenge : t.challenge(), t.caseload(),
                    t.spread()));
        }
        List<FamilyType> families = new ArrayList<>();
        for (FamilyType f : base.families()) {
            double c = conflict != null ? conflict : f.conflict();
            boolean prep = prepared != null ? prepared : f.prepared();
            if (involuntary == null) {
                families.add(new FamilyType(f.name(), f.share(), f.roles(), f.identifiedPatient(), f.referral(), c, prep));
            } else {
                // Each type splits into a voluntary and an involuntary part in the chosen proportion.
                double vol = f.share() * (1 - involuntary);
                double inv = f.share() * involuntary;
                if (vol > 0) {
                    families.add(new FamilyType(f.name(), vol, f.roles(), f.identifiedPatient(), Referral.VOLUNTARY, c, prep));
                }
                if (inv > 0) {
                    families.add(new FamilyType(f.name() + "-involuntary", inv, f.roles(), f.identifiedPatient(),
                            Referral.INVOLUNTARY, c, prep));
                }
            }
        }
        double total = families.stream().mapToDouble(FamilyType::share).sum();
        families.replaceAll(f -> new FamilyType(f.name(), f.share() / total, f.roles(), f.identifiedPatient(),
                f.referral(), f.conflict(), f.prepared()));
        Setting s = base.setting();
        Setting setting = observed == null ? s : new Setting(observed, observed, observed, s.orientationSession());
        RunSpec r = base.run();
        return base.withTherapists(therapists).withFamilies(families).withSetting(setting)
                .withRun(new RunSpec(r.mode(), this.families, r.horizonDays(), r.sessionLimit()));
    }

    private static double number(Map<String, String> p, String prefix, String key, double dflt, double min, double max) {
        Double v = optional(p, prefix, key, min, max);
        return v == null ? dflt : v;
    }

    private static Double optional(Map<String, String> p, String prefix, String key, double min, double max) {
        String s = p.get(key);
        if (s == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + key + ": expected a number, found '" + clip(s) + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(prefix + key + ": must be in [" + fmt(min) + ", " + fmt(max) + "], was "
                    + clip(s));
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> p, String prefix, String key, Class<E> type) {
        String s = p.get(key);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(prefix + key + ": found '" + clip(s) + "'; allowed: " + String.join(", ", allowed));
    }

    private static Boolean bool(Map<String, String> p, String prefix, String key) {
        String s = p.get(key);
        if (s == null) {
            return null;
        }
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(prefix + key + ": expected true or false, found '" + clip(s) + "'");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Echoed values are shortened, so a hostile request cannot fill the response. */
    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
