package org.alliancesim.analysis.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.io.AtomicFile;

/**
 * The state of an ABC-SMC run after a generation ({@link AbcSmc.State}), written atomically
 * ({@link AtomicFile}: a kill, even {@code kill -9}, leaves the previous checkpoint or the new one,
 * never half of one) and read back exactly: every double is written with {@link Double#toString}
 * digits, which read back to the same bits. The run's identity (a text naming the targets, the
 * scenario and the settings) is stored with it, and a checkpoint of another run is refused.
 */
public final class Checkpoint {

    /** The checkpoint's file name in a results folder. */
    public static final String FILE = "abc-checkpoint.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {}

    /** Writes {@code state} of the run {@code identity} to {@code file}, replacing it atomically. */
    public static void write(Path file, String identity, AbcSmc.State state) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "alliancesim abc-smc checkpoint 1");
        root.put("identity", identity);
        root.put("next_tolerance", state.nextTolerance());
        root.put("simulations", state.simulations());
        if (state.stopReason() != null) {
            root.put("stop_reason", state.stopReason());
        }
        ArrayNode gens = root.putArray("generations");
        for (AbcSmc.Generation g : state.generations()) {
            ObjectNode o = gens.addObject();
            o.put("index", g.index());
            o.put("tolerance", g.tolerance());
            o.put("acceptance_rate", g.acceptanceRate());
            o.put("ess", g.ess());
            o.put("simulations", g.simulations());
            o.put("wall_seconds", g.wallSeconds());
            numbers(o.putArray("scales"), g.scales());
        }
        Population p = state.population();
        ArrayNode particles = root.putArray("particles");
        for (int i = 0; i < p.size(); i++) {
            numbers(particles.addArray(), p.particle(i));
        }
        numbers(root.putArray("weights"), p.weights());
        numbers(root.putArray("distances"), p.distances());
        try (AtomicFile f = AtomicFile.create(file)) {
            try (OutputStream out = f.stream()) {
                out.write(JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
            }
            f.commit();
        }
    }

    /**
     * Reads the checkpoint at {@code file}.
     *
     * @throws IllegalArgumentException (a bad-input message naming the file) if it is missing,
     *     damaged, or was written by a run of another identity
     */
    public static AbcSmc.State read(Path file, String identity) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no checkpoint to resume from (a run writes one after each"
                    + " generation)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable checkpoint (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        }
        if (!identity.equals(root.path("identity").asText(null))) {
            throw new IllegalArgumentException(file + ": written by another run (its targets, scenario or settings"
                    + " differ from these); resume with the same command, or start afresh in another folder");
        }
        try {
            List<AbcSmc.Generation> gens = new ArrayList<>();
            for (JsonNode o : root.get("generations")) {
                gens.add(new AbcSmc.Generation(o.get("index").intValue(), number(o.get("tolerance")),
                        number(o.get("acceptance_rate")), number(o.get("ess")), o.get("simulations").longValue(),
                        number(o.get("wall_seconds")), numbers(o.get("scales"))));
            }
            JsonNode ps = root.get("particles");
            double[][] particles = new double[ps.size()][];
            for (int i = 0; i < particles.length; i++) {
                particles[i] = numbers(ps.get(i));
            }
            Population p = Population.normalised(particles, numbers(root.get("weights")), numbers(root.get("distances")));
            JsonNode stop = root.get("stop_reason");
            return new AbcSmc.State(gens, p, number(root.get("next_tolerance")), root.get("simulations").longValue(),
                    stop == null ? null : stop.asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": a damaged checkpoint (" + e.getMessage() + ")");
        }
    }

    private static void numbers(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.add(Double.toString(x));
            }
        }
    }

    private static double number(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.doubleValue();
    }

    private static double[] numbers(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(a.get(i));
        }
        return v;
    }
}
