package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.model.ParameterException;
import org.alliancesim.scenario.Scenario;

/**
 * Two scenarios to compare on the same simulated families: both run with the same seed and the same
 * replication numbers (common random numbers), so replication r of A and of B simulate the same
 * families and their differences are paired.
 *
 * <p>From JShell: {@code CompareUseCase.execute(CompareRequest.of(a, b).withReplications(10))}.
 *
 * @param a the reference scenario
 * @param b the scenario compared with it; same seed and replications as {@code a}
 * @param threads worker threads, at least 1; results do not depend on it
 * @param output the results folder, or null to write no files
 * @param progress told after each replication of A and then of B ({@code total} = both together)
 * @param arguments the invocation's arguments, recorded in the provenance (empty for a library call)
 * @param posterior a posterior whose parameter uncertainty the effects carry (compare --posterior), or null
 * @param draws posterior predictive draws M, 1 to {@link PosteriorPredictive#MAX_DRAWS} (unused without a posterior)
 */
public record CompareRequest(Scenario a, Scenario b, int threads, Output output, Progress progress,
        List<String> arguments, Posterior posterior, int draws) {

    /** Most replications a comparison runs of each scenario. */
    public static final int MAX_REPLICATIONS = 100_000;

    /**
     * Validates the request.
     *
     * @throws BadRequestException when A and B differ in seed or replications (they would not be paired)
     * @throws ParameterException for fewer than 2 replications (a paired interval needs 2), or threads below 1
     */
    public CompareRequest {
        Requests.given("a", a);
        Requests.given("b", b);
        if (a.seed() != b.seed() || a.replications() != b.replications()) {
            throw new BadRequestException("A and B must run with the same seed and replications to be paired (common"
                    + " random numbers); A has seed " + a.seed() + " and " + a.replications() + " replications, B has"
                    + " seed " + b.seed() + " and " + b.replications());
        }
        if (a.replications() < 2) {
            throw new ParameterException("replications", String.valueOf(a.replications()),
                    "from 2 to " + MAX_REPLICATIONS + " (a paired interval needs 2)");
        }
        Requests.threads(threads);
        progress = Requests.progress(progress);
        arguments = Requests.arguments(arguments);
        if (draws < 1 || draws > PosteriorPredictive.MAX_DRAWS) {
            throw new ParameterException("draws", String.valueOf(draws), "from 1 to " + PosteriorPredictive.MAX_DRAWS);
        }
    }

    /** A request without a posterior. */
    public CompareRequest(Scenario a, Scenario b, int threads, Output output, Progress progress, List<String> arguments) {
        this(a, b, threads, output, progress, arguments, null, PosteriorPredictive.DEFAULT_DRAWS);
    }

    /** A and B with A's seed and replications, on every core, no files. */
    public static CompareRequest of(Scenario a, Scenario b) {
        return new CompareRequest(a, b.withSeed(a.seed()).withReplications(a.replications()), Requests.ALL_CORES,
                null, null, null);
    }

    /** A copy where both run with {@code seed}. */
    public CompareRequest withSeed(long seed) {
        return new CompareRequest(a.withSeed(seed), b.withSeed(seed), threads, output, progress, arguments, posterior, draws);
    }

    /** A copy where both run {@code n} replications (2 to 100,000). */
    public CompareRequest withReplications(int n) {
        return new CompareRequest(a.withReplications(n), b.withReplications(n), threads, output, progress, arguments, posterior, draws);
    }

    public CompareRequest withThreads(int n) {
        return new CompareRequest(a, b, n, output, progress, arguments, posterior, draws);
    }

    public CompareRequest withOutput(Output folder) {
        return new CompareRequest(a, b, threads, folder, progress, arguments, posterior, draws);
    }

    public CompareRequest withProgress(Progress callback) {
        return new CompareRequest(a, b, threads, output, callback, arguments, posterior, draws);
    }

    public CompareRequest withArguments(List<String> invocation) {
        return new CompareRequest(a, b, threads, output, progress, invocation, posterior, draws);
    }

    /**
     * A copy whose effects also carry {@code p}'s parameter uncertainty: each difference's posterior
     * predictive distribution ({@link PosteriorPredictive#compare}); null for none.
     */
    public CompareRequest withPosterior(Posterior p) {
        return new CompareRequest(a, b, threads, output, progress, arguments, p, draws);
    }

    /** A copy drawing {@code m} particles for the posterior predictive distributions (1 to 10,000). */
    public CompareRequest withDraws(int m) {
        return new CompareRequest(a, b, threads, output, progress, arguments, posterior, m);
    }
}
