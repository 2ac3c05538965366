package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.verify.KernelVerification;
import org.alliancesim.analysis.verify.KernelVerification.Plan;
import org.alliancesim.analysis.verify.KernelVerification.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alliancesim verify}: the kernel against queueing theory, as a table. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Check the simulation kernel against queueing theory (M/M/1, M/M/c, M/D/1).",
        description = {
            "Simulates M/M/1, M/M/c (Erlang C) and M/D/1 (Pollaczek-Khinchine) queues and compares the "
                + "mean wait in queue with the analytic value. A row passes when the analytic value lies "
                + "in the 99%% confidence interval of independent replications, so about 1 row in 100 "
                + "fails by chance for an arbitrary seed; the default seed passes.",
            ""},
        footer = {"", "Exit codes: 0 every row passes, 2 bad option, 3 some row failed, 1 internal or I/O error."})
final class VerifyCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed = 20261125L;

    @Option(names = "--reps", paramLabel = "N",
            description = "Independent replications per queue, >= 2 (default: ${DEFAULT-VALUE}).")
    int reps = 20;

    @Option(names = "--customers", paramLabel = "N",
            description = "Customers measured per replication, >= 1 (default: ${DEFAULT-VALUE}).")
    long customers = 200_000;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Customers discarded at the start of each replication, >= 0 (default: ${DEFAULT-VALUE}).")
    long warmup = 10_000;

    @Mixin
    ThreadsOption threadsOption;

    @Override
    public Integer call() {
        int threads = threadsOption.get();
        if (reps < 2) {
            throw new BadInputException("--reps must be at least 2, was " + reps);
        }
        if (customers < 1) {
            throw new BadInputException("--customers must be at least 1, was " + customers);
        }
        if (warmup < 0) {
            throw new BadInputException("--warmup must be at least 0, was " + warmup);
        }
        long start = System.nanoTime();
        List<Row> rows = KernelVerification.run(KernelVerification.standardCases(),
                new Plan(seed, reps, warmup, customers), threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(rows));
        out.printf(Locale.ROOT, "%nseed %d, %d replications x (%d warm-up + %d measured) customers per queue, "
                + "%d threads, %.1f s%n", seed, reps, warmup, customers, threads, seconds);
        long failed = rows.stream().filter(r -> !r.pass()).count();
        out.println(failed == 0 ? "All " + rows.size() + " checks pass."
                : failed + " of " + rows.size() + " checks failed.");
        out.flush();
        return failed == 0 ? AllianceSim.OK : AllianceSim.CHECKS_FAILED;
    }

    /** The table as text: model, parameters, analytic, simulated mean, 95% CI, 99% CI, result. */
    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-6s  %-30s  %-19s  %9s  %9s  %-21s  %-21s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "model", "parameters (per day)", "formula", "analytic",
                "simulated", "95% CI", "99% CI", "result"));
        for (Row r : rows) {
            var c = r.check().config();
            sb.append(String.format(Locale.ROOT, fmt, r.check().model(),
                    String.format(Locale.ROOT, "lambda=%.2f mu=%.2f rho=%.2f", c.arrivalRate(), c.serviceRate(),
                            c.utilisation()),
                    r.check().formula(),
                    String.format(Locale.ROOT, "%.4f", r.check().analytic()),
                    String.format(Locale.ROOT, "%.4f", r.ci95().mean()),
                    String.format(Locale.ROOT, "[%.4f, %.4f]", r.ci95().lower(), r.ci95().upper()),
                    String.format(Locale.ROOT, "[%.4f, %.4f]", r.ci99().lower(), r.ci99().upper()),
                    r.pass() ? "pass" : "FAIL"));
        }
        return sb.toString();
    }
}
