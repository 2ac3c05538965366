package org.alliancesim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.alliancesim.analysis.usecase.VerifyRequest;
import org.alliancesim.analysis.usecase.VerifyUseCase;
import org.alliancesim.analysis.verify.KernelVerification.Plan;
import org.alliancesim.analysis.verify.KernelVerification.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alliancesim verify}: flags to a {@link VerifyRequest}; the kernel against queueing theory, as a table. */
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
    long seed = VerifyRequest.STANDARD.seed();

    @Option(names = "--reps", paramLabel = "N",
            description = "Independent replications per queue, >= 2 (default: ${DEFAULT-VALUE}).")
    int reps = VerifyRequest.STANDARD.replications();

    @Option(names = "--customers", paramLabel = "N",
            description = "Customers measured per replication, >= 1 (default: ${DEFAULT-VALUE}).")
    long customers = VerifyRequest.STANDARD.customers();

    @Option(names = "--warmup", paramLabel = "N",
            description = "Customers discarded at the start of each replication, >= 0 (default: ${DEFAULT-VALUE}).")
    long warmup = VerifyRequest.STANDARD.warmup();

    @Mixin
    ThreadsOption threadsOption;

    @Override
    public Integer call() {
        VerifyUseCase.Result result = VerifyUseCase.execute(new VerifyRequest(new Plan(seed, reps, warmup, customers),
                threadsOption.get()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(result.rows()));
        out.printf(Locale.ROOT, "%nseed %d, %d replications x (%d warm-up + %d measured) customers per queue, "
                + "%d threads, %.1f s%n", seed, reps, warmup, customers, result.request().threads(), result.seconds());
        out.println(result.passed() ? "All " + result.rows().size() + " checks pass."
                : result.failed() + " of " + result.rows().size() + " checks failed.");
        out.flush();
        return result.passed() ? AllianceSim.OK : AllianceSim.CHECKS_FAILED;
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
