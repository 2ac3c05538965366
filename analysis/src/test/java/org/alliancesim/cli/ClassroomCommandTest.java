package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancesim.analysis.classroom.ClassroomServer;
import org.junit.jupiter.api.Test;

class ClassroomCommandTest {

    /**
     * A second classroom on a port the first one holds: exit 2 and one line on standard error, ours
     * (no line from the web server's own logger). Run as a separate JVM, so what the logger writes to
     * the real standard error is seen.
     */
    @Test
    void aPortInUseIsOneLineOnStandardError() throws Exception {
        try (ClassroomServer first = ClassroomServer.start("127.0.0.1", 0)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AllianceSim.class.getName(), "classroom", "--port", String.valueOf(first.port()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the second classroom did not give up");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = err.lines().toList();
            assertEquals(2, p.exitValue(), err);
            assertEquals(1, lines.size(), err);
            assertTrue(lines.get(0).contains(":" + first.port()) && lines.get(0).contains("in use"), err);
        }
    }

    /** A bad lesson file: exit 2 before anything listens, each problem on its own located line, no stack trace. */
    @Test
    void aBadLessonFileExitsTwoWithLocatedProblems(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-lesson.yaml");
        java.nio.file.Files.writeString(file, "title: Mine\nteacher: {aims: x}\nsteps:\n  - title: one\n"
                + "    preset: default\n    settings: {warmth: 2}\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AllianceSim.class.getName(), "classroom", "--port", "0", "--lesson", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the classroom did not give up");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains(file + ":6:") && err.contains("steps[0].settings.warmth: must be in [0, 1], was 2"), err);
        assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);
    }
}
