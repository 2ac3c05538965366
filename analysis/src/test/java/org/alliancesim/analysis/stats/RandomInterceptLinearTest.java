package org.alliancesim.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.alliancesim.analysis.ExternalProgram;
import org.alliancesim.engine.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomInterceptLinearTest {

    /**
     * Unequal clusters (OneWayIccTest's data), R 4.2.2, lme4 1.1.31: {@code l <- lmer(y ~ 1 + (1 | g),
     * REML = TRUE); fixef(l); sqrt(vcov(l)); VarCorr(l); REMLcrit(l)}; the ICC interval from lme4's own
     * REML criterion, {@code dev <- lmer(..., devFunOnly = TRUE)}, with {@code uniroot} at
     * {@code dev(theta) - min = qchisq(.95, 1)}. An ML criterion (no log(sum w) term, N in place of
     * N - 1) gives var_u 0.84 and fails.
     */
    @Test
    void matchesLmer() {
        RandomInterceptLinear.Fit f = RandomInterceptLinear.fit(OneWayIccTest.GROUP, OneWayIccTest.Y);
        assertEquals(3.634592728358, f.intercept(), 1e-7);
        assertEquals(0.469385096652, f.interceptSe(), 1e-7);
        assertEquals(1.045768185756, f.varU(), 1e-6);
        assertEquals(0.146184365180, f.varE(), 1e-7);
        assertEquals(26.553209950494, f.remlCriterion(), 1e-9);
        assertEquals(0.877357226903, f.icc().value(), 1e-7);
        assertEquals(0.543292212402, f.icc().lower(), 1e-7);
        assertEquals(0.981441354463, f.icc().upper(), 1e-7);
        assertEquals(5, f.clusters());
        assertEquals(14, f.observations());
    }

    /**
     * Equal clusters: REML equals the ANOVA estimates when they are positive (var_e = MSW, var_u =
     * (MSB - MSW) / n; Searle, Casella and McCulloch 1992, 4.7). Groups {2, 4} and {6, 8}: MSB = 16,
     * MSW = 2, so var_u = 7, var_e = 2 and ICC = 7/9, by hand.
     */
    @Test
    void equalClustersGiveTheAnovaEstimates() {
        RandomInterceptLinear.Fit f = RandomInterceptLinear.fit(new int[] {1, 1, 2, 2}, new double[] {2, 4, 6, 8});
        assertEquals(7.0, f.varU(), 1e-6);
        assertEquals(2.0, f.varE(), 1e-7);
        assertEquals(7.0 / 9, f.icc().value(), 1e-7);
        assertEquals(5.0, f.intercept(), 1e-12);
    }

    /**
     * Group means closer than chance makes them: var_u = 0 (lmer: a singular fit), ICC 0, interval from
     * 0. R as above: var_e 0.709924242424, REMLcrit 29.932987210334, interval [0, 0.464423608143].
     */
    @Test
    void theBoundaryGivesZeroAndAnIntervalFromZero() {
        int[] g = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4};
        double[] y = {1, 2, 3, 3, 1, 2, 2, 3, 1.1, 2, 1, 3};
        RandomInterceptLinear.Fit f = RandomInterceptLinear.fit(g, y);
        assertEquals(0.0, f.varU());
        assertEquals(0.0, f.icc().value());
        assertEquals(0.0, f.icc().lower());
        assertEquals(0.464423608143, f.icc().upper(), 1e-7);
        assertEquals(0.709924242424, f.varE(), 1e-9);
        assertEquals(29.932987210334, f.remlCriterion(), 1e-9);
    }

    @Test
    void summariesGiveTheSameFit() {
        int[] n = {3, 2, 4, 3, 2};
        double[] sum = new double[5];
        double[] squares = new double[5];
        int[] index = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4};
        for (int i = 0; i < index.length; i++) {
            sum[index[i]] += OneWayIccTest.Y[i];
            squares[index[i]] += OneWayIccTest.Y[i] * OneWayIccTest.Y[i];
        }
        RandomInterceptLinear.Fit a = RandomInterceptLinear.fit(OneWayIccTest.GROUP, OneWayIccTest.Y);
        RandomInterceptLinear.Fit b = RandomInterceptLinear.fitSummaries(n, sum, squares);
        // Brent's method finds theta to about 1e-8 (the criterion is flat at its minimum).
        assertEquals(a.varU(), b.varU(), 1e-6);
        assertEquals(a.varE(), b.varE(), 1e-8);
        assertEquals(a.icc().lower(), b.icc().lower(), 1e-7);
        assertEquals(a.icc().upper(), b.icc().upper(), 1e-7);
    }

    @Test
    void refusesWhatCannotBeFittedWithAClearMessage() {
        var one = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fit(new int[] {7, 7, 7}, new double[] {1, 2, 3}));
        assertTrue(one.getMessage().contains("at least 2 clusters, had 1"), one.getMessage());
        var singles = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fit(new int[] {1, 2, 3}, new double[] {1, 2, 3}));
        assertTrue(singles.getMessage().contains("single observation"), singles.getMessage());
        var constant = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fit(new int[] {1, 1, 2, 2}, new double[] {4, 4, 4, 4}));
        assertTrue(constant.getMessage().contains("constant"), constant.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fit(new int[] {1, 1, 2, 2}, new double[] {1, Double.NaN, 3, 4}));
        assertEquals("outcome 1 is NaN, need a finite value", nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomInterceptLinear.fit(new int[] {1, 2}, new double[3]));
    }

    /** The summaries' checks, each with its own message (a missing check fails later, or otherwise). */
    @Test
    void refusesBadSummariesWithAClearMessage() {
        var sums = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fitSummaries(new int[] {2, 2}, new double[] {3}, new double[] {5, 25}));
        assertTrue(sums.getMessage().contains("had 2, 1 and 2"), sums.getMessage());
        var squares = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fitSummaries(new int[] {2, 2}, new double[] {3, 7}, new double[] {5}));
        assertTrue(squares.getMessage().contains("had 2, 2 and 1"), squares.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> RandomInterceptLinear.fitSummaries(
                new int[] {2, -1, 2}, new double[] {3, 0, 7}, new double[] {5, 0, 25}));
        assertTrue(negative.getMessage().startsWith("cluster 1 has size -1"), negative.getMessage());
        var nanSum = assertThrows(IllegalArgumentException.class, () -> RandomInterceptLinear.fitSummaries(
                new int[] {2, 2}, new double[] {3, Double.NaN}, new double[] {5, 25}));
        assertTrue(nanSum.getMessage().startsWith("cluster 1 has size 2, sum NaN"), nanSum.getMessage());
        var infSquares = assertThrows(IllegalArgumentException.class, () -> RandomInterceptLinear.fitSummaries(
                new int[] {2, 2}, new double[] {3, 7}, new double[] {Double.POSITIVE_INFINITY, 25}));
        assertTrue(infSquares.getMessage().contains("sum of squares Infinity"), infSquares.getMessage());
        var one = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fitSummaries(new int[] {3, 0}, new double[] {6, 0}, new double[] {14, 0}));
        assertTrue(one.getMessage().contains("at least 2 clusters, had 1"), one.getMessage());
        var singles = assertThrows(IllegalArgumentException.class,
                () -> RandomInterceptLinear.fitSummaries(new int[] {1, 1}, new double[] {1, 2}, new double[] {1, 4}));
        assertTrue(singles.getMessage().contains("single observation"), singles.getMessage());
    }

    /**
     * Two clusters, {1, 2} and {3, 4} (sums 3 and 7, sums of squares 5 and 25), with an empty cluster
     * between them: the empty one is left out (2 clusters, the same fit as the observations), and 2
     * clusters are enough.
     */
    @Test
    void summariesLeaveEmptyClustersOutAndTwoClustersAreEnough() {
        var withEmpty = RandomInterceptLinear.fitSummaries(new int[] {2, 0, 2}, new double[] {3, 0, 7},
                new double[] {5, 0, 25});
        var observations = RandomInterceptLinear.fit(new int[] {1, 1, 2, 2}, new double[] {1, 2, 3, 4});
        assertEquals(2, withEmpty.clusters());
        assertEquals(4, withEmpty.observations());
        assertEquals(2.5, withEmpty.intercept(), 1e-9);
        assertEquals(observations.varU(), withEmpty.varU(), 1e-9);
        assertEquals(observations.varE(), withEmpty.varE(), 1e-9);
        assertEquals(observations.icc().lower(), withEmpty.icc().lower(), 1e-9);
    }

    /**
     * Two clusters 10 apart with a spread of 1e-4 within: sd_u / sd_e is about 1e5, beyond what the
     * profile follows (1e4), so the ICC's upper bound is the documented 1 exactly (not NaN, not 0).
     */
    @Test
    void anUnboundedProfileGivesAnUpperIccOfOne() {
        var f = RandomInterceptLinear.fit(new int[] {1, 1, 2, 2}, new double[] {0, 1e-4, 10, 10.0001});
        assertEquals(1.0, f.icc().upper());
        assertTrue(f.icc().value() > 0.99 && f.icc().value() < 1, "icc " + f.icc().value());
    }

    /**
     * The profile interval against the exact F interval of the balanced one-way model
     * ({@link OneWayIcc}, independent code), and its coverage: 400 virtual studies of 12 clusters x 10,
     * normal cluster effects and residuals with a true ICC of .2. Error budget: the binomial SD of a
     * coverage share of 400 is .011, so [.91, .99] fails a correct 95% interval with probability below
     * 1e-3; the fixed seed makes it deterministic. The profile and F bounds differ by less than .06 in
     * every study (they are different intervals, close for equal clusters). Measured: 380 of 400
     * covered (.950), largest difference from the F bounds .023.
     */
    @Test
    void profileIntervalCoversAndIsCloseToTheExactFInterval() {
        int k = 12;
        int n = 10;
        int covered = 0;
        double widest = 0;
        for (int r = 0; r < 400; r++) {
            UniformRandomProvider rng = RandomStreams.of(11).stream(r, 0, "study");
            int[] g = new int[k * n];
            double[] y = new double[k * n];
            for (int c = 0; c < k; c++) {
                double u = Math.sqrt(0.2) * normal(rng);
                for (int j = 0; j < n; j++) {
                    g[c * n + j] = c;
                    y[c * n + j] = u + Math.sqrt(0.8) * normal(rng);
                }
            }
            Estimate icc = RandomInterceptLinear.fit(g, y).icc();
            covered += icc.contains(0.2) ? 1 : 0;
            Estimate f = OneWayIcc.estimate(g, y);
            widest = Math.max(widest, Math.abs(Math.max(0, f.lower()) - icc.lower()));
            widest = Math.max(widest, Math.abs(f.upper() - icc.upper()));
        }
        System.out.printf("profile ICC interval covered %d of 400; largest difference from the F interval %.4f%n", covered,
                widest);
        assertTrue(covered >= 364 && covered <= 396, "covered " + covered + " of 400");
        assertTrue(widest < 0.06, "largest difference from the F interval " + widest);
    }

    private static double normal(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /**
     * The check of issue 25 against lme4 on the file alliancesim writes: the default scenario's
     * families.csv (2 replications x 1000 families, seed 1; the therapists of a replication as
     * clusters), improvement ~ 1 + (1 | cluster) by R's {@code lmer(REML = TRUE)}: b0, its SE, var_u,
     * var_e and the REML criterion agree to 1e-6 relative; the ICC's profile bounds, computed in R from
     * lme4's own REML criterion ({@code devFunOnly = TRUE}, {@code uniroot} at qchisq(.95, 1)), to 1e-5.
     * Then the same check with the Java var_u moved by 1e-4 relative must fail. Needs Rscript with lme4.
     */
    @Test
    @Tag("r")
    void lmerOnFamiliesCsvAgrees(@TempDir Path dir) throws Exception {
        DefaultRunFamilies fam = DefaultRunFamilies.write(dir, 2, 1);
        RandomInterceptLinear.Fit fit = RandomInterceptLinear.fit(fam.cluster(), fam.improvement());
        ExternalProgram.Result same = lmerCheck(dir, fam, fit, 1);
        assertEquals(0, same.exitCode(), same.output());
        ExternalProgram.Result moved = lmerCheck(dir, fam, fit, 1 + 1e-4);
        assertNotEquals(0, moved.exitCode(), "R accepted a var_u off by 1e-4: " + moved.output());
        assertTrue(moved.output().contains("is not TRUE"), moved.output());
    }

    private static ExternalProgram.Result lmerCheck(Path dir, DefaultRunFamilies fam, RandomInterceptLinear.Fit f,
            double factor) throws Exception {
        Path java = dir.resolve("java-lmer.csv");
        Files.writeString(java, String.format(Locale.ROOT, "b0,se,var_u,var_e,reml,icc,lower,upper%n"
                + "%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g%n", f.intercept(), f.interceptSe(), f.varU() * factor,
                f.varE(), f.remlCriterion(), f.icc().value(), f.icc().lower(), f.icc().upper()));
        String script = fam.readInR()
                + "j <- read.csv('" + java + "')\n"
                + "l <- lmer(improvement ~ 1 + (1 | cluster), data = fam, REML = TRUE)\n"
                + "vc <- as.data.frame(VarCorr(l))$vcov\n"
                + "r <- c(fixef(l), sqrt(vcov(l)[1, 1]), vc[1], vc[2], REMLcrit(l))\n"
                + "jr <- c(j$b0, j$se, j$var_u, j$var_e, j$reml)\n"
                + "dev <- lmer(improvement ~ 1 + (1 | cluster), data = fam, REML = TRUE, devFunOnly = TRUE)\n"
                + "th <- getME(l, 'theta')\n"
                + "g <- function(t) dev(t) - REMLcrit(l) - qchisq(.95, 1)\n"
                + "lo <- if (g(0) > 0) uniroot(g, c(0, th), tol = 1e-12)$root else 0\n"
                + "hi <- uniroot(g, c(th, 100), tol = 1e-12)$root\n"
                + "ci <- c(lo^2 / (1 + lo^2), hi^2 / (1 + hi^2))\n"
                + "cat(sprintf('R b0 %.7f se %.7f var_u %.7f var_e %.7f REMLcrit %.5f icc %.6f [%.6f, %.6f]; Java b0 %.7f se %.7f"
                + " var_u %.7f var_e %.7f REMLcrit %.5f icc %.6f [%.6f, %.6f]; %d clusters\\n', r[1], r[2], r[3], r[4], r[5],"
                + " vc[1] / sum(vc), ci[1], ci[2], jr[1], jr[2], jr[3], jr[4], jr[5], j$icc, j$lower, j$upper, nlevels(fam$cluster)))\n"
                + "stopifnot(max(abs(r / jr - 1)) < 1e-6, abs(vc[1] / sum(vc) - j$icc) < 1e-6, abs(ci[1] - j$lower) < 1e-5,"
                + " abs(ci[2] - j$upper) < 1e-5)\n";
        return ExternalProgram.rscript(dir, "lmer-check.R", script, "R lmer check (var_u times " + factor + ")");
    }
}
