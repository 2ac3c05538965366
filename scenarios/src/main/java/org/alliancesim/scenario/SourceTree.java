package org.alliancesim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A parsed scenario document with the line and column of every value, keyed by dotted path
 * ({@code families[0].conflict}). Jackson's tree model drops locations, so the tree is built here
 * from the streaming parser.
 */
final class SourceTree {

    /** Where a value was written. */
    record Origin(String file, int line, int column) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = SourceText.yamlBuilder().build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(SourceText.constraints()).build();

    /** Suffix of the origin entry that locates a field's key rather than its value. */
    static final String KEY = "#key";

    final String file;
    final ObjectNode root;
    /** Sorted, so that the origins at and below a path are one range (see TreeMerge). */
    final NavigableMap<String, Origin> origins;

    private SourceTree(String file, ObjectNode root, NavigableMap<String, Origin> origins) {
        this.file = file;
        this.root = root;
        this.origins = origins;
    }

    /** A tree that did not come from a file (defaults, overrides). */
    static SourceTree synthetic(String label, ObjectNode root) {
        NavigableMap<String, Origin> origins = new TreeMap<>();
        record(root, "", new Origin(label, 0, 0), origins);
        return new SourceTree(label, root, origins);
    }

    private static void record(JsonNode node, String path, Origin o, Map<String, Origin> out) {
        out.put(path, o);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> record(e.getValue(), FieldPaths.child(path, e.getKey()), o, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                record(node.get(i), FieldPaths.index(path, i), o, out);
            }
        }
    }

    /**
     * Parses YAML (or JSON when {@code json}); an empty document is an empty mapping.
     *
     * @throws ScenarioException for text over {@link SourceText#MAX_BYTES} characters, malformed
     *     input, nesting deeper than {@link SourceText#MAX_DEPTH}, aliases, duplicate keys, or a root
     *     that is not a mapping
     */
    static SourceTree parse(String file, String text, boolean json) throws ScenarioException {
        return parse(file, text, json, true);
    }

    /**
     * Parses as {@link #parse(String, String, boolean)}; with {@code showParserMessage} false, a
     * malformed document is reported by its position only, so that nothing of a file the user did
     * not name (one reached through {@code extends}) is echoed.
     */
    static SourceTree parse(String file, String text, boolean json, boolean showParserMessage)
            throws ScenarioException {
        Problem size = SourceText.tooLarge(file, text.length(), "characters");
        if (size != null) {
            throw new ScenarioException(List.of(size));
        }
        String format = json ? "JSON" : "YAML";
        List<Problem> problems = new ArrayList<>();
        NavigableMap<String, Origin> origins = new TreeMap<>();
        ObjectNode root;
        JsonParser p = null;
        try {
            p = (json ? JSON : YAML).createParser(text);
            JsonToken first = p.nextToken();
            if (first == null) {
                root = NODES.objectNode();
                origins.put("", new Origin(file, 1, 1));
            } else {
                JsonNode node = read(p, "", 1, file, origins, problems);
                if (!node.isObject()) {
                    // What the document is, but none of its text: it may not be a scenario at all.
                    Origin at = origins.get("");
                    throw new ScenarioException(List.of(new Problem(file, at.line(), at.column(), "",
                            "a scenario must be a mapping of fields (like 'run: {families: 400}'), found "
                                    + Binder.kind(node))));
                }
                root = (ObjectNode) node;
                if (p.nextToken() != null) {
                    JsonLocation l = p.currentTokenLocation();
                    problems.add(new Problem(file, line(l), column(l), "",
                            "found a second document; a scenario file holds exactly one"));
                }
            }
        } catch (TooDeep e) {
            throw new ScenarioException(List.of(e.problem));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new ScenarioException(List.of(new Problem(file, l == null ? 0 : line(l), l == null ? 0 : column(l), "",
                    malformed(format, firstLine(msg), showParserMessage))));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new Problem(file, 0, 0, "", "cannot read: " + firstLine(e.getMessage()))));
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, invalid characters) this way.
            JsonLocation l = p == null ? null : p.currentLocation();
            throw new ScenarioException(List.of(new Problem(file, l == null ? 0 : line(l), l == null ? 0 : column(l), "",
                    malformed(format, firstLine(String.valueOf(e.getMessage())), showParserMessage))));
        } finally {
            close(p);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new SourceTree(file, root, origins);
    }

    private static void close(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // A parser over a string holds nothing to release.
            }
        }
    }

    /**
     * The parser's message in the user's terms: a key that is a list or mapping (a YAML complex key,
     * {@code ? [a, b]}) is said plainly, and no message shows the YAML library's class names.
     */
    static String parserMessage(String message) {
        String m = firstLine(message);
        if (m.startsWith("Expected a field name")) {
            String kind = m.contains("SequenceStart") ? "a list" : m.contains("MappingStart") ? "a mapping" : "not a name";
            return "a key must be a field name (like run or families), found " + kind + " used as a key";
        }
        int lib = m.indexOf("<org.yaml.snakeyaml");
        if (lib < 0) {
            lib = m.indexOf("org.yaml.snakeyaml");
        }
        return lib < 0 ? m : m.substring(0, lib).replaceAll("[\\s:,;]+$", "") + " (the YAML structure there is not"
                + " one a scenario uses)";
    }

    private static String malformed(String format, String parserMessage, boolean show) {
        parserMessage = parserMessage(parserMessage);
        return show ? "malformed " + format + ": " + parserMessage
                : "malformed " + format + " (the parser's message is not shown for a file reached through extends;"
                        + " check that file by itself)";
    }

    /** Nesting beyond {@link SourceText#MAX_DEPTH}: ends the recursive read at once. */
    private static final class TooDeep extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        TooDeep(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }
    }

    private static JsonNode read(JsonParser p, String path, int depth, String file, Map<String, Origin> origins,
            List<Problem> problems) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        origins.put(path, new Origin(file, line(l), column(l)));
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > SourceText.MAX_DEPTH) {
            throw new TooDeep(new Problem(file, line(l), column(l), "", "nested more than " + SourceText.MAX_DEPTH
                    + " levels deep (mappings and lists); a scenario needs 4"));
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(new Problem(file, line(l), column(l), path,
                    "aliases (*name) are not supported; write the value out"));
            return NODES.nullNode();
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    p.nextToken();
                    String childPath = FieldPaths.child(path, key);
                    origins.put(childPath + KEY, new Origin(file, line(kl), column(kl)));
                    JsonNode child = read(p, childPath, depth + 1, file, origins, problems);
                    if (o.has(key)) {
                        problems.add(new Problem(file, line(kl), column(kl), childPath,
                                "appears twice; give each field once"));
                    }
                    o.set(key, child);
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, FieldPaths.index(path, i++), depth + 1, file, origins, problems));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                // One way to read numbers (Numbers): YAML 1.1 would read 050 as 40 and 0_5 as 5.
                String why = Numbers.refusal(p.getText());
                if (why != null) {
                    problems.add(new Problem(file, line(l), column(l), path, why));
                    return NODES.nullNode();
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    return NODES.numberNode(p.getDoubleValue());
                }
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
            }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.textNode(p.getText());
        }
    }

    private static int line(JsonLocation l) {
        return Math.max(0, l.getLineNr());
    }

    private static int column(JsonLocation l) {
        return Math.max(0, l.getColumnNr());
    }

    /** Gives {@code key} the default {@code value} when the file left it out (targets and sweep files). */
    static void defaultField(ObjectNode o, String key, JsonNode value) {
        if (!o.has(key)) {
            o.set(key, value);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
