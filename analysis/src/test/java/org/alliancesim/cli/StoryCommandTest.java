package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryCommandTest {

    @TempDir
    Path dir;

    @Test
    void narratesEverySessionAndTheEnding() throws Exception {
        Path out = dir.resolve("story");
        Outcome o = AllianceSimTest.run("story", "default", "--family", "5", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        String text = o.out();
        assertTrue(text.startsWith("Family 5 of scenario 'default'"), text);
        long sessions = text.lines().filter(l -> l.startsWith("Session ")).count();
        assertTrue(sessions >= 1, text);
        assertTrue(text.contains("alliance ") && text.contains("->"), "alliance before and after");
        assertTrue(text.lines().anyMatch(l -> l.startsWith("The course ended") || l.startsWith("The family did not")
                || l.startsWith("The simulation's horizon")), "why it ended");
        assertEquals(text.substring(0, text.indexOf("written: ")), Files.readString(out.resolve("story.txt")));
        assertTrue(Files.size(out.resolve("alliance.png")) > 1000);
        assertTrue(Files.readString(out.resolve("alliance.svg")).contains("<svg"));
    }

    @Test
    void theStoryMatchesTheRunsFamiliesCsv() throws Exception {
        Path run = dir.resolve("run");
        assertEquals(0, AllianceSimTest.run("run", "default", "--reps", "1", "--set", "run.families=20", "--out",
                run.toString(), "--quiet").code());
        String row = Files.readAllLines(run.resolve("families.csv")).get(1 + 7);
        String[] cols = row.split(",");
        Outcome o = AllianceSimTest.run("story", "default", "--family", "7", "--set", "run.families=20");
        long sessions = o.out().lines().filter(l -> l.startsWith("Session ")).count();
        assertEquals(Long.parseLong(cols[10]), sessions, "sessions_attended of family 7: " + row);
    }

    @Test
    void unknownFamilyIsBadInput() {
        Outcome o = AllianceSimTest.run("story", "default", "--family", "1000");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--family must be from 0 to 999"), o.err());
    }
}
