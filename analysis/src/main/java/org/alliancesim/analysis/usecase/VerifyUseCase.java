package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.analysis.verify.KernelVerification;

/**
 * Checks the simulation kernel against queueing theory: M/M/1, M/M/c (Erlang C) and M/D/1
 * (Pollaczek-Khinchine) queues, each row passing when the analytic mean wait lies in the 99%
 * interval of independent replications ({@link KernelVerification}). Writes no files.
 */
public final class VerifyUseCase {

    private VerifyUseCase() {}

    /**
     * The kernel checked against queueing theory.
     *
     * @param request what was simulated
     * @param rows one per queue: the analytic mean wait, the simulated 95% and 99% intervals, pass or fail
     * @param seconds how long the simulation took (wall clock)
     */
    public record Result(VerifyRequest request, List<KernelVerification.Row> rows, double seconds) {

        /** Copies the rows. */
        public Result {
            rows = List.copyOf(rows);
        }

        /** Rows whose analytic value lies outside the simulated 99% interval. */
        public long failed() {
            return rows.stream().filter(r -> !r.pass()).count();
        }

        /** Whether every row passes. */
        public boolean passed() {
            return failed() == 0;
        }
    }

    /** Simulates the standard cases with the request's plan. */
    public static Result execute(VerifyRequest request) {
        long start = System.nanoTime();
        var rows = KernelVerification.run(KernelVerification.standardCases(), request.plan(), request.threads());
        return new Result(request, rows, (System.nanoTime() - start) / 1e9);
    }
}
