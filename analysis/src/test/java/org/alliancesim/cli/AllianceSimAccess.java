package org.alliancesim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test access to the command line from other packages: runs it and returns the exit code. */
public final class AllianceSimAccess {

    private AllianceSimAccess() {}

    public static int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AllianceSim.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != 0 && code != 3) {
            System.out.println("exit " + code + ": " + err);
        }
        return code;
    }
}
