package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * ABC-SMC against posteriors known in closed form, run through the same {@link AbcSmc} as the
 * model with toy simulators. Error budget of each check: 4 Monte Carlo standard errors of the
 * weighted estimate (sd / sqrt(ESS) for the mean, sd / sqrt(2 ESS) for the sd, from the final
 * population's effective sample size) plus the largest shift the final tolerance eps allows (k eps
 * for the normal mean, where k = 10/14 is how far a change in the data moves the exact posterior
 * mean; 0 for the binomial count, whose final tolerance is an exact match). So the bound shrinks
 * with the final tolerance. Seeds are fixed (below); at 4 standard errors a correct sampler fails a
 * check about once in 16,000 seeds if the standard errors are right; over 12 other seeds (1-12, population
 * 500, eps 0.02) the errors in units of these standard errors had a spread of about 1 (largest 1.9),
 * so resampling across generations does not inflate them much here.
 */
class AbcSmcTest {

    static final long SEED = 20261207L;

    /** Normal mean: x_1..x_10 ~ N(mu, 1), statistic their mean (observed 0.8); prior mu ~ N(0, 0.5^2). */
    static final double XBAR = 0.8;
    static final int N_OBS = 10;
    static final double PRIOR_SD = 0.5;
    /** Exact posterior: precision 1/0.25 + 10 = 14, mean 10 x 0.8 / 14, sd 1/sqrt(14) (conjugate normal). */
    static final double EXACT_MEAN = 8.0 / 14;
    static final double EXACT_SD = Math.sqrt(1.0 / 14);
    static final double SHRINK = 10.0 / 14;

    static Prior normalPrior() {
        return Prior.of(List.of(Prior.Marginal.normal(0, PRIOR_SD, -5, 5)));
    }

    /** The sample mean of 10 draws from N(mu, 1), drawn as mu + N(0, 1) / sqrt(10) from the given seed. */
    static final AbcSmc.Simulator NORMAL_MEAN = (theta, seed) -> {
        UniformRandomProvider rng = RandomStreams.of(seed).stream(0, 0, "toy");
        return new double[] {theta[0] + ZigguratSampler.NormalizedGaussian.of(rng).sample() / Math.sqrt(N_OBS)};
    };

    static AbcSmc.Settings normalSettings(double finalTolerance, int threads) {
        // Fixed scales: the tolerance is then in the statistic's units x generation 0's scale.
        return new AbcSmc.Settings(500, 0.5, 0.0, finalTolerance, 400_000, 30, false, SEED, threads);
    }

    /** The final tolerance in the statistic's units: eps x the fixed scale. */
    static double epsilon(AbcSmc.State s) {
        AbcSmc.Generation last = s.generations().get(s.generations().size() - 1);
        return last.tolerance() * s.generations().get(0).scales()[0];
    }

