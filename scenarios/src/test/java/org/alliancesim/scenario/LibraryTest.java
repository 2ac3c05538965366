package org.alliancesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alliancesim.engine.RandomStreams;
import org.alliancesim.model.EndReason;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Replication;
import org.alliancesim.model.RunSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LibraryTest {

    static List<String> builtins() {
        return ScenarioLoader.BUILTINS;
    }

    @Test
    void everyFileInTheLibraryFolderIsListedAndViceVersa() throws IOException {
        Path dir = libraryDir();
        try (Stream<Path> files = Files.list(dir)) {
            TreeSet<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml")).map(n -> n.substring(0, n.length() - 5))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(ScenarioLoader.BUILTINS), names);
        }
    }

    @Test
    void defaultScenarioIsTheCalibratedDefaults() throws ScenarioException {
        Scenario s = ScenarioLoader.load("default");
        assertEquals(ModelParameters.defaults(), s.model());
        assertEquals(Scenario.DEFAULT_SEED, s.seed());
        assertEquals(20, s.replications());
    }

    @ParameterizedTest
    @MethodSource("builtins")
    void builtinLoadsRunsAndHasAHeaderComment(String name) throws ScenarioException {
        String text = ScenarioLibrary.text(name);
        // The first line points editors at the schema (ScenarioSchemaTest); the header comment follows.
        String header = text.substring(text.indexOf('\n') + 1);
        assertTrue(header.startsWith("# " + name + ":"), "header comment names the scenario");
        assertTrue(text.contains("What it shows") && text.contains("What to look at"), "header explains it");
        Scenario s = ScenarioLoader.load(name);
        assertEquals(name, s.name());
        assertFalse(s.description().isBlank());
        // A small run of each: it completes and every family gets a record.
        RunSpec r = s.model().run();
        ModelParameters small = s.model().withRun(new RunSpec(r.mode(), 100, r.horizonDays(), r.sessionLimit()));
        int[] n = {0};
        Replication.run(small, RandomStreams.of(s.seed()), 0, c -> n[0]++, false);
        assertEquals(100, n[0]);
    }

    @Test
    void clinicWaitlistScenarioFormsAWaitlist() throws ScenarioException {
        Scenario s = ScenarioLoader.load("clinic-waitlist");
        Map<EndReason, Long> reasons = new java.util.EnumMap<>(EndReason.class);
        Replication.run(s.model(), RandomStreams.of(s.seed()), 0, c -> reasons.merge(c.endReason(), 1L, Long::sum),
                false);
        System.out.println("clinic-waitlist end reasons: " + reasons);
        assertTrue(reasons.getOrDefault(EndReason.WAITLIST_DROPOUT, 0L) > 20, reasons.toString());
    }

    @Test
    void showOutputLoadsBackToTheSameScenario() throws ScenarioException {
        for (String name : ScenarioLoader.BUILTINS) {
            Scenario s = ScenarioLoader.load(name);
            String yaml = ScenarioLoader.toYaml(s);
            Scenario back = ScenarioLoader.loadText(name + ".yaml", yaml, Path.of("."), List.of());
            assertEquals(s, back, name);
        }
    }

    static Path libraryDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("library")) && p.getFileName().toString().equals("scenarios")) {
                return p.resolve("library");
            }
            if (Files.isDirectory(p.resolve("scenarios/library"))) {
                return p.resolve("scenarios/library");
            }
        }
        throw new AssertionError("scenarios/library not found");
    }

}
