package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.alliancesim.model.ModelParameters;

/** Records to scenario trees: snake_case fields, lower-case enum values, the model's fields at top level. */
final class TreeCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeCodec() {}

    /**
     * The whole scenario as a tree in file layout (experiment fields first, then the model's), without
     * the coefficients its chosen rules do not read: a file that set one would be refused
     * ({@link RuleCoefficients}), and the model does not use them.
     */
    static ObjectNode scenario(Scenario s) {
        return scenario(s, false);
    }

    /** {@link #scenario(Scenario)}, with every rule's coefficients when {@code everyCoefficient}. */
    private static ObjectNode scenario(Scenario s, boolean everyCoefficient) {
        ObjectNode root = NODES.objectNode();
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("seed", s.seed());
        root.put("replications", s.replications());
        ObjectNode model = (ObjectNode) tree(s.model(), everyCoefficient);
        root.setAll(model);
        root.set(MEASUREMENT, tree(s.measurement(), everyCoefficient));
        return root;
    }

    /** The experiment fields that sit beside the model's at the top of a file. */
    static final List<String> EXPERIMENT_FIELDS = List.of("name", "description", "extends", "seed", "replications",
            "measurement");

    /** The measurement section's field name. */
    static final String MEASUREMENT = "measurement";

    /** Any parameter value as a tree, every coefficient included. */
    static JsonNode tree(Object v) {
        return tree(v, true);
    }

    private static JsonNode tree(Object v, boolean everyCoefficient) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Enum<?> e) {
            return NODES.textNode(Names.of(e));
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(e -> a.add(tree(e, everyCoefficient)));
            return a;
        }
        if (v.getClass().isRecord()) {
            ObjectNode o = NODES.objectNode();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                String name = Names.snake(c.getName());
                if (!everyCoefficient && RuleCoefficients.unread(v, "", name) != null) {
                    continue;
                }
                try {
                    o.set(name, tree(c.getAccessor().invoke(v), everyCoefficient));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return o;
        }
        throw new IllegalArgumentException("no tree form for " + v.getClass());
    }

    /** The defaults as a tree, every rule's coefficients included: what a file that says nothing means. */
    static ObjectNode defaults() {
        return scenario(new Scenario("scenario", "", Scenario.DEFAULT_SEED, Scenario.DEFAULT_REPLICATIONS,
                ModelParameters.defaults()), true);
    }
}