    @Test
    void normalMeanMatchesTheExactPosteriorWithinABudgetThatShrinksWithTheTolerance() throws Exception {
        for (double eps : new double[] {0.05, 0.2}) {
            AbcSmc.State s = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN,
                    normalSettings(eps, 2)).run(null, new AbcSmc.Listener() {});
            Population p = s.population();
            double e = epsilon(s);
            double mean = p.mean()[0];
            double sd = p.sd(0);
            double meanBound = 4 * EXACT_SD / Math.sqrt(p.ess()) + SHRINK * e;
            double sdBound = 4 * EXACT_SD / Math.sqrt(2 * p.ess()) + SHRINK * e;
            System.out.printf("normal mean, seed %d: eps %.4f (stat units), mean %.4f (exact %.4f, bound %.4f),"
                    + " sd %.4f (exact %.4f, bound %.4f), ESS %.0f, %d simulations, %d generations%n", SEED, e, mean,
                    EXACT_MEAN, meanBound, sd, EXACT_SD, sdBound, p.ess(), s.simulations(), s.generations().size());
            assertTrue(e <= eps * 1.5 + 1e-12 || s.stopReason().startsWith("tolerance"), s.stopReason());
            assertEquals(EXACT_MEAN, mean, meanBound);
            assertEquals(EXACT_SD, sd, sdBound);
        }
    }

    @Test
    void aLooseToleranceGivesAWiderPosteriorThanTheTightBudgetAllows() throws Exception {
        // Stopped after 2 generations the tolerance is still wide, and the ABC posterior is visibly
        // wider than the exact one: the check above is not passed by any population at all.
        AbcSmc.State s = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN,
                normalSettings(0, 1).withMaxGenerations(2)).run(null, new AbcSmc.Listener() {});
        double sdBoundTight = 4 * EXACT_SD / Math.sqrt(2 * s.population().ess()) + SHRINK * 0.05;
        assertTrue(s.population().sd(0) > EXACT_SD + sdBoundTight, "sd " + s.population().sd(0) + " at eps "
                + epsilon(s));
    }

    /** Beta-binomial: 7 dropouts of 20 families, dropout probability p with a uniform (Beta(1, 1)) prior. */
    @Test
    void binomialDropoutCountMatchesTheBetaPosterior() throws Exception {
        int families = 20;
        int dropouts = 7;
        AbcSmc.Simulator binomial = (theta, seed) -> {
            UniformRandomProvider rng = RandomStreams.of(seed).stream(0, 0, "toy");
            int k = BinomialDistribution.of(families, theta[0]).inverseCumulativeProbability(rng.nextDouble());
            return new double[] {(double) k / families};
        };
        Prior uniform = Prior.of(List.of(Prior.Marginal.uniform(0, 1)));
        AbcSmc.Settings settings = new AbcSmc.Settings(500, 0.5, 0.0, 0.0, 400_000, 30, false, SEED, 2);
        AbcSmc.State s = AbcSmc.of(uniform, new double[] {(double) dropouts / families}, binomial, settings)
                .run(null, new AbcSmc.Listener() {});
        // Exact posterior Beta(1 + 7, 1 + 13): mean 8/22, variance ab / ((a + b)^2 (a + b + 1)).
        double a = 1 + dropouts;
        double b = 1 + families - dropouts;
        double exactMean = a / (a + b);
        double exactSd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        Population p = s.population();
        assertEquals(0.0, s.generations().get(s.generations().size() - 1).tolerance(), 0.0, "an exact match at the end");
        double meanBound = 4 * exactSd / Math.sqrt(p.ess());
        double sdBound = 4 * exactSd / Math.sqrt(2 * p.ess());
        System.out.printf("beta-binomial, seed %d: mean %.4f (exact %.4f, bound %.4f), sd %.4f (exact %.4f,"
                + " bound %.4f), ESS %.0f, %d simulations%n", SEED, p.mean()[0], exactMean, meanBound, p.sd(0), exactSd,
                sdBound, p.ess(), s.simulations());
        assertEquals(exactMean, p.mean()[0], meanBound);
        assertEquals(exactSd, p.sd(0), sdBound);
    }

    /**
     * The broken kernel: accepted particles keep weight 1 instead of prior / sum w K. The proposal
     * (the previous population, widened) then stands in for the prior, and the population drifts
     * towards the likelihood alone: mean 0.8 instead of 0.571. The normal-mean check must fail.
     */
    @Test
    void withoutImportanceWeightsTheNormalMeanCheckFails() throws Exception {
        AbcSmc.Weighting unweighted = (theta, prior, previous, kernel) -> 1.0;
        AbcSmc.State s = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN, normalSettings(0.05, 2), unweighted)
                .run(null, new AbcSmc.Listener() {});
        Population p = s.population();
        double meanBound = 4 * EXACT_SD / Math.sqrt(p.ess()) + SHRINK * epsilon(s);
        System.out.printf("broken kernel (weights not updated), seed %d: mean %.4f (exact %.4f, bound %.4f), sd %.4f%n",
                SEED, p.mean()[0], EXACT_MEAN, meanBound, p.sd(0));
        assertTrue(Math.abs(p.mean()[0] - EXACT_MEAN) > meanBound, "the broken kernel passed: mean " + p.mean()[0]);
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() throws Exception {
        AbcSmc.Settings one = normalSettings(0.1, 1).withMaxGenerations(4);
        AbcSmc.State a = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN, one).run(null, new AbcSmc.Listener() {});
        AbcSmc.State b = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN, one.withThreads(3))
                .run(null, new AbcSmc.Listener() {});
        assertEquals(a.simulations(), b.simulations());
        for (int i = 0; i < a.population().size(); i++) {
            assertArrayEquals(a.population().particle(i), b.population().particle(i), 0.0);
            assertEquals(a.population().weight(i), b.population().weight(i), 0.0);
        }
    }

    @Test
    void resumingFromAGenerationGivesTheUninterruptedRun() throws Exception {
        AbcSmc.Settings settings = normalSettings(0.1, 2).withMaxGenerations(5);
        AbcSmc abc = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN, settings);
        AbcSmc.State[] second = new AbcSmc.State[1];
        AbcSmc.State whole = abc.run(null, new AbcSmc.Listener() {
            @Override
            public void generation(AbcSmc.State s) {
                if (s.generations().size() == 2) {
                    second[0] = s;
                }
            }
        });
        AbcSmc.State resumed = AbcSmc.of(normalPrior(), new double[] {XBAR}, NORMAL_MEAN, settings.withThreads(1))
                .run(second[0], new AbcSmc.Listener() {});
        assertEquals(whole.simulations(), resumed.simulations());
        assertArrayEquals(whole.population().weights(), resumed.population().weights(), 0.0);
        assertEquals(whole.stopReason(), resumed.stopReason());
    }

    @Test
    void aPopulationBelowTwiceTheParametersIsRefused() {
        Prior two = Prior.of(List.of(Prior.Marginal.uniform(0, 1), Prior.Marginal.uniform(0, 1),
                Prior.Marginal.uniform(0, 1)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AbcSmc.of(two, new double[] {0}, NORMAL_MEAN, AbcSmc.Settings.of(5, 100, 1, 1)));
        assertTrue(e.getMessage().contains("at least 2 x the 3 parameters = 6"), e.getMessage());
    }
}
