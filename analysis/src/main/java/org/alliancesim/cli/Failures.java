package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.alliancesim.analysis.usecase.BadRequestException;
import org.alliancesim.analysis.usecase.Output;
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
        StringBuilder msg = new StringBuilder(shownArguments(ex.getMessage() == null ? "invalid arguments"
                : ex.getMessage().strip(), args));
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                msg.append(" (did you mean ").append(Problem.shown(String.join(" or ", suggestions))).append("?)");
            }
        }
        line.getErr().println(Problem.oneLine(line.getCommandName() + ": " + msg
                + "; see '" + line.getCommandSpec().qualifiedName() + " --help'"));
        return AllianceSim.BAD_INPUT;
    }

    /**
     * picocli's message with every argument it quotes shown as {@link Problem#shown} shows values:
     * cut to its first characters, control characters escaped. picocli quotes an argument whole (an
     * unknown option, a value it could not convert), so each argument as typed, and the value after
     * {@code =} of an {@code --option=value}, is replaced where it appears; longest first, so that a
     * value inside a longer argument is not replaced twice.
     */
    static String shownArguments(String message, String[] args) {
        java.util.TreeSet<String> typed = new java.util.TreeSet<>(
                java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
        for (String a : args == null ? new String[0] : args) {
            typed.add(a);
            int eq = a.indexOf('=');
            if (a.startsWith("-") && eq > 0) {
                typed.add(a.substring(eq + 1));
            }
        }
        String out = message;
        for (String a : typed) {
            String shown = Problem.shown(a);
            if (!a.isEmpty() && !shown.equals(a)) {
                out = out.replace(a, shown);
            }
        }
        return out;
    }

    /** Prints one line (or one per scenario problem) for a command's failure and returns its exit code. */
    static int exitCode(Exception ex, CommandLine line) {
        PrintWriter err = line.getErr();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return outOfMemory(oom, err);
            }
        }
        if (ex instanceof org.alliancesim.model.ParameterException pe) {
            err.println(Problem.oneLine(line.getCommandSpec().qualifiedName() + ": " + refusal(pe, line.getCommandSpec())));
            return AllianceSim.BAD_INPUT;
        }
        if (ex instanceof BadInputException || ex instanceof BadRequestException
                || ex instanceof org.alliancesim.analysis.sweep.SweepFolderException) {
            err.println(Problem.oneLine(line.getCommandSpec().qualifiedName() + ": " + ex.getMessage()));
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
            err.println(Problem.oneLine(line.getCommandSpec().qualifiedName() + ": I/O error: " + describe(io)));
            if (System.getenv("ALLIANCESIM_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return AllianceSim.INTERNAL_ERROR;
        }
        err.println(Problem.oneLine(line.getCommandSpec().qualifiedName() + ": internal error: " + ex
                + " (set ALLIANCESIM_DEBUG=1 for the stack trace; please report it)"));
        if (System.getenv("ALLIANCESIM_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return AllianceSim.INTERNAL_ERROR;
    }

    /** "FILE: reason" for file system errors, else the exception's own message. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile() + ": " + Output.reason(fse);
        }
        return Output.reason(e);
    }

    /**
     * A request's refusal in the command line's terms: a request field that an option of the command
     * sets ({@code ciWidth} is {@code --ci-width}, {@code checkReplications} is {@code --check-reps})
     * is named by that option; any other keeps its message.
     */
    static String refusal(org.alliancesim.model.ParameterException pe, picocli.CommandLine.Model.CommandSpec command) {
        String kebab = "--" + pe.field().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        for (String name : new String[] {kebab, kebab.replace("replications", "reps")}) {
            if (command.findOption(name) != null) {
                return name + " must be " + pe.allowed() + (pe.found() == null ? "" : ", was " + Problem.shown(pe.found()));
            }
        }
        return pe.getMessage();
    }

    /**
     * The JVM ran out of memory or could not start a thread (a process limit): not a bug and not bad
     * input, but a limit of the environment. One line saying which and what to do, exit code 1.
     */
    static int outOfMemory(OutOfMemoryError e, PrintWriter err) {
        String what = String.valueOf(e.getMessage());
        if (what.contains("native thread")) {
            err.println("alliancesim: cannot start another thread (the system's limit on threads or processes"
                    + " was reached); run with fewer --threads or raise the limit (ulimit -u)");
        } else {
            err.println("alliancesim: out of memory (" + Problem.shown(what) + "); give Java more with"
                    + " ALLIANCESIM_JAVA_OPTS=-Xmx8g (docs/cli.md), or run fewer families per replication");
        }
        if (System.getenv("ALLIANCESIM_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return AllianceSim.INTERNAL_ERROR;
    }

    /**
     * A file could not be written (a full disk, a folder made read-only mid-run): an environment
     * error, not bad input and not a bug. One line (the file and the reason, then what to do), no
     * stack trace, exit code 1; the folder's manifest does not say complete (docs/sweeps.md).
     */
    static int cannotWrite(picocli.CommandLine.Model.CommandSpec command, IOException e, String then) {
        String what = e instanceof FileSystemException f && f.getFile() != null
                ? "cannot write " + describe(f) : e.getMessage();
        command.commandLine().getErr().println(Problem.oneLine(command.qualifiedName() + ": " + what + "; " + then));
        return AllianceSim.INTERNAL_ERROR;
    }
}
