package org.alliancesim.analysis.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.alliancesim.model.ChallengePolicy;
import org.alliancesim.model.Experience;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.scenario.Numbers;
import org.alliancesim.scenario.ParameterPath;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
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
            throw new BadRequest(prefix + "preset: unknown scenario '" + clip(preset) + "'; allowed: "
                    + String.join(", ", ScenarioLoader.BUILTINS));
        }
        int families = wholeNumber(prefix + "families", p.get("families"), 400, 20, 2000);
        int reps = wholeNumber(prefix + "reps", p.get("reps"), 5, 2, 20);
        if ((long) families * reps > MAX_WORK) {
            throw new BadRequest(prefix + "families x reps = " + families * reps
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

    /**
     * The preset's parameters with these settings applied, as the typed edits of {@link #edits}
     * applied together with {@link Scenario#with(Map, String)}: the same edits {@code --set} makes.
     *
     * @throws IllegalArgumentException with a message for the user when the preset refuses an edit
     */
    public ModelParameters apply(ModelParameters base) {
        try {
            return new Scenario(preset, "", Scenario.DEFAULT_SEED, 1, base).with(edits(base), "classroom settings")
                    .model();
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The settings as edits of {@code base}: warmth (also empathy and genuineness), experience,
     * repair, balance, policy and challenge of every therapist; conflict and preparation of every
     * family; the observed setting; the number of families. With {@code involuntary}, the family
     * list is first replaced by each type split into a voluntary and an involuntary part in that
     * proportion. The families' shares are made to sum to exactly 1.
     */
    Map<ParameterPath, Object> edits(ModelParameters base) {
        Map<ParameterPath, Object> edits = new LinkedHashMap<>();
        for (int i = 0; i < base.therapists().size(); i++) {
            String t = "therapists[" + i + "].";
            if (warmth != null) {
                put(edits, t + "warmth", warmth);
                put(edits, t + "empathy", warmth);
                put(edits, t + "genuineness", warmth);
            }
            putIfSet(edits, t + "experience", experience);
            putIfSet(edits, t + "repair_skill", repair);
            putIfSet(edits, t + "balance", balance);
            putIfSet(edits, t + "policy", policy);
            putIfSet(edits, t + "challenge", challenge);
        }
        List<FamilyType> families = base.families();
        if (involuntary != null) {
            families = new ArrayList<>();
            for (FamilyType f : base.families()) {
                // Each type splits into a voluntary and an involuntary part in the chosen proportion.
                double vol = f.share() * (1 - involuntary);
                double inv = f.share() * involuntary;
                if (vol > 0) {
                    families.add(new FamilyType(f.name(), vol, f.roles(), f.identifiedPatient(), Referral.VOLUNTARY,
                            f.conflict(), f.prepared()));
                }
                if (inv > 0) {
                    families.add(new FamilyType(f.name() + "-involuntary", inv, f.roles(), f.identifiedPatient(),
                            Referral.INVOLUNTARY, f.conflict(), f.prepared()));
                }
            }
            put(edits, "families", families);
        }
        double total = families.stream().mapToDouble(FamilyType::share).sum();
        for (int i = 0; i < families.size(); i++) {
            String f = "families[" + i + "].";
            put(edits, f + "share", families.get(i).share() / total);
            putIfSet(edits, f + "conflict", conflict);
            putIfSet(edits, f + "prepared", prepared);
        }
        putIfSet(edits, "setting.reflecting_team", observed);
        putIfSet(edits, "setting.one_way_mirror", observed);
        putIfSet(edits, "setting.cameras", observed);
        put(edits, "run.families", this.families);
        return edits;
    }

    private static void putIfSet(Map<ParameterPath, Object> edits, String path, Object value) {
        if (value != null) {
            put(edits, path, value);
        }
    }

    private static void put(Map<ParameterPath, Object> edits, String path, Object value) {
        try {
            edits.put(ParameterPath.parse(path), value);
        } catch (ScenarioException e) {
            throw new IllegalStateException("not a scenario path: " + path, e);
        }
    }

    /**
     * Reads a parameter that counts something: only digits (with an optional sign) are accepted, so
     * {@code 200.9} or {@code 2e2} is refused rather than truncated.
     *
     * @param name the parameter's name as the request spells it, for the message
     * @param value the raw value, or {@code null} when the parameter is absent
     * @param absent the value to use when it is absent
     * @throws IllegalArgumentException naming the parameter and its allowed range
     */
    static int wholeNumber(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String s = value.strip();
        String range = "[" + min + ", " + max + "]";
        if (!s.matches("[+-]?(0|[1-9][0-9]{0,9})")) {
            throw new BadRequest(name + ": expected a whole number in " + range + ", found '" + clip(s)
                    + "'");
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new BadRequest(name + ": must be in " + range + ", was " + s);
        }
        return (int) v;
    }

    private static Double optional(Map<String, String> p, String prefix, String key, double min, double max) {
        String s = p.get(key);
        if (s == null) {
            return null;
        }
        if (!Numbers.isDecimal(s)) {
            throw new BadRequest(prefix + key + ": expected a number, found '" + clip(s) + "'; "
                    + Numbers.RULE);
        }
        double v = Double.parseDouble(s);
        if (!(v >= min && v <= max)) {
            throw new BadRequest(prefix + key + ": must be in [" + fmt(min) + ", " + fmt(max) + "], was "
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
        throw new BadRequest(prefix + key + ": found '" + clip(s) + "'; allowed: " + String.join(", ", allowed));
    }

    private static Boolean bool(Map<String, String> p, String prefix, String key) {
        String s = p.get(key);
        return s == null ? null : flag(prefix + key, s);
    }

    /**
     * A yes-or-no parameter: exactly {@code true} or {@code false} (lower case), as the page sends
     * them; anything else ({@code yes}, {@code TRUE}, {@code 1}) is refused, for every flag alike.
     *
     * @throws BadRequest naming the parameter and what it takes
     */
    static boolean flag(String name, String value) {
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        throw new BadRequest(name + ": expected true or false, found '" + clip(value) + "'");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Echoed values are shortened, so a hostile request cannot fill the response. */
    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
