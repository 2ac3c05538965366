package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.alliancesim.analysis.io.AtomicFile;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.scenario.Problem;
import org.alliancesim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How a command's failure reaches the user: bad usage and bad input as one line and exit code 2
 * (one line per problem for a scenario), an I/O error of the environment as one line and exit code
 * 1, anything else as an internal error (exit code 1; the stack trace with ALLIANCESIM_DEBUG=1).
 */
final class Failures {

    private Failures() {}

    static int badUsage(ParameterException ex, String[] args) {
        CommandLine line = ex.getCommandLine();
        StringBuilder msg = new StringBuilder(firstLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        line.getErr().println(line.getCommandName() + ": " + msg
                + "; see '" + line.getCommandSpec().qualifiedName() + " --help'");
        return AllianceSim.BAD_INPUT;
    }

    /** Prints one line (or one per scenario problem) for a command's failure and returns its exit code. */
    static int exitCode(Exception ex, CommandLine line) {
        PrintWriter err = line.getErr();
        if (ex instanceof BadInputException || ex instanceof BadRequestException
                || ex instanceof org.alliancesim.model.ParameterException
                || ex instanceof org.alliancesim.analysis.sweep.SweepFolderException) {
            err.println(line.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            return AllianceSim.BAD_INPUT;
        }
        if (ex instanceof ScenarioException se) {
            // One line per problem: file:line:column: field.path: what was found and what is allowed.
            for (Problem p : se.problems()) {
                err.println(p);
            }
            return AllianceSim.BAD_INPUT;
        }
        IOException io = ex instanceof IOException e ? e
                : ex instanceof UncheckedIOException u ? u.getCause() : null;
        if (io != null) {
            // The environment failed (a full disk, a lost mount), not the program: one line, no trace.
            err.println(line.getCommandSpec().qualifiedName() + ": I/O error: " + describe(io));
            if (System.getenv("ALLIANCESIM_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return AllianceSim.INTERNAL_ERROR;
        }
        err.println(line.getCommandSpec().qualifiedName() + ": internal error: " + ex
                + " (set ALLIANCESIM_DEBUG=1 for the stack trace; please report it)");
        if (System.getenv("ALLIANCESIM_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return AllianceSim.INTERNAL_ERROR;
    }

    /** "FILE: reason" for file system errors, else the exception's own message. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile() + ": " + AtomicFile.reason(fse);
        }
        return AtomicFile.reason(e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid arguments";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * A file could not be written (a full disk, a folder made read-only mid-run): an environment
     * error, not bad input and not a bug. One line (the file and the reason, then what to do), no
     * stack trace, exit code 1; the folder's manifest does not say complete (docs/sweeps.md).
     */
    static int cannotWrite(picocli.CommandLine.Model.CommandSpec command, IOException e, String then) {
        String what = e instanceof FileSystemException f && f.getFile() != null
                ? "cannot write " + describe(f) : e.getMessage();
        command.commandLine().getErr().println(command.qualifiedName() + ": " + what + "; " + then);
        return AllianceSim.INTERNAL_ERROR;
    }
}
