package org.alliancesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.alliancesim.analysis.report.Provenance;
import org.alliancesim.scenario.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code alliancesim} command line.
 *
 * <p>Exit codes (stable; scripts may rely on them): 0 success; 1 the command failed: an internal
 * error (a bug: please report it) or an I/O error of the environment (a full disk), each a one-line
 * message; 2 bad input (unknown command or option, invalid value, invalid file, an --out path that
 * cannot take results), with a one-line message and nothing written; 3 the command ran but some of
 * its checks failed (for {@code verify}: a row outside its interval).
 */
@Command(name = "alliancesim", resourceBundle = "org.alliancesim.cli.Options",
        mixinStandardHelpOptions = true,
        versionProvider = AllianceSim.Version.class,
        usageHelpAutoWidth = true,
        description = {
            "Discrete-event simulation of family therapy courses: each family member's alliance with the "
                + "therapist moves session by session; discomfort becomes progress or rupture; unrepaired "
                + "ruptures end courses.",
            ""},
        subcommands = {RunCommand.class, CompareCommand.class, StoryCommand.class, CalibrateCommand.class,
            ValidateCommand.class, CompeteCommand.class, StudyCommand.class, SweepCommand.class, MergeCommand.class, SlurmCommand.class, ClassroomCommand.class,
            ScenariosCommand.class, VerifyCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 internal or I/O error, 2 bad input, 3 ran but some checks failed.",
            "Documentation: README.md and docs/ in the source tree."})
public final class AllianceSim implements Runnable {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for an internal error. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a run whose checks did not all pass. */
    public static final int CHECKS_FAILED = 3;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams and returns the exit code (used by tests).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AllianceSim());
        giveEveryCommandTheVersion(cli, cli.getCommandSpec().versionProvider());
        cli.setOut(out);
        cli.setErr(err);
        // Arguments are data: "@FILE" is an argument like any other, never a file of arguments to read
        // (picocli's default would run the arguments a file holds, and quote its lines in messages).
        cli.setExpandAtFiles(false);
        // Numbers are read one way everywhere (Numbers): picocli's own converters would take 0x10 and 1.5d.
        cli.registerConverter(Integer.class, t -> (int) whole(t, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(int.class, t -> (int) whole(t, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(Long.class, t -> whole(t, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(long.class, t -> whole(t, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(Double.class, AllianceSim::number);
        cli.registerConverter(double.class, AllianceSim::number);
        cli.setParameterExceptionHandler(Failures::badUsage);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> Failures.exitCode(ex, line));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return Failures.outOfMemory(e, err);
        }
    }

    /** An option's whole number, read as {@link Numbers} reads numbers. */
    private static long whole(String text, long min, long max) {
        try {
            return Numbers.wholeNumber("the value", text, min, max);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** An option's number, read as {@link Numbers} reads numbers. */
    private static double number(String text) {
        try {
            return Numbers.number("the value", text);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** Subcommands list --version (standard help options) but do not inherit the provider: give it. */
    private static void giveEveryCommandTheVersion(CommandLine line, IVersionProvider version) {
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null) {
                sub.getCommandSpec().versionProvider(version);
            }
            giveEveryCommandTheVersion(sub, version);
        }
    }

    /** Reads the version, commit and work-tree state the build wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Provenance.Build b = Provenance.build();
            return new String[] {"alliancesim " + b.version(),
                b.commitLine(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** The program version, as built. */
    public static String version() {
        return Provenance.programVersion();
    }
}
