package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alliancesim.measurement.MeasurementSpec;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Referral;
import org.alliancesim.model.Role;
import org.alliancesim.model.TherapistType;

/**
 * What entries of {@code families} and {@code therapists} take for the fields they leave out
 * (docs/scenarios.md, "Resolution"), stated once as two records, {@link #FAMILY} and
 * {@link #THERAPIST}; and, derived from the same records and the calibrated defaults, the valid
 * instance per record type that {@link Binder} puts in place of a refused value so that the rest
 * of a record can still be checked ({@link #fallbacks()}).
 *
 * <p>Derived per entry rather than copied: {@code name} ({@code family-N}, {@code therapist-N}),
 * {@code share} (1.0 when the entry is the only one), a family's {@code roles} from its
 * {@code size} (a shorthand of files only) and its {@code identified_patient} (the first
 * adolescent or child of its roles, or -1). These are computed when the file is read, before any
 * {@code --set} edit.
 */
final class EntryDefaults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The family type whose values a {@code families} entry takes for the fields it leaves out:
     * two parents and an adolescent, voluntary, conflict 0.5, not prepared. Its name, share and
     * identified patient (-1, valid for any roles) are never copied: they are derived per entry.
     */
    static final FamilyType FAMILY = new FamilyType("family", 1.0, rolesOfSize(3), -1, Referral.VOLUNTARY, 0.5,
            false);

    /** The therapist whose values a {@code therapists} entry takes: the defaults' experienced therapist. */
    static final TherapistType THERAPIST = ModelParameters.defaults().therapists().stream()
            .filter(t -> t.name().equals("experienced")).findFirst().orElseThrow();

    /** Fields derived per entry, never copied from {@link #FAMILY} or {@link #THERAPIST}. */
    private static final Set<String> DERIVED = Set.of("name", "share", "identified_patient");

    /** See {@link #fallbacks()}; after {@link #FAMILY} and {@link #THERAPIST}, which it holds. */
    private static final Map<Class<?>, Object> FALLBACKS = Map.copyOf(collectFallbacks());

    private EntryDefaults() {}

    /**
     * Fills the fields that list entries of {@code root} leave out; turns a family's {@code size}
     * into roles (a size out of range, or one that disagrees with the roles given, is a problem).
     * Entries that are not mappings are left for {@link Binder} to refuse, and so are empty values.
     *
     * @param origins where each value was written, for locating problems
     * @param problems where problems are added
     */
    static void fill(ObjectNode root, Map<String, SourceTree.Origin> origins, List<Problem> problems) {
        if (root.get("families") instanceof ArrayNode families) {
            ObjectNode model = (ObjectNode) TreeCodec.tree(FAMILY);
            for (int i = 0; i < families.size(); i++) {
                if (families.get(i) instanceof ObjectNode f) {
                    rolesFromSize(f, FieldPaths.index("families", i), origins, problems);
                    fill(f, model, "family-" + (i + 1), families.size());
                    if (!f.has("identified_patient")) {
                        f.put("identified_patient", identifiedPatient(f.get("roles")));
                    }
                }
            }
        }
        if (root.get("therapists") instanceof ArrayNode therapists) {
            ObjectNode model = (ObjectNode) TreeCodec.tree(THERAPIST);
            for (int i = 0; i < therapists.size(); i++) {
                if (therapists.get(i) instanceof ObjectNode t) {
                    fill(t, model, "therapist-" + (i + 1), therapists.size());
                }
            }
        }
    }

    /** Gives an entry its name, its share when it is alone, and {@code model}'s value of every other field it leaves out. */
    private static void fill(ObjectNode entry, ObjectNode model, String name, int entries) {
        putIfAbsent(entry, "name", NODES.textNode(name));
        if (entries == 1) {
            putIfAbsent(entry, "share", NODES.numberNode(1.0));
        }
        for (Iterator<String> it = model.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!DERIVED.contains(k)) {
                putIfAbsent(entry, k, model.get(k).deepCopy());
            }
        }
    }

    /** Replaces a family's {@code size} by the roles of that size, or records why it cannot. */
    private static void rolesFromSize(ObjectNode f, String path, Map<String, SourceTree.Origin> origins,
            List<Problem> problems) {
        JsonNode size = f.remove("size");
        if (size == null) {
            return;
        }
        SourceTree.Origin o = origins.getOrDefault(path + ".size", origins.get(path));
        if (!size.canConvertToInt() || !size.isIntegralNumber() || size.intValue() < FamilyType.MIN_SIZE
                || size.intValue() > FamilyType.MAX_SIZE) {
            problems.add(new Problem(o.file(), o.line(), o.column(), path + ".size", "expected a whole number from "
                    + FamilyType.MIN_SIZE + " to " + FamilyType.MAX_SIZE + ", found " + Binder.describe(size)));
        } else if (!f.has("roles")) {
            f.set("roles", TreeCodec.tree(rolesOfSize(size.intValue())));
        } else if (f.get("roles").size() != size.intValue()) {
            problems.add(new Problem(o.file(), o.line(), o.column(), path + ".size", "is " + size.intValue()
                    + " but roles lists " + f.get("roles").size() + " members; give one or make them agree"));
        }
    }

    /** Gives an entry the default for a field it leaves out; an empty value is left to be refused. */
    private static void putIfAbsent(ObjectNode o, String key, JsonNode value) {
        if (!o.has(key)) {
            o.set(key, value);
        }
    }

    /** Default roles by family size: parents first, then an adolescent, then children. */
    static List<Role> rolesOfSize(int size) {
        List<Role> roles = new ArrayList<>();
        roles.add(Role.PARENT);
        if (size >= 3) {
            roles.add(Role.PARENT);
        }
        roles.add(Role.ADOLESCENT);
        while (roles.size() < size) {
            roles.add(Role.CHILD);
        }
        return roles;
    }

    /** The index of the first adolescent or child among {@code roles} (as written), or -1. */
    static int identifiedPatient(JsonNode roles) {
        if (roles != null && roles.isArray()) {
            for (int i = 0; i < roles.size(); i++) {
                String r = roles.get(i).asText().strip().toLowerCase(Locale.ROOT);
                if (r.equals(Names.of(Role.ADOLESCENT)) || r.equals(Names.of(Role.CHILD))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * A valid instance per record type of the model, for {@link Binder} to put in place of a
     * refused value: {@link #FAMILY}, {@link #THERAPIST}, and for every other type the first
     * instance met in {@link ModelParameters#defaults()}.
     */
    static Map<Class<?>, Object> fallbacks() {
        return FALLBACKS;
    }

    private static Map<Class<?>, Object> collectFallbacks() {
        Map<Class<?>, Object> m = new HashMap<>();
        m.put(FamilyType.class, FAMILY);
        m.put(TherapistType.class, THERAPIST);
        ModelParameters defaults = ModelParameters.defaults();
        for (RecordComponent c : ModelParameters.class.getRecordComponents()) {
            collect(ScenarioEdits.component(defaults, Names.snake(c.getName())), m);
        }
        collect(MeasurementSpec.defaults(), m);
        return m;
    }

    private static void collect(Object value, Map<Class<?>, Object> out) {
        if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out));
        } else if (value != null && value.getClass().isRecord()) {
            out.putIfAbsent(value.getClass(), value);
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                collect(ScenarioEdits.component(value, Names.snake(c.getName())), out);
            }
        }
    }
}
