package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.alliancesim.analysis.usecase.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarsTest {

    @TempDir
    Path dir;

    @Test
    void terminalDevicesAreRecognised() {
        assertTrue(ProgressBars.isTerminalDevice("/dev/pts/3"));
        assertTrue(ProgressBars.isTerminalDevice("/dev/tty1"));
        assertTrue(ProgressBars.isTerminalDevice("/dev/console"));
        assertFalse(ProgressBars.isTerminalDevice("pipe:[123456]"));
        assertFalse(ProgressBars.isTerminalDevice("/home/me/run.log"));
        assertFalse(ProgressBars.isTerminalDevice("/dev/null"));
    }

    @Test
    void noBarWhenQuietOrStandardErrorIsNotATerminal() {
        // The test JVM's standard error is a pipe to Maven (or a file): never a terminal.
        assertFalse(ProgressBars.standardErrorIsTerminal());
        assertEquals(null, ProgressBars.open("replications", 10, false));
        assertEquals(null, ProgressBars.open("replications", 10, true));
    }

    @Test
    void aUseCasesProgressMovesTheBarAndShowsItsNote() {
        assertEquals(Progress.NONE, ProgressBars.onto(null), "no bar, nothing to draw");
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("evaluations").setInitialMax(10)
                .setConsumer(new DelegatingProgressBarConsumer(line -> { })).build()) {
            Progress p = ProgressBars.onto(bar);
            p.update(3, 10, "best distance 0.5000");
            assertEquals(3, bar.getCurrent());
            assertEquals(" best distance 0.5000", bar.getExtraMessage());
            p.update(4, 10, "");
            assertEquals(4, bar.getCurrent());
            assertEquals(" best distance 0.5000", bar.getExtraMessage(), "an empty note keeps the last");
        }
    }

    /**
     * Runs {@code alliancesim run} in a fresh JVM under script(1), which gives it a terminal as
     * standard input and output, with standard error sent to {@code redirect}.
     */
    private String runUnderATerminal(String name, String redirect) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of("'" + java + "'", "-Djava.awt.headless=true", "-cp",
                "'" + System.getProperty("java.class.path") + "'", AllianceSim.class.getName(), "run", "default",
                "--reps", "2", "--threads", "1", "--set", "run.families=20", "--out", "'" + dir.resolve(name) + "'",
                redirect));
        Path transcript = dir.resolve(name + ".transcript");
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true)
                .redirectOutput(transcript.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), Files.readString(transcript));
        return Files.readString(transcript, StandardCharsets.UTF_8);
    }

    @Test
    void theBarFollowsStandardErrorNotTheConsole() throws Exception {
        boolean script = Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script"));
        assumeTrue(script && Files.isDirectory(Path.of("/proc/self/fd")), "needs script(1) and /proc");
        assumeTrue(System.getProperty("java.class.path").contains(File.pathSeparator), "a full class path");
        // Standard input and output are a terminal, standard error a log file: no bar in the log
        // (System.console() is not null here, which is what the bar used to ask).
        Path log = dir.resolve("stderr.log");
        String transcript = runUnderATerminal("to-log", "2>'" + log + "'");
        assertTrue(transcript.contains("dropout share"), transcript);
        assertFalse(Files.readString(log).contains("replications"), "bar drawn into a log: " + Files.readString(log));
        // Standard error on the terminal too: the bar is drawn.
        assertTrue(runUnderATerminal("to-terminal", "").contains("replications"), "bar on the terminal");
    }
}
