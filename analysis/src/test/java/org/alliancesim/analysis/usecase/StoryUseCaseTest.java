package org.alliancesim.analysis.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.cli.AllianceSimAccess;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryUseCaseTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFamilyTheScenarioDoesNotHave() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 20);
        assertEquals("family must be from 0 to 19 (the scenario has 20 families), was 20",
                assertThrows(ParameterException.class, () -> StoryRequest.of(s, 20)).getMessage());
        assertEquals("family must be from 0 to 19 (the scenario has 20 families), was -1",
                assertThrows(ParameterException.class, () -> StoryRequest.of(s, -1)).getMessage());
    }

    @Test
    void theTextIsWhatTheCommandLinePrintsAndTheFilesHoldIt() throws Exception {
        AllianceSimAccess.Printed cli = AllianceSimAccess.printed("story", "default", "--family", "3", "--seed", "9",
                "--set", "run.families=20");
        assertEquals(0, cli.code(), cli.err());
        Scenario s = ScenarioLoader.load("default").with("run.families", 20).withSeed(9);
        StoryUseCase.Result plain = StoryUseCase.execute(StoryRequest.of(s, 3));
        assertEquals(cli.out(), plain.text());
        assertEquals(List.of(), plain.files());
        assertEquals(3, plain.story().course().familyId());

        Path out = dir.resolve("story");
        StoryUseCase.Result written = StoryUseCase.execute(StoryRequest.of(s, 3).withOutput(Output.to(out)));
        assertEquals(List.of(out.resolve("story.txt"), out.resolve("alliance.png"), out.resolve("alliance.svg")),
                written.files());
        assertEquals(plain.text(), Files.readString(out.resolve("story.txt")));
        assertTrue(Files.size(out.resolve("alliance.png")) > 1000);
    }
}
