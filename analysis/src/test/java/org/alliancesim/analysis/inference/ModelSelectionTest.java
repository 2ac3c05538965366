package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * ABC-SMC model selection against a problem whose answer is known exactly: k = 11 successes in
 * n = 20 Bernoulli trials, model "wide" p ~ uniform(0, 1) against model "low" p ~ uniform(0, 0.5).
 * The count is sufficient for p in both models and for the choice between them (the binomial
 * coefficient is common), so ABC with exact matching (the run ends at tolerance 0) targets the exact
 * posterior: the marginal likelihoods are 1 / (n + 1) and 2 I_0.5(k + 1, n - k + 1) / (n + 1), so
 * the Bayes factor low : wide is 2 I_0.5(12, 10), the oracle worked out with the regularised
 * incomplete beta function (Commons Statistics' Beta CDF), not with the code under test.
 *
 * <p>Error budget: 1000 particles with an effective sample size of several hundred give a Monte
 * Carlo sd of the model probability of about 0.02; the tolerance is 0.06 (three sd), checked on the
 * fixed seed 20261207. A broken variant of the weights (the model proposal left out, the kernel's
 * constant dropped, weights normalised within models) must miss it by more.
 */
class ModelSelectionTest {

    private static final int TRIALS = 20;
    private static final int SUCCESSES = 11;
    private static final double TOLERANCE = 0.06;

    /** The exact posterior probability of the wide model under equal prior probabilities. */
    static double exactWide(double priorWide) {
        double bayesLowWide = 2 * BetaDistribution.of(SUCCESSES + 1, TRIALS - SUCCESSES + 1.0).cumulativeProbability(0.5);
        double priorLow = 1 - priorWide;
        return priorWide / (priorWide + priorLow * bayesLowWide);
    }

    static AbcSmc.Simulator binomial() {
        return (theta, seed) -> {
            UniformRandomProvider rng = RandomStreams.of(seed).stream(0, 0, 0);
            int k = 0;
            for (int i = 0; i < TRIALS; i++) {
                k += rng.nextDouble() < theta[0] ? 1 : 0;
            }
            return new double[] {k};
        };
    }

    static List<ModelSelection.Model> models(double priorWide) {
        return List.of(new ModelSelection.Model("wide", Prior.of(List.of(Prior.Marginal.uniform(0, 1))), binomial(),
                priorWide), new ModelSelection.Model("low", Prior.of(List.of(Prior.Marginal.uniform(0, 0.5))),
                binomial(), 1 - priorWide));
    }

    static AbcSmc.Settings settings(int threads) {
        // alpha 0.25: the count is discrete, and the accepted counts k - 1, k, k + 1 hold about a third each,
        // so the 0.25-quantile of their distances is 0 and the next generation matches exactly.
        return new AbcSmc.Settings(1000, 0.25, 0.005, 0, 400_000, 50, true, 20261207L, threads);
    }

    static ModelSelection.Result run(ModelSelection.Flaw flaw, double priorWide, int threads) throws Exception {
        return ModelSelection.of(models(priorWide), new double[] {SUCCESSES}, settings(threads), flaw).run(null);
    }

    @Test
    void recoversTheExactModelProbability() throws Exception {
        ModelSelection.Result r = run(ModelSelection.Flaw.NONE, 0.5, 1);
        double exact = exactWide(0.5);
        System.out.printf("exact %.4f abc %.4f (%s, %d simulations)%n", exact, r.probabilities()[0], r.stopReason(),
                r.simulations());
        assertTrue(r.stopReason().startsWith("tolerance 0.0"), r.stopReason());
        assertEquals(exact, r.probabilities()[0], TOLERANCE);
        assertEquals(1, r.probabilities()[0] + r.probabilities()[1], 1e-12);
    }

    @Test
    void unequalPriorProbabilitiesAreHonoured() throws Exception {
        ModelSelection.Result r = run(ModelSelection.Flaw.NONE, 0.2, 1);
        System.out.printf("prior 0.2: exact %.4f abc %.4f%n", exactWide(0.2), r.probabilities()[0]);
        assertEquals(exactWide(0.2), r.probabilities()[0], TOLERANCE);
    }

    @Test
    void brokenWeightsMissTheExactProbability() throws Exception {
        for (ModelSelection.Flaw flaw : new ModelSelection.Flaw[] {ModelSelection.Flaw.NO_MODEL_PROPOSAL,
                ModelSelection.Flaw.UNNORMALISED_KERNEL, ModelSelection.Flaw.WITHIN_MODEL}) {
            // Unequal prior probabilities: the model proposal then differs from the prior from the start.
            ModelSelection.Result r = run(flaw, 0.2, 1);
            ModelSelection.Result even = run(flaw, 0.5, 1);
            System.out.printf("%s: exact %.4f abc %.4f; even: exact %.4f abc %.4f%n", flaw, exactWide(0.2),
                    r.probabilities()[0], exactWide(0.5), even.probabilities()[0]);
            assertTrue(Math.abs(r.probabilities()[0] - exactWide(0.2)) > TOLERANCE, flaw + " " + r.probabilities()[0]);
        }
    }

    @Test
    void identicalWhateverTheThreads() throws Exception {
        AbcSmc.Settings small = AbcSmc.Settings.of(200, 4000, 7L, 1);
        ModelSelection.Result one = ModelSelection.of(models(0.5), new double[] {SUCCESSES}, small).run(null);
        ModelSelection.Result two = ModelSelection.of(models(0.5), new double[] {SUCCESSES}, small.withThreads(2))
                .run(null);
        assertArrayEquals(one.probabilities(), two.probabilities());
        assertEquals(one.simulations(), two.simulations());
        assertEquals(one.generations().size(), two.generations().size());
        for (int m = 0; m < 2; m++) {
            assertArrayEquals(one.populations().get(m).weights(), two.populations().get(m).weights());
        }
    }

    @Test
    void refusesOneModelAndBadPriorProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.of(models(0.5).subList(0, 1),
                new double[] {1}, settings(1)));
        assertThrows(IllegalArgumentException.class, () -> new ModelSelection.Model("x",
                Prior.of(List.of(Prior.Marginal.uniform(0, 1))), binomial(), 0));
        assertThrows(IllegalArgumentException.class, () -> new ModelSelection.Model("x",
                Prior.of(List.of(Prior.Marginal.uniform(0, 1))), binomial(), Double.NaN));
    }
}
