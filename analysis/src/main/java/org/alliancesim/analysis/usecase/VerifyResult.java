package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.analysis.verify.KernelVerification;

/**
 * The kernel checked against queueing theory.
 *
 * @param request what was simulated
 * @param rows one per queue: the analytic mean wait, the simulated 95% and 99% intervals, pass or fail
 * @param seconds how long the simulation took (wall clock)
 */
public record VerifyResult(VerifyRequest request, List<KernelVerification.Row> rows, double seconds) {

    /** Copies the rows. */
    public VerifyResult {
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
