package org.alliancesim.analysis.sweep;

import static org.alliancesim.analysis.sweep.SweepFolderException.shown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancesim.analysis.io.ReadBack;
import org.alliancesim.scenario.SweepSpec;

/**
 * A sweep folder's manifest.json: which sweep it holds (its {@link SweepIdentity}), which shard,
 * and whether it is complete. {@link #read} checks every field and their agreement (the recorded
 * hash must be that of the recorded sweep and base scenario), so a damaged, edited or foreign
 * manifest is refused with its file and field, never half-trusted.
 *
 * @param spec the sweep
 * @param identity the sweep and its resolved base scenario
 * @param pointsTotal points in the whole design
 * @param shardK this folder's shard, 1..shardN
 * @param shardN the number of shards the sweep is split into
 * @param shardPoints points of this shard
 * @param complete whether every point of the shard ran and the report was written
 * @param failedPoints points whose combination the model refused
 */
public record SweepManifest(SweepSpec spec, SweepIdentity identity, int pointsTotal, int shardK, int shardN,
        int shardPoints, boolean complete, int failedPoints) {

    private static final Pattern SHARD = Pattern.compile("(\\d{1,7})/(\\d{1,7})");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /**
     * The most bytes a manifest is read up to: it holds the sweep file and the resolved base
     * scenario, each loaded only when under 1 MiB (docs/security.md), as indented JSON.
     */
    static final long MAX_BYTES = 16L << 20;

    /** {@code K/N}. */
    public String shard() {
        return shardK + "/" + shardN;
    }

    /**
     * Reads and checks {@code dir}/manifest.json.
     *
     * @throws SweepFolderException (bad input) naming the file and field when it is missing, not JSON,
     *     lacks a field, or its fields disagree
     */
    public static SweepManifest read(Path dir) throws SweepFolderException, IOException {
        Path file = dir.resolve(SweepRunner.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new SweepFolderException(file, "missing: " + dir + " is not a sweep folder (or its manifest was"
                    + " deleted)");
        }
        JsonNode root;
        try {
            root = SweepRunner.JSON.readTree(ReadBack.bytes(dir, SweepRunner.MANIFEST, MAX_BYTES,
                    "a sweep's manifest can hold"));
        } catch (ReadBack.Refused e) {
            throw new SweepFolderException(e.file(), e.problem());
        } catch (JsonProcessingException e) {
            // The location only: the file's content is not echoed.
            throw new SweepFolderException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON (damaged?); a sweep's manifest is written by alliancesim sweep");
        }
        if (root == null || !root.isObject()) {
            throw new SweepFolderException(file, "expected a JSON object, as alliancesim sweep writes");
        }
        SweepSpec spec;
        JsonNode sweep = field(file, root, "sweep");
        try {
            spec = SweepRunner.JSON.treeToValue(sweep, SweepSpec.class);
            if (spec == null || spec.design() == null) {
                throw new IllegalArgumentException("design missing");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SweepFolderException(file, "field sweep: not a valid sweep (" + reason(e) + ")");
        }
        JsonNode base = field(file, root, "base_scenario");
        if (!base.isObject()) {
            throw new SweepFolderException(file, "field base_scenario: expected the resolved base scenario (an object)");
        }
        SweepIdentity identity = new SweepIdentity((ObjectNode) sweep, (ObjectNode) base);
        long size = Designs.size(spec);
        if (size > Designs.MAX_POINTS) {
            throw new SweepFolderException(file, "field sweep: " + Designs.tooLarge(spec));
        }
        int total = (int) size;
        int pointsTotal = integer(file, root, "points_total");
        if (pointsTotal != total) {
            throw new SweepFolderException(file, "points_total is " + pointsTotal + ", but the sweep in it has "
                    + total + " points");
        }
        Matcher shard = SHARD.matcher(text(file, root, "shard"));
        int k = shard.matches() ? Integer.parseInt(shard.group(1)) : 0;
        int n = shard.matches() ? Integer.parseInt(shard.group(2)) : 0;
        if (k < 1 || k > n) {
            throw new SweepFolderException(file, "shard is '" + shown(root.get("shard").asText())
                    + "'; expected K/N with 1 <= K <= N");
        }
        int shardPoints = integer(file, root, "shard_points");
        int expected = SweepRunner.shard(total, k, n).size();
        if (shardPoints != expected) {
            throw new SweepFolderException(file, "shard_points is " + shardPoints + ", but shard " + k + "/" + n
                    + " of " + total + " points has " + expected);
        }
        JsonNode complete = field(file, root, "complete");
        if (!complete.isBoolean()) {
            throw new SweepFolderException(file, "complete is " + shown(complete.toString()) + "; expected true or false");
        }
        int failed = integer(file, root, "failed_points");
        if (failed > shardPoints) {
            throw new SweepFolderException(file, "failed_points is " + failed + ", more than the shard's " + shardPoints
                    + " points");
        }
        if (!field(file, root, "seed").isIntegralNumber() || root.get("seed").asLong() != spec.seed()
                || !text(file, root, "design").equals(spec.design().name().toLowerCase(Locale.ROOT))) {
            throw new SweepFolderException(file, "seed or design disagree with the sweep recorded in it (edited?)");
        }
        if (!SHA256.matcher(text(file, root, "base_scenario_sha256")).matches()
                || !root.get("base_scenario_sha256").asText().equals(identity.baseSha256())
                || !SHA256.matcher(text(file, root, "sweep_sha256")).matches()
                || !root.get("sweep_sha256").asText().equals(identity.sha256())) {
            throw new SweepFolderException(file, "sweep_sha256 or base_scenario_sha256 is not the hash of the sweep and"
                    + " base scenario recorded in it (edited?)");
        }
        return new SweepManifest(spec, identity, total, k, n, shardPoints, complete.asBoolean(), failed);
    }

    /** Writes {@code dir}/manifest.json, atomically. */
    void write(Path dir, SweepFiles files) throws IOException {
        ObjectNode m = SweepRunner.JSON.createObjectNode();
        m.put("sweep_sha256", identity.sha256());
        m.put("base_scenario_sha256", identity.baseSha256());
        m.put("seed", spec.seed());
        m.put("design", spec.design().name().toLowerCase(Locale.ROOT));
        m.put("points_total", pointsTotal);
        m.put("shard", shard());
        m.put("shard_points", shardPoints);
        m.put("complete", complete);
        m.put("failed_points", failedPoints);
        m.set("sweep", identity.sweep());
        m.set("base_scenario", identity.baseScenario());
        files.replace(dir.resolve(SweepRunner.MANIFEST), SweepRunner.JSON.writeValueAsString(m) + "\n");
    }

    private static JsonNode field(Path file, JsonNode root, String name) throws SweepFolderException {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            throw new SweepFolderException(file, "field " + name + " is missing (damaged, or written by an older"
                    + " alliancesim: start afresh with --force)");
        }
        return n;
    }

    private static String text(Path file, JsonNode root, String name) throws SweepFolderException {
        JsonNode n = field(file, root, name);
        if (!n.isTextual()) {
            throw new SweepFolderException(file, name + " is " + shown(n.toString()) + "; expected text");
        }
        return n.asText();
    }

    private static int integer(Path file, JsonNode root, String name) throws SweepFolderException {
        JsonNode n = field(file, root, name);
        if (!n.isInt() || n.asInt() < 0) {
            throw new SweepFolderException(file, name + " is " + shown(n.toString()) + "; expected a whole number >= 0");
        }
        return n.asInt();
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t instanceof IllegalArgumentException && t.getMessage() != null ? t.getMessage() : "fields missing"
                + " or of the wrong type";
        return shown(m.lines().findFirst().orElse(m));
    }
}
