package org.alliancesim.analysis.usecase;

/**
 * Where a long use case reports how far it is (the command line draws a bar; scripts may log).
 * Called from one thread at a time, in order; must be cheap.
 */
@FunctionalInterface
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (done, total, note) -> { };

    /**
     * @param done units finished so far (replications, points, evaluations)
     * @param total units planned, or -1 when open-ended (sequential stopping)
     * @param note a short status such as "best distance 0.4210", or ""
     */
    void update(long done, long total, String note);
}
