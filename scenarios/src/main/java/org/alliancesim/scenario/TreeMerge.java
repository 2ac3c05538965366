package org.alliancesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A chain of scenario layers merged onto the built-in defaults, with the origin (file, line,
 * column) of every value that survives. Mappings merge field by field; lists and single values
 * replace, and a replaced value's origins below it go with it. {@code name} and
 * {@code description} belong to the last layer (the file asked for), not to what it extends;
 * {@code extends} itself is dropped.
 *
 * <p>Layers are only read: what the merge keeps is copied, so shared trees (the built-ins, the
 * defaults) stay as they were. The result is a fresh tree the caller may change.
 */
final class TreeMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The merged tree. */
    final ObjectNode root;
    /** Where each value of {@link #root} was written, keyed by path (and path + {@link SourceTree#KEY}). */
    final NavigableMap<String, SourceTree.Origin> origins;

    private TreeMerge(ObjectNode root, NavigableMap<String, SourceTree.Origin> origins) {
        this.root = root;
        this.origins = origins;
    }

    /**
     * Merges {@code chain} (base first) onto {@link ScenarioLibrary#defaults()}.
     *
     * @param chain the layers, base first; the last is the scenario asked for, and not empty
     * @param name the scenario's name when its own file gives none
     */
    static TreeMerge of(List<SourceTree> chain, String name) {
        SourceTree defaults = ScenarioLibrary.defaults();
        TreeMerge m = new TreeMerge(defaults.root.deepCopy(), new TreeMap<>(defaults.origins));
        for (SourceTree layer : chain) {
            merge(m.root, layer.root, "", layer.origins, m.origins);
        }
        SourceTree own = chain.get(chain.size() - 1);
        JsonNode ownName = own.root.get("name");
        m.root.set("name", ownName != null ? ownName.deepCopy() : NODES.textNode(name));
        m.origins.put("name", ownName != null ? own.origins.get("name") : new SourceTree.Origin(own.file, 0, 0));
        JsonNode ownDescription = own.root.get("description");
        m.root.set("description", ownDescription != null ? ownDescription.deepCopy() : NODES.textNode(""));
        if (ownDescription == null) {
            m.origins.put("description", new SourceTree.Origin(own.file, 0, 0));
        }
        m.root.remove("extends");
        return m;
    }

    private static void merge(ObjectNode target, ObjectNode overlay, String path,
            NavigableMap<String, SourceTree.Origin> layerOrigins, NavigableMap<String, SourceTree.Origin> origins) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String childPath = FieldPaths.child(path, key);
            JsonNode existing = target.get(key);
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue(), childPath, layerOrigins, origins);
                continue;
            }
            target.set(key, e.getValue().deepCopy());
            below(origins, childPath).keySet().removeIf(k -> under(k, childPath));
            below(layerOrigins, childPath).forEach((k, o) -> {
                if (under(k, childPath)) {
                    origins.put(k, o);
                }
            });
        }
    }

    /**
     * The origin keys that may be at or below {@code path}: all begin with it, so they are one range
     * of the sorted map (a file with many keys merges in n log n, not n squared).
     */
    private static NavigableMap<String, SourceTree.Origin> below(NavigableMap<String, SourceTree.Origin> origins,
            String path) {
        return origins.subMap(path, true, path + Character.MAX_VALUE, false);
    }

    /** Whether origin key {@code k} is at or below {@code path}. */
    private static boolean under(String k, String path) {
        return k.equals(path) || k.equals(path + SourceTree.KEY) || k.startsWith(path + ".") || k.startsWith(path + "[");
    }
}
