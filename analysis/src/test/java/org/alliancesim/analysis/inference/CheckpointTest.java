package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ABC-SMC checkpoint written and read back on its own: every field of the state comes back
 * with the same bits (infinite and NaN values included, weights as stored, not normalised again),
 * the file's numbers are JSON numbers where finite, and each refusal names the file and what is
 * wrong. The run-level tests (usecase.AbcSmcUseCaseTest) resume through it; these reach each field.
 */
class CheckpointTest {

    /** Weights 1/3, 1/3, 1/3 as doubles: their sum is not 1 to the last bit, so normalising again would move them. */
    static AbcSmc.State state(String stop) {
        double third = 1.0 / 3;
        Population p = Population.normalised(new double[][] {{0.1, -2.5}, {1e-300, 7}, {3, Math.PI}},
                new double[] {third, third, third + 1e-17}, new double[] {0.25, Double.NaN, 4});
        List<AbcSmc.Generation> gens = List.of(
                new AbcSmc.Generation(0, Double.POSITIVE_INFINITY, 1.0, 3.0, 3, 0.125, new double[] {2.0, 0.5}),
                new AbcSmc.Generation(1, 1.75, 0.3, 2.9999999999999996, 10, 1.5e-3, new double[] {1.0, Double.NaN}));
        return new AbcSmc.State(gens, p, 0.875, 13, stop);
    }

    @Test
    void everyFieldReadsBackWithTheSameBits(@TempDir Path tmp) throws Exception {
        for (String stop : new String[] {null, "generations: 2 run"}) {
            Path file = tmp.resolve(Checkpoint.FILE);
            AbcSmc.State s = state(stop);
            Checkpoint.write(file, "run one", s);
            AbcSmc.State r = Checkpoint.read(file, "run one");
            assertEquals(stop, r.stopReason());
            assertEquals(13, r.simulations());
            assertEquals(0.875, r.nextTolerance(), 0);
            assertEquals(2, r.generations().size());
            for (int g = 0; g < 2; g++) {
                AbcSmc.Generation a = s.generations().get(g);
                AbcSmc.Generation b = r.generations().get(g);
                assertEquals(a.index(), b.index());
                assertEquals(a.tolerance(), b.tolerance(), 0);
                assertEquals(a.acceptanceRate(), b.acceptanceRate(), 0);
                assertEquals(a.ess(), b.ess(), 0);
                assertEquals(a.simulations(), b.simulations());
                assertEquals(a.wallSeconds(), b.wallSeconds(), 0);
                assertArrayEquals(a.scales(), b.scales(), 0);
            }
            assertEquals(3, r.population().size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(s.population().particle(i), r.population().particle(i), 0);
            }
            assertArrayEquals(s.population().weights(), r.population().weights(), 0);
            assertEquals(1.0 / 3 + 1e-17, r.population().weight(2), 0);
            assertArrayEquals(s.population().distances(), r.population().distances(), 0);
        }
    }

    @Test
    void finiteNumbersAreJsonNumbersAndTheOthersTheirJavaText(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(Checkpoint.FILE);
        Checkpoint.write(file, "run one", state(null));
        JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals("alliancesim abc-smc checkpoint 1", root.get("format").asText());
        assertEquals("run one", root.get("identity").asText());
        assertFalse(root.has("stop_reason"), "no stop reason while the run goes on");
        assertTrue(root.get("next_tolerance").isNumber());
        JsonNode g0 = root.get("generations").get(0);
        assertEquals("Infinity", g0.get("tolerance").asText());
        assertTrue(g0.get("scales").get(0).isNumber());
        assertEquals("NaN", root.get("generations").get(1).get("scales").get(1).textValue());
        assertEquals("NaN", root.get("distances").get(1).textValue());
        assertTrue(root.get("particles").get(1).get(0).isNumber());
        assertEquals(3, root.get("weights").size());
    }

    @Test
    void refusals(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(Checkpoint.FILE);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.read(file, "run one"));
        assertEquals(file + ": no checkpoint to resume from (a run writes one after each generation)",
                missing.getMessage());
        Files.writeString(file, "{\"identity\": \"run one\",\n  \"simulations\": [1, 2", StandardCharsets.UTF_8);
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.read(file, "run one"));
        assertTrue(unreadable.getMessage().startsWith(file + ": not a readable checkpoint (Unexpected end-of-input"),
                unreadable.getMessage());
        assertFalse(unreadable.getMessage().contains("\n"), "the parser's first line only: " + unreadable.getMessage());

        Checkpoint.write(file, "run one", state(null));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.read(file, "run two"));
        assertEquals(file + ": written by another run (its targets, scenario or settings differ from these); resume with"
                + " the same command, or start afresh in another folder", other.getMessage());

        Files.writeString(file, "{\"identity\": \"run one\"}", StandardCharsets.UTF_8);
        IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.read(file, "run one"));
        assertTrue(damaged.getMessage().startsWith(file + ": a damaged checkpoint ("), damaged.getMessage());
    }
}
