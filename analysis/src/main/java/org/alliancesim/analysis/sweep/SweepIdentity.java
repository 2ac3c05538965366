package org.alliancesim.analysis.sweep;

import static org.alliancesim.analysis.sweep.SweepFolderException.shown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;
import org.alliancesim.scenario.SweepSpec;

/**
 * What makes two sweep folders parts of one sweep: the sweep file's settings (all but how its
 * {@code base} is spelled, so a relative and an absolute path to the same file agree) and the base
 * scenario's resolved <em>content</em>: the built-in defaults, everything it {@code extends}, the
 * file itself. Editing the base, or a file it extends, between a crash and {@code --resume}, or
 * between shards, changes the identity, and the sweep refuses to mix the two models.
 *
 * @param sweep the sweep file as a tree (record layout, {@code base} included for the record)
 * @param baseScenario the base scenario, resolved, in file layout ({@link ScenarioLoader#toTree})
 */
public record SweepIdentity(ObjectNode sweep, ObjectNode baseScenario) {

    /** The identity of {@code spec}, loading its base scenario now. */
    public static SweepIdentity of(SweepSpec spec) throws ScenarioException {
        return new SweepIdentity(SweepRunner.JSON.valueToTree(spec),
                ScenarioLoader.toTree(ScenarioLoader.load(spec.base())));
    }

    /** SHA-256 (hex) of the sweep's settings without {@code base} and of the resolved base scenario. */
    public String sha256() {
        ObjectNode settings = sweep.deepCopy();
        settings.remove("base");
        ObjectNode both = SweepRunner.JSON.createObjectNode();
        both.set("sweep", settings);
        both.set("base_scenario", baseScenario);
        return sha256(both);
    }

    /**
     * SHA-256 (hex) of a scenario's resolved content, as {@link #baseSha256()} hashes a sweep's base
     * (compete records its base's so that a merge notices shards run from an edited base).
     */
    public static String contentSha256(Scenario s) {
        return sha256(ScenarioLoader.toTree(s));
    }

    /** SHA-256 (hex) of the resolved base scenario alone. */
    public String baseSha256() {
        return sha256(baseScenario);
    }

    /**
     * The first difference between this identity and {@code other}, as
     * {@code "seed: 1 vs 2"} or {@code "base scenario, therapists[1].warmth: 0.6 vs 0.7"} (this
     * one's value first), or null when they are the same sweep.
     */
    public String difference(SweepIdentity other) {
        ObjectNode a = sweep.deepCopy();
        ObjectNode b = other.sweep.deepCopy();
        a.remove("base");
        b.remove("base");
        String d = firstDifference(a, b, "");
        if (d != null) {
            return d;
        }
        d = firstDifference(baseScenario, other.baseScenario, "");
        return d == null ? null : "base scenario " + sweep.path("base").asText() + ", " + d;
    }

    private static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = firstDifference(a.get(n), b.get(n), path.isEmpty() ? n : path + "." + n);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        // Leaves compare by their JSON text: 5 read back from a file is an int, written from a long.
        String ta = a == null ? "(none)" : a.toString();
        String tb = b == null ? "(none)" : b.toString();
        return ta.equals(tb) ? null : (path.isEmpty() ? "" : path + ": ") + shown(ta) + " vs " + shown(tb);
    }

    private static String sha256(JsonNode n) {
        try {
            byte[] text = SweepRunner.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n)
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a sweep", e);
        }
    }
}
