package org.alliancesim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test access to the command line from other packages: runs it and returns the exit code. */
public final class AllianceSimAccess {

    private AllianceSimAccess() {}

    /** Exit code and both streams of one invocation. */
    public record Printed(int code, String out, String err) {}

    public static int run(String... args) {
        Printed p = printed(args);
        if (p.code() != 0 && p.code() != 3) {
            System.out.println("exit " + p.code() + ": " + p.err());
        }
        return p.code();
    }

    /** Runs the command line and keeps what it printed. */
    public static Printed printed(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AllianceSim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Printed(code, out.toString(), err.toString());
    }
}
