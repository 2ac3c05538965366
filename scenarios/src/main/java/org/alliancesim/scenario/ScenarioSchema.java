package org.alliancesim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import org.alliancesim.model.Doc;
import org.alliancesim.model.FamilyType;
import org.alliancesim.model.ModelParameters;

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the parameter records and
 * their {@link Doc} annotations, so that an editor can validate and complete scenario files.
 * Every field is optional (defaults fill what a file leaves out) and no other field is allowed.
 */
public final class ScenarioSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioSchema() {}

    /** The schema as a tree. */
    public static ObjectNode generate() {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:alliancesim:scenario");
        root.put("title", "alliancesim scenario");
        root.put("description", "A scenario of the alliancesim family therapy simulation. Every field is optional:"
                + " what a file leaves out comes from the file it extends, or from the calibrated defaults."
                + " See docs/scenarios.md.");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        ObjectNode name = type("string");
        name.put("pattern", "^(?!.*\\.\\.)" + Scenario.NAME.pattern() + "$");
        name.put("maxLength", Scenario.MAX_NAME_LENGTH);
        props.set("name", described(name, "The scenario's name, which names its results folder: letters, digits,"
                + " '.', '_' and '-', starting with a letter or digit, without '..'; defaults to the file name."));
        props.set("description", described(type("string"), "One line saying what the scenario shows."));
        props.set("extends", described(type("string"), "A built-in scenario's name ("
                + String.join(", ", ScenarioLoader.BUILTINS) + ") or a path relative to this file. This file's"
                + " fields are merged onto it: mappings field by field; lists and values replace."));
        for (RecordComponent c : Scenario.class.getRecordComponents()) {
            if (c.getType() != ModelParameters.class && !c.getName().equals("name") && !c.getName().equals("description")) {
                props.set(Names.snake(c.getName()), property(c));
            }
        }
        for (RecordComponent c : ModelParameters.class.getRecordComponents()) {
            props.set(Names.snake(c.getName()), property(c));
        }
        root.put("additionalProperties", false);
        return root;
    }

    /** The schema as indented JSON text. */
    public static String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(generate()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode property(RecordComponent c) {
        ObjectNode s = schemaOf(c.getGenericType());
        Doc doc = c.getAnnotation(Doc.class);
        if (doc != null) {
            s.put("description", doc.value());
            if (Double.isFinite(doc.min())) {
                putNumber(s, doc.exclusiveMin() ? "exclusiveMinimum" : "minimum", doc.min(), c.getType());
            }
            if (Double.isFinite(doc.max())) {
                putNumber(s, doc.exclusiveMax() ? "exclusiveMaximum" : "maximum", doc.max(), c.getType());
            }
        }
        if (c.getDeclaringRecord() == ModelParameters.class && c.getName().equals("families")) {
            ObjectNode items = (ObjectNode) s.get("items");
            ObjectNode size = type("integer");
            size.put("minimum", FamilyType.MIN_SIZE);
            size.put("maximum", FamilyType.MAX_SIZE);
            ((ObjectNode) items.get("properties")).set("size", described(size,
                    "Family size, 2 to 6: instead of roles, gives parents first, then an adolescent, then children."));
            s.put("minItems", 1);
        }
        if (c.getDeclaringRecord() == ModelParameters.class && c.getName().equals("therapists")) {
            s.put("minItems", 1);
        }
        if (c.getDeclaringRecord() == FamilyType.class && c.getName().equals("roles")) {
            s.put("minItems", FamilyType.MIN_SIZE);
            s.put("maxItems", FamilyType.MAX_SIZE);
        }
        return s;
    }

    private static void putNumber(ObjectNode s, String key, double v, Class<?> type) {
        if (type == int.class || type == long.class) {
            s.put(key, (long) v);
        } else {
            s.put(key, v);
        }
    }

    private static ObjectNode schemaOf(Type type) {
        if (type == double.class) {
            return type("number");
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return type("integer");
        }
        if (type == boolean.class) {
            return type("boolean");
        }
        if (type == String.class) {
            return type("string");
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            ObjectNode s = type("string");
            ArrayNode values = s.putArray("enum");
            Arrays.stream(c.getEnumConstants()).forEach(e -> values.add(Names.of((Enum<?>) e)));
            return s;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            ObjectNode s = type("object");
            ObjectNode props = s.putObject("properties");
            for (RecordComponent rc : c.getRecordComponents()) {
                props.set(Names.snake(rc.getName()), property(rc));
            }
            s.put("additionalProperties", false);
            return s;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == java.util.List.class) {
            ObjectNode s = type("array");
            s.set("items", schemaOf(pt.getActualTypeArguments()[0]));
            return s;
        }
        throw new IllegalStateException("no schema for " + type);
    }

    private static ObjectNode type(String name) {
        ObjectNode s = NODES.objectNode();
        s.put("type", name);
        return s;
    }

    private static ObjectNode described(ObjectNode s, String description) {
        s.put("description", description);
        return s;
    }
}
