package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.experiment.MeasuresCsv;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --measure} and scenarios with a {@code measurement:} section (docs/measurement.md). */
class RunMeasureTest {

    @TempDir
    Path dir;

    private Path run(String name, String... extra) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("run", "default", "--reps", "3", "--set",
                "run.families=120", "--trajectories", "--no-compress", "--quiet", "--out", out.toString()));
        args.addAll(List.of(extra));
        Outcome o = AllianceSimTest.run(args.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        return out;
    }

    /**
     * Measuring draws from its own streams: the simulated families are the same byte for byte; and
     * the measured scores are the same for any thread count.
     */
    @Test
    void measuringChangesNoFamilyAndNoSessionAndThreadsChangeNoScore() throws Exception {
        Path plain = run("plain");
        Path measured = run("measured", "--measure", "--threads", "1");
        Path three = run("three", "--measure", "--threads", "3");
        assertArrayEquals(Files.readAllBytes(measured.resolve("measures.csv")),
                Files.readAllBytes(three.resolve("measures.csv")));
        for (String f : List.of("families.csv", "sessions.csv", "therapists.csv")) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(f)), Files.readAllBytes(measured.resolve(f)), f);
        }
        assertFalse(Files.exists(plain.resolve("measures.csv")), "no measures.csv unless asked");
        List<String> rows = Files.readAllLines(measured.resolve("measures.csv"));
        assertEquals(MeasuresCsv.HEADER.strip(), rows.get(0));
        assertTrue(rows.size() > 3 * 120 * 20, "rows: " + rows.size());
        assertEquals(List.of("0", "1", "2"), rows.stream().skip(1).map(r -> r.substring(0, r.indexOf(','))).distinct()
                .toList(), "replications in order");
    }

    @Test
    void aScenarioWithAMeasurementSectionMeasuresWithoutTheFlag() throws Exception {
        Path file = Files.writeString(dir.resolve("study.yaml"), "extends: default\nrun:\n  families: 60\n"
                + "measurement:\n  softa_o:\n    raters: 3\n  follow_up:\n    weeks: 12\n");
        Path out = dir.resolve("study");
        Outcome o = AllianceSimTest.run("run", file.toString(), "--reps", "1", "--quiet", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        String text = Files.readString(out.resolve("measures.csv"));
        assertTrue(text.contains(",softa_o,engagement,3,"), "three raters");
        assertTrue(text.contains(",outcome,follow_up,,"), "follow-up rows");
    }

    /** --force replaces a folder's results: an earlier run's measures.csv does not outlive a run without it. */
    @Test
    void forceRemovesAnEarlierMeasuresFile() throws Exception {
        Path out = dir.resolve("again");
        String[] base = {"run", "default", "--reps", "1", "--set", "run.families=30", "--quiet", "--out", out.toString()};
        Outcome first = AllianceSimTest.run(concat(base, "--measure"));
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(out.resolve("measures.csv")));
        Outcome second = AllianceSimTest.run(concat(base, "--force"));
        assertEquals(0, second.code(), second.err());
        assertFalse(Files.exists(out.resolve("measures.csv")), "a stale measures.csv would pass for this run's");
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    @Test
    void badMeasurementInputIsLocatedAndWritesNothing() throws Exception {
        Path out = dir.resolve("never");
        String[][] cases = {
            {"seed: 1\nmeasurement:\n  softa_o:\n    engagement: 1.5\n",
                "4:17: measurement.softa_o.engagement: must be in (0.0, 1.0], was 1.5"},
            {"measurement:\n  outcome:\n    reliability: 0\n",
                "3:18: measurement.outcome.reliability: must be in (0.0, 1.0], was 0.0"},
            {"measurement:\n  softa_o:\n    raters: 0\n", "3:13: measurement.softa_o.raters: must be in [1, 3], was 0"},
            {"measurement:\n  schedule:\n    softa_s_sessions: [0, 2]\n",
                "3:23: measurement.schedule.softa_s_sessions: must be a list of sessions, each in [1, 200], was entry 0 = 0"},
            {"measurement:\n  softa_z: {}\n", "2:3: measurement.softa_z: unknown field 'softa_z' (did you mean"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("bad.yaml"), c[0]);
            Outcome o = AllianceSimTest.run("run", file.toString(), "--measure", "--out", out.toString());
            assertEquals(2, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
            assertTrue(o.err().startsWith(file + ":" + c[1]), "expected " + c[1] + ", was: " + o.err());
            assertFalse(Files.exists(out), "nothing written");
        }
        Outcome set = AllianceSimTest.run("run", "default", "--set", "measurement.softa_o.raters=4", "--out",
                out.toString());
        assertEquals(2, set.code());
        assertTrue(set.err().contains("measurement.softa_o.raters: must be in [1, 3], was 4"), set.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
