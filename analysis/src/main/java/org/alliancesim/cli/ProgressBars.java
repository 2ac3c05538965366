package org.alliancesim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alliancesim.analysis.usecase.Progress;

/**
 * The progress bar of long commands. It is drawn on standard error, so it is shown only when
 * standard error is a terminal: a log file or a pipe gets no bar.
 *
 * <p>Java 17 cannot ask whether one stream is a terminal ({@code System.console()} answers for
 * standard input and output together). On Linux the answer is where {@code /proc/self/fd/2}
 * points: a terminal device ({@code /dev/pts/N}, {@code /dev/ttyN}, {@code /dev/console}) or not.
 * Where there is no {@code /proc} (macOS, Windows) the console check is the fallback.
 */
final class ProgressBars {

    private ProgressBars() {}

    /** A bar for {@code max} steps ({@code -1}: unknown), or null when quiet or standard error is no terminal. */
    static ProgressBar open(String task, long max, boolean quiet) {
        if (quiet || !standardErrorIsTerminal()) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build();
    }

    /**
     * A use case's progress drawn on {@code bar} (the total it reports as the bar's maximum, its
     * notes as the bar's extra message), or {@link Progress#NONE} when there is no bar.
     */
    static Progress onto(ProgressBar bar) {
        if (bar == null) {
            return Progress.NONE;
        }
        return (done, total, note) -> {
            if (total >= 0) {
                bar.maxHint(total);
            }
            bar.stepTo(done);
            if (!note.isEmpty()) {
                bar.setExtraMessage(" " + note);
            }
        };
    }

    /** Whether this process's standard error (file descriptor 2) is a terminal. */
    static boolean standardErrorIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Whether {@code device} (the target of a file descriptor's /proc link) is a terminal. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }
}
