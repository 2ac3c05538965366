package org.alliancesim.analysis.usecase;

import java.util.List;
import org.alliancesim.analysis.calibration.Posterior;
import org.alliancesim.analysis.experiment.Metric;
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
 * @param execution threads, output folder (null: no files), progress and arguments ({@link Execution});
 *     progress is told after each replication of A and then of B ({@code total} = both together)
 * @param posterior a posterior whose parameter uncertainty the effects carry (compare --posterior), or null
 * @param draws posterior predictive draws M, 1 to {@link PosteriorPredictive#MAX_DRAWS} (unused without a posterior)
 * @param labelA what A is called on the console, in report.html, the chart legends and the CSVs: 1 to
 *     {@link #MAX_LABEL} characters without control characters; null for A's name
 * @param labelB what B is called; different from A's; null for B's name (either name with " (A)" or
 *     " (B)" after it when the two would be the same)
 * @param auto replications added in blocks until the effect is known well enough ({@code compare
 *     --reps auto}), or null to run {@code a}'s replications
 */
public record CompareRequest(Scenario a, Scenario b, Execution execution, Posterior posterior, int draws,
        String labelA, String labelB, Auto auto)
        implements Executed<CompareRequest> {

    /** The longest label. */
    public static final int MAX_LABEL = 200;

    /**
     * {@code compare --reps auto}: blocks of {@code block} paired replications (replication numbers
     * 0, 1, ... as a fixed run has them) are added until the 95% interval of B - A on {@code metric}
     * has a half-width of at most {@code precision}, or {@code max} replications have run. The result
     * equals a fixed run with the number of replications it stopped at.
     *
     * @param metric the metric whose difference decides
     * @param precision the half-width wanted, in the metric's units (greater than 0)
     * @param block replications per block, 2 to {@code max}
     * @param max most replications of each scenario, up to {@link #MAX_REPLICATIONS}
     */
    public record Auto(Metric metric, double precision, int block, int max) {

        /** The default precision: a 95% half-width of 0.01 (one percentage point of a share). */
        public static final double DEFAULT_PRECISION = 0.01;
        /** The default block: 10 paired replications. */
        public static final int DEFAULT_BLOCK = 10;
        /** The default cap: 1000 replications of each scenario. */
        public static final int DEFAULT_MAX = 1000;

        /** Validates the rule. */
        public Auto {
            Requests.given("metric", metric);
            if (!(precision > 0) || !Double.isFinite(precision)) {
                throw new ParameterException("precision", String.valueOf(precision), "a number greater than 0");
            }
            if (max < 2 || max > MAX_REPLICATIONS) {
                throw new ParameterException("max", String.valueOf(max), "from 2 to " + MAX_REPLICATIONS);
            }
            if (block < 2 || block > max) {
                throw new ParameterException("block", String.valueOf(block), "from 2 to max (" + max + ")");
            }
        }

        /** On {@code metric} to {@code precision}, with the default block and cap. */
        public static Auto of(Metric metric, double precision) {
            return new Auto(metric, precision, DEFAULT_BLOCK, DEFAULT_MAX);
        }
    }

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
        execution = execution == null ? Execution.DEFAULT : execution;
        if (draws < 1 || draws > PosteriorPredictive.MAX_DRAWS) {
            throw new ParameterException("draws", String.valueOf(draws), "from 1 to " + PosteriorPredictive.MAX_DRAWS);
        }
        if (auto != null && posterior != null) {
            throw new BadRequestException("--reps auto and --posterior cannot be combined: each posterior draw runs"
                    + " the fixed --reps N");
        }
        label("labelA", labelA);
        label("labelB", labelB);
        if (labelA == null || labelB == null) {
            List<String> named = distinct(labelA == null ? a.name() : labelA, labelB == null ? b.name() : labelB);
            labelA = labelA == null ? named.get(0) : labelA;
            labelB = labelB == null ? named.get(1) : labelB;
        }
        if (labelA.equals(labelB)) {
            throw new ParameterException("labelB", "'" + labelB + "'", "a label other than A's (both are '" + labelA
                    + "')");
        }
    }

    /** A request without a posterior. */
    public CompareRequest(Scenario a, Scenario b, Execution execution) {
        this(a, b, execution, null, PosteriorPredictive.DEFAULT_DRAWS);
    }

    /** A request with the scenarios' names as labels, run for a fixed number of replications. */
    public CompareRequest(Scenario a, Scenario b, Execution execution,
            Posterior posterior, int draws) {
        this(a, b, execution, posterior, draws, null, null, null);
    }

    /**
     * The label of an arm named by its edits: the scenario's name, then each edit as typed
     * ({@code involuntary-referral + therapists[*].warmth=0.9}); the edits both arms share are left
     * out by the caller, since they do not tell the arms apart.
     */
    public static String label(String scenario, List<String> edits) {
        StringBuilder sb = new StringBuilder(scenario);
        for (String e : edits) {
            sb.append(" + ").append(e.strip());
        }
        return sb.toString();
    }

    /** The two labels, with " (A)" and " (B)" after them when they are the same. */
    public static List<String> distinct(String a, String b) {
        return a.equals(b) ? List.of(a + " (A)", b + " (B)") : List.of(a, b);
    }

    private static void label(String field, String label) {
        if (label == null) {
            return;
        }
        if (label.isBlank() || label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl)) {
            throw new ParameterException(field, "'" + (label.length() > 40 ? label.substring(0, 40) + "..." : label) + "'", "1 to "
                    + MAX_LABEL + " characters, not blank, without control characters (tabs, line breaks)");
        }
    }

    /** A and B with A's seed and replications, on every core, no files. */
    public static CompareRequest of(Scenario a, Scenario b) {
        return new CompareRequest(a, b.withSeed(a.seed()).withReplications(a.replications()), Execution.DEFAULT);
    }

    /**
     * A copy with these labels (null for the scenario's name, as {@link #label(String, List)} or
     * {@code --label-a}/{@code --label-b} give them).
     */
    public CompareRequest withLabels(String a, String b) {
        return new CompareRequest(this.a, this.b, execution, posterior, draws, a, b, auto);
    }

    /** A copy that adds replications in blocks until the effect is known to {@code rule}'s precision; null for fixed. */
    public CompareRequest withAuto(Auto rule) {
        return new CompareRequest(a, b, execution, posterior, draws, labelA, labelB, rule);
    }

    /** A copy where both run with {@code seed}. */
    public CompareRequest withSeed(long seed) {
        return new CompareRequest(a.withSeed(seed), b.withSeed(seed), execution, posterior, draws, labelA, labelB, auto);
    }

    /** A copy where both run {@code n} replications (2 to 100,000). */
    public CompareRequest withReplications(int n) {
        return new CompareRequest(a.withReplications(n), b.withReplications(n), execution, posterior, draws, labelA, labelB, auto);
    }

    /**
     * A copy whose effects also carry {@code p}'s parameter uncertainty: each difference's posterior
     * predictive distribution ({@link PosteriorPredictive#compare}); null for none.
     */
    public CompareRequest withPosterior(Posterior p) {
        return new CompareRequest(a, b, execution, p, draws, labelA, labelB, auto);
    }

    /** A copy drawing {@code m} particles for the posterior predictive distributions (1 to 10,000). */
    public CompareRequest withDraws(int m) {
        return new CompareRequest(a, b, execution, posterior, m, labelA, labelB, auto);
    }

    @Override
    public CompareRequest withExecution(Execution how) {
        return new CompareRequest(a, b, how, posterior, draws, labelA, labelB, auto);
    }
}
