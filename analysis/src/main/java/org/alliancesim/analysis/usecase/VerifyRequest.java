package org.alliancesim.analysis.usecase;

import org.alliancesim.analysis.verify.KernelVerification;
import org.alliancesim.analysis.verify.KernelVerification.Plan;
import org.alliancesim.model.ParameterException;

/**
 * How much to simulate when checking the kernel against queueing theory.
 *
 * <p>From JShell: {@code VerifyUseCase.execute(VerifyRequest.standard().withReplications(5)
 * .withCustomers(20_000).withWarmup(1_000)).passed()}.
 *
 * @param plan seed, replications per queue (at least 2), warm-up and measured customers per
 *     replication (validated by {@link Plan})
 * @param threads worker threads, at least 1; results do not depend on it
 */
public record VerifyRequest(KernelVerification.Plan plan, int threads) {

    /** The plan of {@link #standard()}: seed 20261125, 20 replications x (10,000 + 200,000) customers. */
    public static final Plan STANDARD = new Plan(20261125L, 20, 10_000, 200_000);

    /**
     * Validates the request.
     *
     * @throws ParameterException for a missing plan or threads below 1
     */
    public VerifyRequest {
        Requests.given("plan", plan);
        Requests.threads(threads);
    }

    /** The standard plan (whose seed passes every check) on every core. */
    public static VerifyRequest standard() {
        return new VerifyRequest(STANDARD, Requests.ALL_CORES);
    }

    public VerifyRequest withSeed(long seed) {
        return new VerifyRequest(new Plan(seed, plan.replications(), plan.warmup(), plan.customers()), threads);
    }

    /** @throws ParameterException unless {@code n >= 2} */
    public VerifyRequest withReplications(int n) {
        return new VerifyRequest(new Plan(plan.seed(), n, plan.warmup(), plan.customers()), threads);
    }

    /** @throws ParameterException unless {@code n >= 0} */
    public VerifyRequest withWarmup(long n) {
        return new VerifyRequest(new Plan(plan.seed(), plan.replications(), n, plan.customers()), threads);
    }

    /** @throws ParameterException unless {@code n >= 1} */
    public VerifyRequest withCustomers(long n) {
        return new VerifyRequest(new Plan(plan.seed(), plan.replications(), plan.warmup(), n), threads);
    }

    public VerifyRequest withThreads(int n) {
        return new VerifyRequest(plan, n);
    }
}
