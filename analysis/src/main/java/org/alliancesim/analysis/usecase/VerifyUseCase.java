package org.alliancesim.analysis.usecase;

import org.alliancesim.analysis.verify.KernelVerification;

/**
 * Checks the simulation kernel against queueing theory: M/M/1, M/M/c (Erlang C) and M/D/1
 * (Pollaczek-Khinchine) queues, each row passing when the analytic mean wait lies in the 99%
 * interval of independent replications ({@link KernelVerification}). Writes no files.
 */
public final class VerifyUseCase {

    private VerifyUseCase() {}

    /** Simulates the standard cases with the request's plan. */
    public static VerifyResult execute(VerifyRequest request) {
        long start = System.nanoTime();
        var rows = KernelVerification.run(KernelVerification.standardCases(), request.plan(), request.threads());
        return new VerifyResult(request, rows, (System.nanoTime() - start) / 1e9);
    }
}
